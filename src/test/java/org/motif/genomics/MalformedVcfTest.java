package org.motif.genomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each malformed VCF fails with a message naming the file, the line and the field, and how to fix it. */
class MalformedVcfTest {
    @TempDir
    static Path tmp;

    private static final String META = "##fileformat=VCFv4.2\n##contig=<ID=1>\n"
            + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
            + "##FORMAT=<ID=GQ,Number=1,Type=Integer,Description=\"GQ\">\n"
            + "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"DP\">\n"
            + "##INFO=<ID=AF,Number=A,Type=Float,Description=\"AF\">\n";
    private static final String CHROM = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\n";
    private static final String GOOD = "1\t100\t.\tA\tC\t.\tPASS\t.\tGT:GQ:DP\t0/1:20:10\t0/0:30:12\n";

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String body(String record) {
        return META + CHROM + GOOD + record;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] bgzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BlockCompressedOutputStream out = new BlockCompressedOutputStream(bytes, (Path) null)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] bigVcf() throws IOException {
        StringBuilder sb = new StringBuilder(META + CHROM);
        for (int i = 1; i <= 20000; i++) sb.append("1\t").append(i).append("\t.\tA\tC\t.\tPASS\t.\tGT\t0/1\t0/0\n");
        return text(sb.toString());
    }

    static Stream<Arguments> cases() throws IOException {
        byte[] big = bigVcf();
        byte[] gz = gzip(big);
        byte[] bgz = bgzip(big);
        return Stream.of(
                Arguments.of("empty", new byte[0], List.of("empty")),
                Arguments.of("blank", text("\n\n"), List.of("empty")),
                Arguments.of("not a VCF (text)", text("family\tid\nF1\t1\n"), List.of("line 1", "not a VCF")),
                Arguments.of("not a VCF (PNG bytes)", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}, List.of("not a VCF")),
                Arguments.of("VCF version 3.3", text("##fileformat=VCFv3.3\n" + CHROM), List.of("line 1", "VCFv3.3", "not supported")),
                Arguments.of("no #CHROM line", text(META + GOOD), List.of("line 7", "#CHROM")),
                Arguments.of("#CHROM with spaces", text(META + CHROM.replace('\t', ' ')), List.of("line 7", "#CHROM", "tabs")),
                Arguments.of("#CHROM without INFO", text(META + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\n"), List.of("line 7", "#CHROM")),
                Arguments.of("#CHROM with FORMAT misspelt", text(META + CHROM.replace("FORMAT", "FMT")), List.of("line 7", "FORMAT")),
                Arguments.of("FORMAT without samples", text(META + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\n"), List.of("line 7", "no sample column")),
                Arguments.of("duplicate sample names", text(META + CHROM.replace("S2", "S1")), List.of("line 7", "S1", "more than once")),
                Arguments.of("too few columns", text(body("1\t200\t.\tA\tC\t.\tPASS\t.\tGT\t0/1\n")), List.of("line 9", "expected 11", "found 10")),
                Arguments.of("too many columns", text(body("1\t200\t.\tA\tC\t.\tPASS\t.\tGT\t0/1\t0/1\t0/0\n")), List.of("line 9", "found 12")),
                Arguments.of("spaces instead of tabs", text(body("1 200 . A C . PASS . GT 0/1 0/0\n")), List.of("line 9", "tabs, not spaces")),
                Arguments.of("non-numeric POS", text(body("1\t12a\t.\tA\tC\t.\tPASS\t.\tGT\t0/1\t0/0\n")), List.of("line 9", "field POS", "12a")),
                Arguments.of("POS zero", text(body("1\t0\t.\tA\tC\t.\tPASS\t.\tGT\t0/1\t0/0\n")), List.of("line 9", "field POS")),
                Arguments.of("negative POS", text(body("1\t-5\t.\tA\tC\t.\tPASS\t.\tGT\t0/1\t0/0\n")), List.of("line 9", "field POS")),
                Arguments.of("REF with other letters", text(body("1\t200\t.\tAXZ\tC\t.\tPASS\t.\tGT\t0/1\t0/0\n")), List.of("line 9", "field REF", "A, C, G, T and N")),
                Arguments.of("empty REF", text(body("1\t200\t.\t\tC\t.\tPASS\t.\tGT\t0/1\t0/0\n")), List.of("line 9", "field REF")),
                Arguments.of("empty CHROM", text(body("\t200\t.\tA\tC\t.\tPASS\t.\tGT\t0/1\t0/0\n")), List.of("line 9", "field CHROM")),
                Arguments.of("non-numeric QUAL", text(body("1\t200\t.\tA\tC\thigh\tPASS\t.\tGT\t0/1\t0/0\n")), List.of("line 9", "field QUAL", "high")),
                Arguments.of("GT allele index out of range", text(body("1\t200\t.\tA\tC\t.\tPASS\t.\tGT\t0/2\t0/0\n")), List.of("line 9", "field GT", "out of range", "S1")),
                Arguments.of("GT not a genotype", text(body("1\t200\t.\tA\tC\t.\tPASS\t.\tGT\t0/1\tA/C\n")), List.of("line 9", "field GT", "S2")),
                Arguments.of("GT with a trailing separator", text(body("1\t200\t.\tA\tC\t.\tPASS\t.\tGT\t0/\t0/0\n")), List.of("line 9", "field GT")),
                Arguments.of("non-numeric GQ", text(body("1\t200\t.\tA\tC\t.\tPASS\t.\tGT:GQ:DP\t0/1:good:3\t0/0:1:1\n")), List.of("line 9", "field GQ", "S1")),
                Arguments.of("non-numeric DP", text(body("1\t200\t.\tA\tC\t.\tPASS\t.\tGT:GQ:DP\t0/1:5:3\t0/0:1:x\n")), List.of("line 9", "field DP", "S2")),
                Arguments.of("non-numeric AF", text(body("1\t200\t.\tA\tC\t.\tPASS\tAF=abc\tGT\t0/1\t0/0\n")), List.of("line 9", "field AF")),
                Arguments.of("bad ALT allele", text(body("1\t200\t.\tA\tC;G\t.\tPASS\t.\tGT\t0/1\t0/0\n")), List.of("line 9")),
                Arguments.of("header line among records", text(body("##INFO=<ID=X,Number=1,Type=String,Description=\"x\">\n")), List.of("line 9", "header line after the data")),
                Arguments.of("malformed meta line", text("##fileformat=VCFv4.2\n##INFO=<ID=AF,Number=A\n" + CHROM), List.of("line 2")),
                Arguments.of("old Mac line ends (CR only)", text(body("").replace('\n', '\r')), List.of("line 1", "carriage returns")),
                Arguments.of("truncated gzip", Arrays.copyOf(gz, gz.length / 2), List.of("ends early")),
                Arguments.of("truncated BGZF", Arrays.copyOf(bgz, bgz.length / 2 + 7), List.of("ends early")),
                Arguments.of("BCF file", bgzip(new byte[] {'B', 'C', 'F', 2, 2, 0, 0, 0, 0}), List.of("convert to .vcf.gz with bcftools view -Oz")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformed_files_fail_with_a_message_naming_file_line_and_field(String name, byte[] content, List<String> fragments) throws IOException {
        String fileName = name.replaceAll("[^A-Za-z0-9]+", "-") + ".vcf";
        Path p = tmp.resolve(fileName);
        Files.write(p, content);
        // on the caller's thread and through the parallel pipeline: the same message either way
        for (int threads : new int[] {1, 2}) {
            assertThatThrownBy(() -> {
                try (VcfReader r = VcfReader.open(p, fileName, null, threads)) {
                    while (r.next() != null) {
                        // read to the end
                    }
                }
            }).as("%d thread(s)", threads).isInstanceOf(VcfFormatException.class)
                    .satisfies(e -> {
                        assertThat(e.getMessage()).startsWith(fileName);
                        for (String f : fragments) assertThat(e.getMessage()).contains(f);
                    });
        }
    }
}
