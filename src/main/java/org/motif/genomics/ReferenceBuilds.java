package org.motif.genomics;

import java.util.Locale;

import htsjdk.variant.vcf.VCFContigHeaderLine;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLine;

/** The reference build of a VCF from its ##reference and ##contig lines. */
final class ReferenceBuilds {
    private ReferenceBuilds() {
    }

    /**
     * @return "GRCh38", "GRCh37", the contig lines' assembly attribute, or null when nothing says
     */
    static String detect(VCFHeader header) {
        VCFHeaderLine ref = header.getOtherHeaderLine("reference");
        String fromName = ref == null ? null : byName(ref.getValue());
        if (fromName != null) return fromName;
        for (VCFContigHeaderLine c : header.getContigLines()) {
            String assembly = c.getGenericFields().get("assembly");
            if (assembly != null) {
                String b = byName(assembly);
                return b != null ? b : assembly;
            }
            if (Contigs.normalize(c.getID()).equals("1")) {
                String length = c.getGenericFields().get("length");
                if ("248956422".equals(length)) return "GRCh38";
                if ("249250621".equals(length)) return "GRCh37";
            }
        }
        return null;
    }

    static String byName(String s) {
        if (s == null) return null;
        String v = s.toLowerCase(Locale.ROOT);
        if (v.contains("grch38") || v.contains("hg38") || v.contains("hs38")) return "GRCh38";
        if (v.contains("grch37") || v.contains("hg19") || v.contains("b37") || v.contains("hs37")) return "GRCh37";
        return null;
    }
}
