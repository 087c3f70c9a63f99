package org.motif.genomics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Paths of the committed fixtures under genomics/fixtures and small helpers for tests. */
final class Fixtures {
    static final Path DIR = Path.of("genomics", "fixtures");

    private Fixtures() {
    }

    static Path file(String name) {
        return DIR.resolve(name);
    }

    static List<VcfRecord> readAll(Path path) throws IOException {
        List<VcfRecord> out = new ArrayList<>();
        try (VcfReader r = VcfReader.open(path, path.getFileName().toString(), null)) {
            VcfRecord rec;
            while ((rec = r.next()) != null) out.add(rec);
        }
        return out;
    }

    /** Trios of a PED (child, father, mother all VCF samples), in PED order, as bcftools -p reads them. */
    static List<MendelianCounter.Trio> trios(Path ped, List<String> samples) throws IOException {
        List<MendelianCounter.Trio> out = new ArrayList<>();
        for (String line : Files.readAllLines(ped)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.trim().split("\\s+");
            int c = samples.indexOf(f[1]);
            int fa = samples.indexOf(f[2]);
            int m = samples.indexOf(f[3]);
            if (c >= 0 && fa >= 0 && m >= 0) out.add(new MendelianCounter.Trio(f[1], f[2], f[3], c, fa, m));
        }
        return out;
    }
}
