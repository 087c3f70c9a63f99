package org.motif.linkage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test-only readers for the linkage fixtures: 6-column PED, VCF as text, FASTLINK harness output. */
final class LinkageFixtures {

    private LinkageFixtures() {
    }

    /** Genotypes read from a fixture VCF (marker key = the VCF ID column). */
    record Vcf(List<String> samples, List<MarkerGenotypes> markers) {
    }

    /** One row of fastlink_lod.py output. */
    record FastlinkRow(String marker, String family, double theta, String lod, String note) {
    }

    static List<String> lines(String resource) {
        try (InputStream in = LinkageFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LinkagePedigree ped(String resource) {
        List<LinkageIndividual> people = new ArrayList<>();
        for (String line : lines(resource)) {
            String[] t = line.trim().split("\\s+");
            if (line.isBlank() || t[0].startsWith("#")) {
                continue;
            }
            LinkageIndividual.Sex sex = switch (t[4]) {
                case "1" -> LinkageIndividual.Sex.MALE;
                case "2" -> LinkageIndividual.Sex.FEMALE;
                default -> LinkageIndividual.Sex.UNKNOWN;
            };
            LinkageIndividual.Affection aff = switch (t[5]) {
                case "2" -> LinkageIndividual.Affection.AFFECTED;
                case "1" -> LinkageIndividual.Affection.UNAFFECTED;
                default -> LinkageIndividual.Affection.UNKNOWN;
            };
            people.add(new LinkageIndividual(t[0], t[1], t[2], t[3], sex, aff));
        }
        return new LinkagePedigree(people);
    }

    static Vcf vcf(String resource) {
        List<String> samples = null;
        List<MarkerGenotypes> markers = new ArrayList<>();
        for (String line : lines(resource)) {
            if (line.startsWith("##")) {
                continue;
            }
            String[] t = line.split("\t");
            if (line.startsWith("#CHROM")) {
                samples = Arrays.asList(t).subList(9, t.length);
                continue;
            }
            byte[] dos = new byte[t.length - 9];
            for (int i = 9; i < t.length; i++) {
                String gt = t[i].split(":")[0];
                String[] a = gt.split("[/|]");
                dos[i - 9] = a.length != 2 || a[0].equals(".") || a[1].equals(".") ? MarkerGenotypes.MISSING
                        : (byte) (Integer.parseInt(a[0]) + Integer.parseInt(a[1]));
            }
            double af = Double.NaN;
            for (String kv : t[7].split(";")) {
                if (kv.startsWith("AF=")) {
                    af = Double.parseDouble(kv.substring(3));
                }
            }
            markers.add(new MarkerGenotypes(t[2], dos, af));
        }
        return new Vcf(samples, markers);
    }

    static List<FastlinkRow> fastlink(String resource) {
        List<FastlinkRow> rows = new ArrayList<>();
        for (String line : lines(resource)) {
            String[] t = line.split("\t");
            if (t[0].equals("marker")) {
                continue;
            }
            rows.add(new FastlinkRow(t[0], t[1], Double.parseDouble(t[2]), t[3], t[5]));
        }
        return rows;
    }

    /** marker → ALT frequency from a --freq-out file. */
    static Map<String, Double> freqs(String resource) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : lines(resource)) {
            String[] t = line.split("\t");
            if (t[0].equals("marker")) {
                continue;
            }
            out.put(t[0], Double.parseDouble(t[2].split(",")[1]));
        }
        return out;
    }
}
