package org.motif.genomics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VcfReaderTest {
    @TempDir
    Path tmp;

    private static final String HEAD = """
            ##fileformat=VCFv4.2
            ##reference=file:///refs/GRCh37/human_g1k_v37.fasta
            ##INFO=<ID=AF,Number=A,Type=Float,Description="AF">
            ##INFO=<ID=gnomAD_AF,Number=A,Type=Float,Description="gnomAD AF">
            ##INFO=<ID=GENE,Number=1,Type=String,Description="Gene">
            ##INFO=<ID=SVTYPE,Number=1,Type=String,Description="SV type">
            ##INFO=<ID=ANN,Number=.,Type=String,Description="Functional annotations: 'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID'">
            ##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene">
            ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
            ##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="GQ">
            ##FORMAT=<ID=DP,Number=1,Type=Integer,Description="DP">
            #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB
            """;

    private Path write(String body) throws IOException {
        Path p = tmp.resolve("t.vcf");
        Files.writeString(p, HEAD + body);
        return p;
    }

    @Test
    void multiallelic_records_split_exactly_as_bcftools_norm_does() throws IOException {
        List<String> expected = Files.readAllLines(Fixtures.file("fixture-small.bcftools-norm-split.tsv"));
        List<String> ours = new ArrayList<>();
        for (VcfRecord r : Fixtures.readAll(Fixtures.file("fixture-small.vcf.gz"))) {
            for (int k = 1; k <= r.alts().size(); k++) {
                StringBuilder sb = new StringBuilder(r.key(k));
                for (byte g : Genotypes.packForAlt(r.alleles(), k)) sb.append('\t').append(g);
                ours.add(sb.toString());
            }
        }
        List<String> bcftools = expected.stream().map(l -> {
            String[] f = l.split("\t");
            StringBuilder sb = new StringBuilder(f[0]);
            for (int i = 1; i < f.length; i++) {
                String gt = f[i];
                int code = gt.contains(".") ? 3 : (int) gt.chars().filter(c -> c == '1').count();
                sb.append('\t').append(code);
            }
            return sb.toString();
        }).toList();
        assertThat(ours).hasSize(3278).isEqualTo(bcftools);
    }

    @Test
    void the_parallel_reader_gives_the_same_records_in_the_same_order_as_reading_on_one_thread() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 3000; i++) { // many batches; every 7th multi-allelic, some empty lines and skipped records
            String alt = i % 7 == 0 ? "T,G" : i % 11 == 0 ? "<DEL>" : "T";
            body.append("1\t").append(i).append("\t.\tA\t").append(alt).append("\t").append(i % 50).append("\tPASS\tAF=0.").append(i % 9)
                    .append(i % 7 == 0 ? ",0.01" : "").append("\tGT:GQ:DP\t0/1:").append(i % 99).append(":").append(i % 30).append("\t")
                    .append(i % 3 == 0 ? "./." : "1|1").append(":.:7\n");
            if (i % 500 == 0) body.append("\n");
        }
        Path p = write(body.toString());
        List<String> one = new ArrayList<>();
        List<String> two = new ArrayList<>();
        for (var out : List.of(one, two)) {
            try (VcfReader r = VcfReader.open(p, "t.vcf", null, out == one ? 1 : 2)) {
                VcfRecord rec;
                while ((rec = r.next()) != null) {
                    out.add(rec.line() + " " + rec.recordKey() + " " + rec.qual() + " " + rec.afs() + " " + rec.skipReason() + " "
                            + java.util.Arrays.toString(rec.alleles()) + java.util.Arrays.toString(rec.gq()) + java.util.Arrays.toString(rec.dp()));
                }
                assertThat(r.records()).isEqualTo(3000);
            }
        }
        assertThat(one).hasSize(3000);
        assertThat(two).isEqualTo(one);
        assertThat(one.get(6)).isEqualTo("19 1:7:A:T,G 7.0 [0.7, 0.01] null [0, 1, 1, 1][7, -1][7, 7]");
    }

    @Test
    void reference_build_samples_and_chr_prefixed_contigs_are_read() throws IOException {
        try (VcfReader r = VcfReader.open(Fixtures.file("fixture-small.vcf.gz"), "fixture-small.vcf.gz", null)) {
            assertThat(r.referenceBuild()).isEqualTo("GRCh38");
            assertThat(r.samples()).hasSize(6);
            VcfRecord first = r.next();
            assertThat(first.contig()).isEqualTo("chr1");
            assertThat(Contigs.normalize(first.contig())).isEqualTo("1");
            assertThat(first.afs().get(0)).isNotNull();
            assertThat(r.bytesRead()).isPositive();
        }
        try (VcfReader r = VcfReader.open(write(""), "t.vcf", null)) {
            assertThat(r.referenceBuild()).isEqualTo("GRCh37");
        }
    }

    @Test
    void annotations_come_from_ann_csq_or_gene_and_af_from_the_configured_key() throws IOException {
        Path p = write("""
                1\t100\trs1\tA\tC,G\t50\tPASS\tAF=0.1,0.02;gnomAD_AF=0.3,0.4;ANN=G|missense_variant|MODERATE|THAP1|ENSG1,C|synonymous_variant|LOW|THAP1|ENSG1\tGT:GQ:DP\t0/1:30:12\t1/2:.:8
                1\t200\t.\tAT\tA\t.\tq10\tCSQ=T|frameshift_variant|HIGH|GNAL|ENSG2\tGT\t0/0\t0/1
                X\t300\t.\tC\tT\t7.5\t.\tGENE=TOR1A\tGT\t1\t0/1
                """);
        List<VcfRecord> rs = Fixtures.readAll(p);
        VcfRecord r1 = rs.get(0);
        assertThat(r1.genes()).containsExactly("THAP1", "THAP1");
        assertThat(r1.consequences()).containsExactly("synonymous_variant", "missense_variant");
        assertThat(r1.afs()).containsExactly(0.1, 0.02);
        assertThat(r1.qual()).isEqualTo(50.0);
        assertThat(r1.id()).isEqualTo("rs1");
        assertThat(r1.gq()).containsExactly(30, -1);
        assertThat(r1.dp()).containsExactly(12, 8);
        assertThat(Genotypes.packForAlt(r1.alleles(), 1)).containsExactly(Genotypes.HET, Genotypes.HET);
        assertThat(Genotypes.packForAlt(r1.alleles(), 2)).containsExactly(Genotypes.HOM_REF, Genotypes.HET);
        assertThat(rs.get(1).genes()).containsExactly("GNAL");
        assertThat(rs.get(1).consequences()).containsExactly("frameshift_variant");
        assertThat(rs.get(1).filter()).isEqualTo("q10");
        assertThat(rs.get(1).id()).isNull();
        assertThat(rs.get(2).genes()).containsExactly("TOR1A");
        assertThat(Genotypes.packForAlt(rs.get(2).alleles(), 1)).containsExactly(Genotypes.HOM_VAR, Genotypes.HET);
        try (VcfReader r = VcfReader.open(p, "t.vcf", "gnomAD_AF")) {
            assertThat(r.next().afs()).containsExactly(0.3, 0.4);
        }
    }

    @Test
    void symbolic_structural_and_genotype_less_records_are_marked_skipped_by_reason() throws IOException {
        Path p = write("""
                1\t100\t.\tA\t<DEL>\t.\t.\t.\tGT\t0/1\t0/0
                1\t200\t.\tA\tC\t.\t.\tSVTYPE=DEL\tGT\t0/1\t0/0
                1\t300\t.\tA\tC\t.\t.\t.\tGQ\t5\t6
                1\t400\t.\tA\t.\t.\t.\t.\tGT\t0/0\t0/0
                1\t500\t.\tA\tG[2:321682[\t.\t.\t.\tGT\t0/1\t0/0
                1\t600\t.\tA\tC\t.\t.\t.\tGT\t0/1\t0/0
                """);
        List<VcfRecord> rs = Fixtures.readAll(p);
        assertThat(rs).extracting(VcfRecord::skipReason).containsExactly(SkipReason.SYMBOLIC_ALLELE,
                SkipReason.STRUCTURAL_VARIANT, SkipReason.NO_GENOTYPE, SkipReason.NO_ALT_ALLELE, SkipReason.SYMBOLIC_ALLELE, null);
        assertThat(rs).extracting(VcfRecord::line).containsExactly(13, 14, 15, 16, 17, 18);
    }

    @Test
    void packed_depths_are_little_endian_with_ffff_for_missing() {
        byte[] p = Genotypes.packU16(new int[] {1, -1, 300, 70000});
        assertThat(p).containsExactly(1, 0, -1, -1, 44, 1, -2, -1);
        assertThat(Genotypes.u16(p, 2)).isEqualTo(300);
        assertThat(Genotypes.u16(p, 1)).isNull();
        assertThat(Genotypes.u16(p, 3)).isEqualTo(65534);
    }

    /** Every field of a record, or the error that stopped the reading, one line each. */
    private static List<String> describe(VcfReader r) throws IOException {
        List<String> out = new ArrayList<>();
        try {
            VcfRecord rec;
            while ((rec = r.next()) != null) {
                out.add(rec.line() + " " + rec.contig() + " " + rec.position() + " " + rec.id() + " " + rec.ref() + " " + rec.alts()
                        + " " + rec.qual() + " " + rec.filter() + " " + rec.genes() + " " + rec.consequences() + " " + rec.afs() + " "
                        + rec.skipReason() + " " + java.util.Arrays.toString(rec.alleles()) + java.util.Arrays.toString(rec.gq())
                        + java.util.Arrays.toString(rec.dp()));
            }
        } catch (VcfFormatException e) {
            out.add("ERROR " + e.getMessage());
        }
        return out;
    }

    /** Reads the file with Motif's site decoding and with htsjdk's; asserts the same records and returns how many htsjdk decoded in the first. */
    private static long assertSameSitesAsHtsjdk(Path p, String afKey) throws IOException {
        try (VcfReader ours = VcfReader.open(p, p.getFileName().toString(), afKey);
             VcfReader htsjdk = VcfReader.openWithHtsjdkSites(p, p.getFileName().toString(), afKey)) {
            List<String> a = describe(ours);
            List<String> b = describe(htsjdk);
            assertThat(a).as(p.getFileName().toString()).isNotEmpty().isEqualTo(b);
            assertThat(htsjdk.htsjdkDecoded()).isEqualTo(b.size());
            return ours.htsjdkDecoded();
        }
    }

    @Test
    void own_site_decoding_equals_htsjdk_on_the_fixtures_and_leaves_htsjdk_nothing_there() throws IOException {
        for (String f : List.of("fixture-small.vcf.gz", "fixture-family.vcf", "fixture-edge.vcf")) {
            assertThat(assertSameSitesAsHtsjdk(Fixtures.file(f), null)).as(f).isZero();
        }
        assertThat(assertSameSitesAsHtsjdk(Path.of("genomics/demo.vcf.gz"), null)).isZero();
    }

    @Test
    void a_sites_only_vcf_is_read_and_every_record_skipped_for_want_of_genotypes() throws IOException {
        Path p = tmp.resolve("sites.vcf");
        Files.writeString(p, HEAD.substring(0, HEAD.indexOf("#CHROM")) + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                + "1\t10\trs1\tA\tG\t10\tPASS\tAF=0.5;GENE=THAP1\n1\t20\t.\tA\t<DEL>\t.\t.\t.\n");
        assertThat(assertSameSitesAsHtsjdk(p, null)).isEqualTo(1);
        List<VcfRecord> rs = Fixtures.readAll(p);
        assertThat(rs).extracting(VcfRecord::skipReason).containsExactly(SkipReason.NO_GENOTYPE, SkipReason.SYMBOLIC_ALLELE);
        assertThat(rs.get(0).genes()).containsExactly("THAP1");
        assertThat(rs.get(0).afs()).containsExactly(0.5);
    }

    @Test
    void own_site_decoding_equals_htsjdk_on_unusual_records_which_it_leaves_to_htsjdk() throws IOException {
        Path p = tmp.resolve("unusual.vcf");
        Files.writeString(p, HEAD.replace("##FORMAT=<ID=GT", "##INFO=<ID=DB,Number=0,Type=Flag,Description=\"dbSNP\">\n##FORMAT=<ID=GT") + """
                1\t10\trs1;rs2\tac\tG\t10\tPASS\tAF=0.5;DB;;XX=1\tGT:GQ:DP\t0/1:3:4\t0|0:.:.
                1\t20\t.\tA\tC,G\t1e3\tq10;s50\tAF=.,0.3;ANN=G|missense_variant|MODERATE|THAP1|E,C|synonymous_variant|LOW|THAP1|E;GENE=X\tGT\t1/2\t0/0
                1\t30\t.\tAT\tA\t.\tLowQual\tCSQ=-|frameshift_variant|HIGH|GNAL|E\tGT\t0/1\t./.
                1\t40\t.\tA\tC\t.\t.\tAF=\tGT\t0/1\t0/0
                1\t50\t.\tA\tC\t.\t.\tgnomAD_AF=0.25\tGT\t0/1\t0/0
                1\t60\t.\tA\tC\t.\t.\tSVTYPE=INS\tGT\t0/1\t0/0
                1\t70\t.\tA\tC,*\t.\t.\tAF=0.1,0.2\tGT\t1/2\t0/0
                1\t80\t.\tA\tc\t.\t.\t.\tGT\t0/1\t0/0
                1\t90\t.\tA\tC\t.\t.\tEND=90\tGT\t0/1\t0/0
                1\t100\t.\tA\tC\t.\t.\tGENE=THAP%3B1\tGT\t0/1\t0/0
                1\t110\t.\tA\tC\t.\t.\tAF=0.1;AF=0.2\tGT\t0/1\t0/0
                1\t120\t.\tA\tC\t.\t.\tANN\tGT\t0/1\t0/0
                1\t130\t.\tA\tC\t.\tPASS;q10\t.\tGT\t0/1\t0/0
                1\t140\t.\tA\t<DEL>\t.\t.\tSVTYPE=DEL\tGT\t0/1\t0/0
                1\t150\t.\tA\tC\t.\t.\tAF=0.1,,0.2\tGT\t0/1\t0/0
                chr1\t160\t.\tA\tC\t.\t.\tGENE=A,B\tGT\t0/1\t0/0
                chr1\t170\t.\tA\tC\t.\t.\tAF=1e-5\tGT\t0/1\t0/0
                """);
        try (VcfReader r = VcfReader.open(p, "unusual.vcf", null)) {
            assertThat(describe(r)).hasSize(17).noneMatch(l -> l.startsWith("ERROR"));
        }
        // records 1-6 and 17 go through the own decoding, records 7-16 (from '*' to GENE=A,B) through htsjdk
        assertThat(assertSameSitesAsHtsjdk(p, null)).isEqualTo(10);
        // with gnomAD_AF as the frequency key, AF is not read: records 11 and 15 (odd AF values) stay with the own decoding
        assertThat(assertSameSitesAsHtsjdk(p, "gnomAD_AF")).isEqualTo(8);
        // a frequency key that is one of the other keys read (here END) leaves every record to htsjdk
        assertThat(assertSameSitesAsHtsjdk(p, "END")).isEqualTo(17);
    }

    @Test
    void a_record_htsjdk_refuses_gives_the_same_message_either_way() throws IOException {
        for (String line : List.of("1\t10\t.\tA\tA\t.\t.\t.\tGT\t0/1\t0/0", "1\t10\t\tA\tC\t.\t.\t.\tGT\t0/1\t0/0",
                "1\t10\t.\tA\tC\t.\t0\t.\tGT\t0/1\t0/0", "1\t10\t.\tA\tC\t.\t.\t\tGT\t0/1\t0/0",
                "1\t10\t.\tA\tC\t.\t.\tEND=x\tGT\t0/1\t0/0", "1\t10\t.\tA\tC,C\t.\t.\t.\tGT\t0/1\t0/0",
                "1\t10\t.\tA\tC\t.\t.\tAF=x\tGT\t0/1\t0/0", "1\t10\t.\tA\tC\t.\t.\tA F=1\tGT\t0/1\t0/0")) {
            Path p = write(line + "\n");
            try (VcfReader r = VcfReader.open(p, "t.vcf", null)) {
                List<String> d = describe(r);
                assertThat(d).as(line).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith("ERROR t.vcf, line 13")
                        .doesNotContain("approximately");
            }
            assertSameSitesAsHtsjdk(p, null);
        }
    }
}
