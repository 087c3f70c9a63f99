package org.motif.genomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Motif's Mendelian counts against bcftools +mendelian -m c (committed outputs and a live re-run). */
class MendelianCounterTest {

    private static MendelianCounter count(String vcf, String ped) throws IOException {
        Path path = Fixtures.file(vcf);
        List<String> samples;
        try (VcfReader r = VcfReader.open(path, vcf, null)) {
            samples = r.samples();
        }
        MendelianCounter counter = new MendelianCounter(Fixtures.trios(Fixtures.file(ped), samples));
        for (VcfRecord rec : Fixtures.readAll(path)) counter.add(rec);
        return counter;
    }

    /** "nOK nBad nSkipped mother,father,child" lines keyed by child. */
    private static Map<String, int[]> bcftoolsTrios(List<String> lines) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (String l : lines) {
            if (l.startsWith("#") || l.isBlank()) continue;
            String[] f = l.split("\t");
            String[] t = f[3].split(",");
            out.put(t[2] + "<" + t[1] + "+" + t[0], new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2])});
        }
        return out;
    }

    private static Map<String, int[]> motifTrios(MendelianCounter c) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (MendelianCounter.TrioCount t : c.perTrio()) {
            out.put(t.trio().child() + "<" + t.trio().father() + "+" + t.trio().mother(), new int[] {t.ok(), t.bad(), t.skipped()});
        }
        return out;
    }

    private static void assertSameTrios(Map<String, int[]> motif, Map<String, int[]> bcftools) {
        assertThat(motif.keySet()).containsExactlyInAnyOrderElementsOf(bcftools.keySet());
        for (var e : bcftools.entrySet()) {
            assertThat(motif.get(e.getKey())).as("trio " + e.getKey() + " nOK/nBad/nSkipped").containsExactly(e.getValue());
        }
    }

    @Test
    void family_fixture_counts_equal_bcftools_per_trio_sample_site_and_total() throws IOException {
        MendelianCounter c = count("fixture-family.vcf", "fixture-family.ped");
        assertSameTrios(motifTrios(c), bcftoolsTrios(Files.readAllLines(Fixtures.file("fixture-family.bcftools-trios.txt"))));
        assertThat(c.perTrio()).hasSize(87);
        assertThat(c.total()).isEqualTo(4);

        Map<String, Integer> perSample = new TreeMap<>();
        for (String l : Files.readAllLines(Fixtures.file("fixture-family.bcftools-per-sample.tsv"))) {
            String[] f = l.split("\t");
            if (f[0].equals("sample") || Integer.parseInt(f[4]) == 0) continue;
            perSample.put(f[0], Integer.parseInt(f[4]));
        }
        assertThat(c.perSample()).isEqualTo(perSample);
        assertThat(perSample).isNotEmpty();

        assertThat(sitesByPosition(c)).isEqualTo(bcftoolsSites("fixture-family.bcftools-sites.tsv"));
    }

    @Test
    void missing_haploid_and_multiallelic_calls_count_as_bcftools_counts_them() throws IOException {
        MendelianCounter c = count("fixture-edge.vcf", "fixture-edge.ped");
        assertSameTrios(motifTrios(c), bcftoolsTrios(Files.readAllLines(Fixtures.file("fixture-edge.bcftools-trios.txt"))));
        assertThat(c.total()).isEqualTo(8);
        assertThat(sitesByPosition(c)).isEqualTo(bcftoolsSites("fixture-edge.bcftools-sites.tsv"));
        assertThat(c.perSample()).containsExactlyInAnyOrderEntriesOf(Map.of("M", 8, "F", 8, "C", 8));
    }

    @Test
    void live_bcftools_run_gives_the_same_counts() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/bcftools")), "bcftools not installed (apt-get install -y bcftools tabix); skipping the live re-run");
        Process p = new ProcessBuilder("bcftools", "+mendelian", "-p", Fixtures.file("fixture-family.ped").toString(), "-m", "c",
                Fixtures.file("fixture-family.vcf").toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        assertThat(p.waitFor()).isZero();
        assertSameTrios(motifTrios(count("fixture-family.vcf", "fixture-family.ped")), bcftoolsTrios(lines));
    }

    private static Map<String, Integer> sitesByPosition(MendelianCounter c) {
        Map<String, Integer> out = new HashMap<>();
        c.perVariant().forEach((k, v) -> {
            String[] f = k.split(":");
            out.put(f[0] + ":" + f[1], v);
        });
        return out;
    }

    private static Map<String, Integer> bcftoolsSites(String file) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        for (String l : Files.readAllLines(Fixtures.file(file))) {
            String[] f = l.split("\t");
            out.put(f[0] + ":" + f[1], Integer.parseInt(f[3]));
        }
        return out;
    }

}
