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
}
