package org.motif.genomics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The shipped list of genes with published associations to isolated or combined dystonia
 * ({@code genomics/dystonia-genes.txt}, HGNC symbols, one per line, '#' comments), for the variant
 * browser's "dystonia genes" filter.
 */
public final class DystoniaGenes {
    static final String RESOURCE = "genomics/dystonia-genes.txt";
    private static final List<String> GENES = load();

    private DystoniaGenes() {
    }

    /** The HGNC symbols in file order; never empty. */
    public static List<String> list() {
        return GENES;
    }

    private static List<String> load() {
        try (InputStream in = DystoniaGenes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the class path");
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
