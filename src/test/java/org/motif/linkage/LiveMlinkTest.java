package org.motif.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-runs FASTLINK (unknown + mlink through ../shared/tools/fastlink_lod.py) on the edge-case fixture and compares
 * with Motif live. Skips, with the reason printed, where mlink, unknown, python3 or the harness is missing.
 */
class LiveMlinkTest {

    static boolean onPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void motif_equals_a_live_mlink_run(@TempDir Path dir) throws Exception {
        Path harness = Path.of("..", "shared", "tools", "fastlink_lod.py").toAbsolutePath().normalize();
        for (String exe : List.of("mlink", "unknown", "python3")) {
            if (!onPath(exe)) {
                System.out.println("LiveMlinkTest skipped: " + exe + " not on PATH (apt-get install -y fastlink)");
            }
            assumeTrue(onPath(exe), exe + " not on PATH (apt-get install -y fastlink)");
        }
        if (!Files.exists(harness)) {
            System.out.println("LiveMlinkTest skipped: " + harness + " not found");
        }
        assumeTrue(Files.exists(harness), harness + " not found");
        for (String f : List.of("edge.ped", "edge.vcf")) {
            Files.write(dir.resolve(f), LinkageFixtures.lines("/linkage/edge/" + f));
        }
        Process p = new ProcessBuilder("python3", harness.toString(), "--ped", "edge.ped", "--vcf", "edge.vcf",
                "--q", "0.005", "--pen", "0.01,0.9,0.9", "--freqs", "all", "--out", "lod.tsv")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        assumeTrue(p.waitFor(120, TimeUnit.SECONDS), "FASTLINK did not finish in 120 s");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("log")));
        LinkageFixtures.Vcf vcf = LinkageFixtures.vcf("/linkage/edge/edge.vcf");
        LinkageAnalysis a = LinkageAnalysis.prepare(LinkageFixtures.ped("/linkage/edge/edge.ped"), vcf.samples(),
                new DiseaseModel(0.005, 0.01, 0.9, 0.9), LinkageAnalysis.DEFAULT_THETAS, AlleleFrequencySource.ALL);
        java.util.Map<String, MarkerLinkage> byMarker = new java.util.HashMap<>();
        for (MarkerGenotypes m : vcf.markers()) {
            byMarker.put(m.variant(), a.analyse(m));
        }
        int compared = 0;
        for (String line : Files.readAllLines(dir.resolve("lod.tsv"))) {
            String[] t = line.split("\t");
            if (t[0].equals("marker") || t[1].equals("TOTAL")) {
                continue;
            }
            MarkerLinkage r = byMarker.get(t[0]);
            int ti = LinkageAnalysis.DEFAULT_THETAS.indexOf(Double.parseDouble(t[2]));
            FamilyLod fl = r.families().stream().filter(f -> f.family().equals(t[1])).findFirst().orElseThrow();
            if (t[3].equals("NA")) {
                assertEquals(FamilyLod.Status.INCONSISTENT, fl.status(), line);
            } else if (t[3].equals("-inf")) {
                assertEquals(Double.NEGATIVE_INFINITY, fl.lods()[ti], line);
            } else {
                assertEquals(Double.parseDouble(t[3]), fl.lods()[ti], 0.001, line);
            }
            compared++;
        }
        System.out.println("LiveMlinkTest: " + compared + " values equal to a live FASTLINK run");
    }
}
