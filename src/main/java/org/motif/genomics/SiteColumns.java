package org.motif.genomics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFInfoHeaderLine;

/**
 * The eight site columns of a VCF record as Motif keeps them: contig, ID, ALT alleles (why a record is
 * skipped) and, per ALT, gene, consequence (SnpEff ANN or VEP CSQ, else INFO GENE) and allele
 * frequency (the configured INFO key, "AF" falling back to "gnomAD_AF").
 *
 * <p>{@link #read} takes them straight from the bytes of an ordinary record and gives up (null) on
 * anything else, which htsjdk then decodes ({@link #of}); {@code VcfReaderTest} checks that both give
 * the same record. Immutable once built from the header: one instance serves every parsing thread.
 */
final class SiteColumns {
    private static final byte[] PASS = "PASS".getBytes(StandardCharsets.US_ASCII);
    private static final int INFO_ANN = 0;
    private static final int INFO_CSQ = 1;
    private static final int INFO_GENE = 2;
    private static final int INFO_AF = 3;
    private static final int INFO_GNOMAD_AF = 4;
    private static final int INFO_SVTYPE = 5;
    private static final int INFO_END = 6;

    private final String fileName;
    private final String afKey;
    private final String[] csqFields;
    /** INFO keys read, by INFO_* index (null = not read), and which of them the header declares as Flag. */
    private final byte[][] infoKeys;
    private final boolean[] flagKeys;

    /**
     * @param fileName the name shown in messages
     * @param afKey    INFO key of the allele frequency ("AF" falls back to "gnomAD_AF")
     */
    SiteColumns(String fileName, VCFHeader header, String afKey) {
        this.fileName = fileName;
        this.afKey = afKey;
        this.csqFields = csqFields(header);
        String[] keys = {"ANN", "CSQ", "GENE", afKey, afKey.equals("AF") ? "gnomAD_AF" : null, "SVTYPE", "END"};
        this.infoKeys = new byte[keys.length][];
        this.flagKeys = new boolean[keys.length];
        for (int k = 0; k < keys.length; k++) {
            if (keys[k] == null) continue;
            infoKeys[k] = keys[k].getBytes(StandardCharsets.UTF_8);
            VCFInfoHeaderLine h = header.getInfoHeaderLine(keys[k]);
            flagKeys[k] = h != null && h.getType() == VCFHeaderLineType.Flag;
        }
    }

    /** True when the frequency key is one of the other keys read: then {@link #read} is not to be used. */
    boolean afKeyClashes() {
        return Set.of("ANN", "CSQ", "GENE", "SVTYPE", "END").contains(afKey);
    }

    /** The site columns Motif keeps, before the ALT-wise annotation. */
    static final class Sites {
        String contig;
        String id;
        List<String> alts;
        SkipReason skip;
        List<String> ann;
        List<String> csq;
        String gene;
        List<String> af;
    }

    /**
     * The site columns of an ordinary record, read here; null when anything is unusual (then htsjdk
     * decodes the record): an ALT other than upper-case A/C/G/T/N or equal to REF or to another ALT,
     * an empty ID, a FILTER other than PASS, '.' or plain names, an INFO with spaces or END, or one
     * of the INFO keys Motif reads given twice, as a flag, with '%' or with an empty list element.
     *
     * @param b      the bytes holding the line
     * @param tabs   positions of the line's first eight tabs; {@code tabs[7]} ends INFO
     * @param ref    REF, upper case
     * @param contig CHROM as a String (the caller keeps one per contig)
     */
    Sites read(byte[] b, int[] tabs, String ref, String contig) {
        int idFrom = tabs[1] + 1;
        int idTo = tabs[2];
        if (idFrom == idTo || !plainFilter(b, tabs[5] + 1, tabs[6])) return null;
        Sites s = new Sites();
        s.contig = contig;
        s.id = idTo - idFrom == 1 && b[idFrom] == '.' ? null : text(b, idFrom, idTo);
        s.alts = new ArrayList<>(1);
        int start = tabs[3] + 1;
        for (int i = start; i <= tabs[4]; i++) {
            if (i < tabs[4] && b[i] != ',') {
                switch (b[i]) {
                    case 'A', 'C', 'G', 'T', 'N' -> {
                    }
                    default -> {
                        return null;
                    }
                }
                continue;
            }
            if (i == start) return null;
            String alt = text(b, start, i);
            if (alt.equals(ref) || s.alts.contains(alt)) return null;
            s.alts.add(alt);
            start = i + 1;
        }
        return info(b, tabs[6] + 1, tabs[7], s) ? s : null;
    }

    /** Reads the INFO keys Motif uses into {@code s}; false when the column needs htsjdk. */
    private boolean info(byte[] b, int from, int to, Sites s) {
        s.ann = List.of();
        s.csq = List.of();
        s.af = List.of();
        if (to - from == 1 && b[from] == '.') return true;
        if (to == from) return false;
        List<String> gnomad = List.of();
        int seen = 0;
        int keyFrom = from;
        for (int i = from; i <= to; i++) {
            if (i < to && b[i] != ';') {
                if (b[i] == ' ') return false;
                continue;
            }
            int eq = keyFrom;
            while (eq < i && b[eq] != '=') eq++;
            int key = infoKey(b, keyFrom, eq);
            if (key == INFO_END) return false;
            if (key >= 0) {
                if ((seen & (1 << key)) != 0 || flagKeys[key]) return false;
                seen |= 1 << key;
                if (key == INFO_SVTYPE) {
                    if (s.skip == null) s.skip = SkipReason.STRUCTURAL_VARIANT;
                } else {
                    if (eq == i) return false;
                    List<String> values = infoValues(b, eq + 1, i);
                    if (values == null) return false;
                    switch (key) {
                        case INFO_ANN -> s.ann = values;
                        case INFO_CSQ -> s.csq = csqFields != null ? values : List.of();
                        case INFO_GENE -> {
                            if (values.size() > 1) return false;
                            s.gene = values.get(0);
                        }
                        case INFO_AF -> s.af = values;
                        case INFO_GNOMAD_AF -> gnomad = values;
                        default -> {
                        }
                    }
                }
            }
            keyFrom = i + 1;
        }
        if (s.af.isEmpty() && afKey.equals("AF")) s.af = gnomad;
        return true;
    }

    /** Index of an INFO key Motif reads (INFO_*), or -1. */
    private int infoKey(byte[] b, int from, int to) {
        for (int k = 0; k < infoKeys.length; k++) {
            byte[] key = infoKeys[k];
            if (key != null && key.length == to - from && Arrays.equals(b, from, to, key, 0, key.length)) return k;
        }
        return -1;
    }

    /** A key=value list as htsjdk returns it ("" becomes "."); null for '%' or empty elements. */
    private List<String> infoValues(byte[] b, int from, int to) {
        if (from == to) return List.of(".");
        List<String> out = new ArrayList<>(1);
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i < to && b[i] == '%') return null;
            if (i == to || b[i] == ',') {
                if (i == start) return null;
                out.add(text(b, start, i));
                start = i + 1;
            }
        }
        return out;
    }

    /** The same from a record htsjdk decoded (its genotypes not included). */
    Sites of(VariantContext vc) {
        Sites s = new Sites();
        s.contig = vc.getContig();
        s.id = vc.hasID() ? vc.getID() : null;
        s.alts = new ArrayList<>(vc.getAlternateAlleles().size());
        for (Allele a : vc.getAlternateAlleles()) {
            s.alts.add(a.getDisplayString());
            if (a.isSymbolic() || a.isBreakpoint() || a.isSingleBreakend()) s.skip = SkipReason.SYMBOLIC_ALLELE;
        }
        if (s.alts.isEmpty()) s.skip = SkipReason.NO_ALT_ALLELE;
        if (s.skip == null && vc.hasAttribute("SVTYPE")) s.skip = SkipReason.STRUCTURAL_VARIANT;
        s.ann = vc.getAttributeAsStringList("ANN", null);
        s.csq = csqFields != null ? vc.getAttributeAsStringList("CSQ", null) : List.of();
        s.gene = vc.hasAttribute("GENE") ? vc.getAttributeAsString("GENE", null) : null;
        s.af = vc.getAttributeAsStringList(afKey, null);
        if (s.af.isEmpty() && afKey.equals("AF")) s.af = vc.getAttributeAsStringList("gnomAD_AF", null);
        return s;
    }

    /**
     * Gene, consequence and allele frequency of each ALT of {@code s}, appended to the three lists.
     *
     * @throws VcfFormatException for an allele frequency that is not a number
     */
    void annotate(Sites s, List<String> genes, List<String> consequences, List<Double> afs, int lineNumber) {
        List<String> alts = s.alts;
        for (int k = 0; k < alts.size(); k++) {
            String alt = alts.get(k);
            String gene = null;
            String consequence = null;
            String[] a = pick(s.ann, alt, 0, alts.size());
            if (a != null) {
                consequence = field(a, 1);
                gene = field(a, 3);
            } else if (!s.csq.isEmpty()) {
                String[] c = pick(s.csq, alt, index(csqFields, "Allele"), alts.size());
                if (c != null) {
                    consequence = field(c, index(csqFields, "Consequence"));
                    gene = field(c, index(csqFields, "SYMBOL"));
                }
            }
            if (gene == null && s.gene != null && !s.gene.equals(".")) gene = s.gene;
            genes.add(gene);
            consequences.add(consequence);
            Double f = null;
            if (k < s.af.size() && !s.af.get(k).equals(".")) {
                try {
                    f = Double.valueOf(s.af.get(k));
                } catch (NumberFormatException e) {
                    throw new VcfFormatException(fileName, lineNumber, afKey, "'" + s.af.get(k) + "' is not a number; the allele frequency must be a number or '.'.");
                }
            }
            afs.add(f);
        }
    }

    /** FILTER is '.', PASS, or names of letters, digits, '_', '.', '-' joined by ';' (neither "0" nor PASS among them). */
    private static boolean plainFilter(byte[] b, int from, int to) {
        if (to - from == 4 && b[from] == 'P' && b[from + 1] == 'A' && b[from + 2] == 'S' && b[from + 3] == 'S') return true;
        if (to - from == 1 && b[from] == '.') return true;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i < to && b[i] != ';') {
                byte c = b[i];
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-')) return false;
                continue;
            }
            int len = i - start;
            if (len == 0 || len == 1 && b[start] == '0' || len == 4 && Arrays.equals(b, start, i, PASS, 0, 4)) return false;
            start = i + 1;
        }
        return true;
    }

    /** The ANN/CSQ entry for this ALT allele: same allele (VEP trims the first base of indels), else the first when there is one ALT. */
    private static String[] pick(List<String> entries, String alt, int alleleField, int altCount) {
        if (entries == null || entries.isEmpty() || alleleField < 0) return null;
        String trimmed = alt.length() > 1 ? alt.substring(1) : alt;
        for (String e : entries) {
            String[] f = e.split("\\|", -1);
            if (f.length > alleleField && (f[alleleField].equals(alt) || f[alleleField].equals(trimmed)
                    || (f[alleleField].equals("-") && alt.length() == 1))) {
                return f;
            }
        }
        return altCount == 1 ? entries.get(0).split("\\|", -1) : null;
    }

    private static String field(String[] f, int i) {
        return i >= 0 && i < f.length && !f[i].isBlank() ? f[i] : null;
    }

    private static int index(String[] fields, String name) {
        if (fields == null) return -1;
        for (int i = 0; i < fields.length; i++) if (fields[i].equals(name)) return i;
        return -1;
    }

    private static String[] csqFields(VCFHeader header) {
        VCFInfoHeaderLine csq = header.getInfoHeaderLine("CSQ");
        if (csq == null) return null;
        String d = csq.getDescription();
        int i = d.indexOf("Format:");
        return i < 0 ? null : d.substring(i + 7).trim().split("\\|");
    }

    private static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }
}
