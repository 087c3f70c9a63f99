package org.motif.linkage;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (a main, not a unit test): Motif's two-point LODs on the DESIGN.md benchmark input, and FASTLINK on the
 * first 1,000 markers of the same input in the same run. See src/test/resources/linkage/README.md for the command.
 *
 * <pre>
 * python3 ../shared/tools/gen_family.py --n-nuclear 10 --n-3gen 10 --size-max 30 --markers 100000 --seed 1 --out /tmp/lk/bench
 * mvn -q test-compile
 * java -cp target/classes:target/test-classes org.motif.linkage.LinkageBenchmark /tmp/lk/bench.ped /tmp/lk/bench.vcf [threads] [fastlink_lod.py]
 * </pre>
 * Model: q = 0.005, penetrances 0.01/0.6/0.6 (the simulator's), θ = 0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, founder frequencies.
 */
public final class LinkageBenchmark {

    private LinkageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path pedPath = Path.of(args[0]);
        Path vcfPath = Path.of(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String harness = args.length > 3 ? args[3] : null;
        long t0 = System.nanoTime();
        LinkagePedigree ped = readPed(pedPath);
        List<String> samples = new ArrayList<>();
        List<MarkerGenotypes> markers = readVcf(vcfPath, samples);
        int limit = Integer.getInteger("markers", markers.size());
        markers = markers.subList(0, Math.min(limit, markers.size()));
        int reps = Integer.getInteger("reps", 3);
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "read %d markers x %d samples (VCF text parse, not timed below): %.2f s%n",
                markers.size(), samples.size(), (t1 - t0) / 1e9);
        DiseaseModel model = new DiseaseModel(0.005, 0.01, 0.6, 0.6);
        for (int rep = 0; rep < reps; rep++) {
            long a = System.nanoTime();
            long cpuA = cpu();
            LinkageAnalysis analysis = LinkageAnalysis.prepare(ped, samples, model, LinkageAnalysis.DEFAULT_THETAS,
                    AlleleFrequencySource.FOUNDERS);
            List<MarkerLinkage> res = analysis.analyseAll(markers, threads);
            long b = System.nanoTime();
            double cpuS = (cpu() - cpuA) / 1e9;
            double best = res.stream().mapToDouble(MarkerLinkage::maxLod).max().orElse(0);
            System.out.printf(Locale.ROOT,
                    "Motif run %d: %d markers x %d families x %d thetas on %d threads: %.2f s wall, %.2f s CPU (best summed LOD %.3f)%n",
                    rep + 1, markers.size(), analysis.families().size(), LinkageAnalysis.DEFAULT_THETAS.size(),
                    threads, (b - a) / 1e9, cpuS, best);
        }
        int n = Math.min(1000, markers.size());
        LinkageAnalysis fresh = LinkageAnalysis.prepare(ped, samples, model, LinkageAnalysis.DEFAULT_THETAS,
                AlleleFrequencySource.FOUNDERS);
        long a = System.nanoTime();
        fresh.analyseAll(markers.subList(0, n), threads);
        double motif1000 = (System.nanoTime() - a) / 1e9;
        System.out.printf(Locale.ROOT, "Motif on the first %d markers (cold cache): %.3f s%n", n, motif1000);
        if (harness != null) {
            Path tmp = Files.createTempDirectory("lkbench");
            Path sub = tmp.resolve("first1000.vcf");
            try (BufferedReader r = Files.newBufferedReader(vcfPath, StandardCharsets.UTF_8);
                 var w = Files.newBufferedWriter(sub, StandardCharsets.UTF_8)) {
                String line;
                int data = 0;
                while ((line = r.readLine()) != null && data < n) {
                    w.write(line);
                    w.write('\n');
                    if (!line.startsWith("#")) {
                        data++;
                    }
                }
            }
            List<String> cmd = List.of("python3", harness, "--ped", pedPath.toString(), "--vcf", sub.toString(),
                    "--q", "0.005", "--pen", "0.01,0.6,0.6", "--jobs", String.valueOf(threads),
                    "--out", tmp.resolve("lod.tsv").toString());
            long s = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile())
                    .start();
            int rc = p.waitFor();
            double fl = (System.nanoTime() - s) / 1e9;
            System.out.printf(Locale.ROOT, "FASTLINK (fastlink_lod.py: unknown+mlink, %d jobs) on %d markers: %.1f s (rc %d)%n",
                    threads, n, fl, rc);
            System.out.printf(Locale.ROOT, "ratio on %d markers: FASTLINK/Motif = %.0f; extrapolated FASTLINK for %d markers: %.0f s%n",
                    n, fl / motif1000, markers.size(), fl * markers.size() / n);
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static LinkagePedigree readPed(Path path) throws IOException {
        List<LinkageIndividual> people = new ArrayList<>();
        for (String line : Files.readAllLines(path)) {
            String[] t = line.trim().split("\\s+");
            if (line.isBlank() || t[0].startsWith("#")) {
                continue;
            }
            people.add(new LinkageIndividual(t[0], t[1], t[2], t[3],
                    t[4].equals("1") ? LinkageIndividual.Sex.MALE : t[4].equals("2") ? LinkageIndividual.Sex.FEMALE
                            : LinkageIndividual.Sex.UNKNOWN,
                    t[5].equals("2") ? LinkageIndividual.Affection.AFFECTED : t[5].equals("1")
                            ? LinkageIndividual.Affection.UNAFFECTED : LinkageIndividual.Affection.UNKNOWN));
        }
        return new LinkagePedigree(people);
    }

    static List<MarkerGenotypes> readVcf(Path path, List<String> samples) throws IOException {
        List<MarkerGenotypes> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("##")) {
                    continue;
                }
                String[] t = line.split("\t");
                if (line.startsWith("#CHROM")) {
                    samples.addAll(Arrays.asList(t).subList(9, t.length));
                    continue;
                }
                byte[] dos = new byte[t.length - 9];
                for (int i = 9; i < t.length; i++) {
                    String g = t[i];
                    char a = g.charAt(0);
                    char b = g.length() > 2 ? g.charAt(2) : '.';
                    dos[i - 9] = a == '.' || b == '.' ? MarkerGenotypes.MISSING : (byte) ((a - '0') + (b - '0'));
                }
                out.add(new MarkerGenotypes(t[0] + ":" + t[1] + ":" + t[3] + ":" + t[4], dos));
            }
        }
        return out;
    }
}
