package org.motif.genomics;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.tribble.TribbleException;
import htsjdk.tribble.readers.LineIterator;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFCodec;
import htsjdk.variant.vcf.VCFContigHeaderLine;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLine;
import htsjdk.variant.vcf.VCFHeaderVersion;
import htsjdk.variant.vcf.VCFInfoHeaderLine;

/**
 * Streams a VCF 4.x file (plain, gzip or BGZF) record by record, never holding the file in memory.
 * The header and the site columns are decoded by htsjdk's {@link VCFCodec} (genotypes stay lazy
 * there); the FORMAT/sample columns are read by {@link SampleColumnTokenizer}, which a test checks
 * record for record against htsjdk's own genotype decoding.
 *
 * <p>Every fault is a {@link VcfFormatException} naming the file, the 1-based line and the field.
 * BCF files are refused with the advice to convert them with {@code bcftools view -Oz}.
 */
public final class VcfReader implements Closeable {
    private static final String[] FIXED = {"#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"};

    private final String fileName;
    private final CountingInputStream counting;
    private final BufferedReader reader;
    private final VCFCodec headerCodec = new VCFCodec();
    private final VCFHeader header;
    private final List<String> samples;
    private final int expectedColumns;
    private final String afKey;
    private final String[] csqFields;
    private final VCFHeaderVersion version;
    private final Parser parser;
    private final Pipeline pipeline;
    private int lineNumber;
    private long records;

    private VcfReader(Path path, String fileName, String afKey, int threads) throws IOException {
        this.fileName = fileName;
        this.afKey = afKey == null || afKey.isBlank() ? "AF" : afKey;
        this.counting = new CountingInputStream(Files.newInputStream(path));
        BufferedInputStream buffered = new BufferedInputStream(counting, 1 << 16);
        InputStream text = decompress(buffered);
        BufferedInputStream peekable = new BufferedInputStream(text, 1 << 16);
        peekable.mark(8);
        byte[] magic = peekable.readNBytes(5);
        peekable.reset();
        if (magic.length == 0) {
            throw fail(null, null, "the file is empty; export the VCF again (it needs a ##fileformat=VCFv4.x header line).");
        }
        if (magic.length >= 3 && magic[0] == 'B' && magic[1] == 'C' && magic[2] == 'F') {
            throw fail(1, null, "this is a BCF file, which Motif cannot read; convert to .vcf.gz with bcftools view -Oz -o file.vcf.gz file.bcf");
        }
        this.reader = new BufferedReader(new InputStreamReader(peekable, StandardCharsets.UTF_8), 1 << 16);
        this.header = readHeader();
        this.samples = List.copyOf(header.getGenotypeSamples());
        this.expectedColumns = samples.isEmpty() ? 8 : 9 + samples.size();
        this.csqFields = csqFields(header);
        this.version = headerCodec.getVersion();
        this.parser = new Parser();
        this.pipeline = threads > 1 ? new Pipeline(threads) : null;
    }

    /**
     * Opens a VCF for streaming and reads its header.
     *
     * @param path     the file on disk (.vcf, .vcf.gz, .bgz; gzip or BGZF detected from the bytes)
     * @param fileName the name shown in messages (the uploaded name)
     * @param afKey    INFO key of the allele frequency (null = "AF", falling back to "gnomAD_AF")
     * @throws VcfFormatException for an empty file, a BCF, a bad or missing header, duplicate samples
     * @throws IOException        when the file cannot be read
     */
    public static VcfReader open(Path path, String fileName, String afKey) throws IOException {
        return new VcfReader(path, fileName, afKey, 1);
    }

    /**
     * As {@link #open(Path, String, String)}, but lines are decompressed and read on one thread and
     * parsed on {@code threads} others, ahead of the caller (a bounded window of batches, so memory
     * stays flat); records, errors included, still come out of {@link #next()} in file order.
     *
     * @param threads parsing threads; 1 or less reads on the caller's thread
     */
    public static VcfReader open(Path path, String fileName, String afKey, int threads) throws IOException {
        return new VcfReader(path, fileName, afKey, threads);
    }

    private InputStream decompress(BufferedInputStream in) throws IOException {
        in.mark(4);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 != 0x1f || b2 != 0x8b) return in;
        try {
            if (BlockCompressedInputStream.isValidFile(in)) return new BlockCompressedInputStream(in);
            return new GZIPInputStream(in, 1 << 16);
        } catch (IOException e) {
            throw fail(null, null, "the gzip data is damaged (" + e.getMessage() + "); fetch or compress the file again.");
        }
    }

    /** VCF sample names in column order. */
    public List<String> samples() {
        return samples;
    }

    /** The reference build from ##reference / ##contig lines: "GRCh38", "GRCh37" or null when unknown. */
    public String referenceBuild() {
        return ReferenceBuilds.detect(header);
    }

    /** Bytes of the file (compressed, as on disk) read so far, for progress. */
    public long bytesRead() {
        return counting.count();
    }

    /** Data lines read so far. */
    public long records() {
        return records;
    }

    /**
     * The next data record, or null at the end of the file. Skipped records are returned too, with
     * {@link VcfRecord#skipReason()} set and, when they have no GT, {@code alleles == null}.
     *
     * @throws VcfFormatException naming the line and field for a malformed record
     */
    public VcfRecord next() throws IOException {
        if (pipeline != null) return pipeline.next();
        String line;
        while (true) {
            line = readLine();
            if (line == null) return null;
            if (!line.isEmpty()) break;
        }
        records++;
        return parser.parse(line, lineNumber);
    }

    /**
     * Decodes one data line; one instance per thread (htsjdk's codec and the tokenizer keep state).
     * Everything it reads from the reader (header, samples, keys) is fixed once the header is read.
     */
    private final class Parser {
        private final VCFCodec codec;
        private final SampleColumnTokenizer tokenizer = new SampleColumnTokenizer(samples.size());

        /**
         * A codec of its own, on a sites-only copy of the header: htsjdk decodes the eight site columns
         * and the tokenizer the sample columns, so htsjdk need not copy or keep the genotype text.
         */
        Parser() {
            codec = new VCFCodec();
            codec.setVCFHeader(new VCFHeader(header.getMetaDataInInputOrder()), version);
        }

        VcfRecord parse(String line, int lineNumber) {
            if (line.startsWith("#")) {
                throw fail(lineNumber, null, "header line after the data started; header lines (#) must all come before the first record.");
            }
            int[] tabs = tabPositions(line);
            if (tabs.length + 1 != expectedColumns) {
                throw fail(lineNumber, null, "expected " + expectedColumns + " tab-separated columns ("
                        + (samples.isEmpty() ? "8 fixed" : "8 fixed + FORMAT + " + samples.size() + " samples")
                        + ") but found " + (tabs.length + 1) + "; check that columns are separated by tabs, not spaces.");
            }
            String pos = line.substring(tabs[0] + 1, tabs[1]);
            if (pos.isEmpty() || pos.length() > 10 || !allDigits(pos) || Long.parseLong(pos) < 1
                    || Long.parseLong(pos) > Integer.MAX_VALUE) {
                throw fail(lineNumber, "POS", "'" + pos + "' is not a position; POS must be a whole number from 1 (1-based).");
            }
            if (tabs[0] == 0) throw fail(lineNumber, "CHROM", "the contig name is empty.");
            String ref = line.substring(tabs[2] + 1, tabs[3]);
            if (ref.isEmpty() || !acgtn(ref)) {
                throw fail(lineNumber, "REF", "'" + abbreviate(ref) + "' is not a reference allele; REF may contain only A, C, G, T and N.");
            }
            String qual = line.substring(tabs[4] + 1, tabs[5]);
            Double q = null;
            if (!qual.equals(".")) {
                try {
                    q = Double.parseDouble(qual);
                } catch (NumberFormatException e) {
                    throw fail(lineNumber, "QUAL", "'" + abbreviate(qual) + "' is not a number; QUAL must be a number or '.'.");
                }
            }
            VariantContext vc;
            try {
                vc = codec.decode(samples.isEmpty() ? line : line.substring(0, tabs[7]));
            } catch (RuntimeException e) {
                throw fail(lineNumber, null, cleanHtsjdkMessage(e.getMessage()) + "; fix the record or remove it.");
            }
            List<String> alts = new ArrayList<>(vc.getAlternateAlleles().size());
            SkipReason skip = null;
            for (Allele a : vc.getAlternateAlleles()) {
                alts.add(a.getDisplayString());
                if (a.isSymbolic() || a.isBreakpoint() || a.isSingleBreakend()) skip = SkipReason.SYMBOLIC_ALLELE;
            }
            if (alts.isEmpty()) skip = SkipReason.NO_ALT_ALLELE;
            if (skip == null && vc.hasAttribute("SVTYPE")) skip = SkipReason.STRUCTURAL_VARIANT;
            int[] alleles = null;
            int[] gq = null;
            int[] dp = null;
            if (!samples.isEmpty()) {
                SampleColumnTokenizer.Result r;
                try {
                    r = tokenizer.parse(line, tabs[7] + 1, alts.size() + 1);
                } catch (SampleColumnTokenizer.FieldException e) {
                    String sample = e.sampleIndex() >= 0 ? " (sample " + samples.get(e.sampleIndex()) + ")" : "";
                    throw fail(lineNumber, e.field(), e.getMessage() + sample);
                }
                if (r != null) {
                    alleles = r.alleles();
                    gq = r.gq();
                    dp = r.dp();
                }
            }
            if (alleles == null && skip == null) skip = SkipReason.NO_GENOTYPE;
            String id = vc.hasID() ? vc.getID() : null;
            String filter = line.substring(tabs[5] + 1, tabs[6]);
            List<String> genes = new ArrayList<>(alts.size());
            List<String> consequences = new ArrayList<>(alts.size());
            List<Double> afs = new ArrayList<>(alts.size());
            annotate(vc, alts, genes, consequences, afs, lineNumber);
            return new VcfRecord(lineNumber, vc.getContig(), vc.getStart(), id, ref.toUpperCase(Locale.ROOT), alts, q,
                    filter.equals(".") ? null : filter, genes, consequences, afs, alleles, gq, dp, skip);
        }

        private void annotate(VariantContext vc, List<String> alts, List<String> genes, List<String> consequences, List<Double> afs, int lineNumber) {
            List<String> ann = vc.getAttributeAsStringList("ANN", null);
            List<String> csq = csqFields != null ? vc.getAttributeAsStringList("CSQ", null) : List.of();
            String infoGene = vc.hasAttribute("GENE") ? vc.getAttributeAsString("GENE", null) : null;
            List<String> af = vc.getAttributeAsStringList(afKey, null);
            if (af.isEmpty() && afKey.equals("AF")) af = vc.getAttributeAsStringList("gnomAD_AF", null);
            for (int k = 0; k < alts.size(); k++) {
                String alt = alts.get(k);
                String gene = null;
                String consequence = null;
                String[] a = pick(ann, alt, 0, alts.size());
                if (a != null) {
                    consequence = field(a, 1);
                    gene = field(a, 3);
                } else if (!csq.isEmpty()) {
                    String[] c = pick(csq, alt, index(csqFields, "Allele"), alts.size());
                    if (c != null) {
                        consequence = field(c, index(csqFields, "Consequence"));
                        gene = field(c, index(csqFields, "SYMBOL"));
                    }
                }
                if (gene == null && infoGene != null && !infoGene.equals(".")) gene = infoGene;
                genes.add(gene);
                consequences.add(consequence);
                Double f = null;
                if (k < af.size() && !af.get(k).equals(".")) {
                    try {
                        f = Double.valueOf(af.get(k));
                    } catch (NumberFormatException e) {
                        throw fail(lineNumber, afKey, "'" + af.get(k) + "' is not a number; the allele frequency must be a number or '.'.");
                    }
                }
                afs.add(f);
            }
        }
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

    private VCFHeader readHeader() throws IOException {
        String first = readLine();
        if (first == null || first.isBlank()) {
            throw fail(null, null, "the file is empty; export the VCF again (it needs a ##fileformat=VCFv4.x header line).");
        }
        if (!first.startsWith("##fileformat=VCF")) {
            throw fail(1, "fileformat", "this is not a VCF: the first line must be ##fileformat=VCFv4.x (found '"
                    + abbreviate(first) + "'); upload a .vcf, .vcf.gz or .bgz file.");
        }
        String version = first.substring("##fileformat=".length()).trim();
        if (!version.matches("VCFv4\\.[0-3]")) {
            throw fail(1, "fileformat", "VCF version '" + version + "' is not supported; Motif reads VCFv4.0 to VCFv4.3.");
        }
        HeaderLines lines = new HeaderLines(first);
        try {
            Object h = headerCodec.readActualHeader(lines);
            return (VCFHeader) h;
        } catch (VcfFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (msg.contains("CHROM header line") || lines.sawChrom == false && lines.eof) {
                throw fail(lineNumber, "#CHROM", "the header has no #CHROM line; the last header line must be "
                        + "#CHROM POS ID REF ALT QUAL FILTER INFO (FORMAT and sample names), separated by tabs.");
            }
            throw fail(lineNumber, "header", cleanHtsjdkMessage(msg) + "; fix this header line.");
        }
    }

    private void checkChromLine(String line) {
        String[] cols = line.split("\t", -1);
        if (cols.length < 8) {
            throw fail(lineNumber, "#CHROM", "the #CHROM line has " + cols.length + " tab-separated columns; it needs "
                    + "#CHROM POS ID REF ALT QUAL FILTER INFO, then FORMAT and the sample names, separated by tabs.");
        }
        for (int i = 0; i < FIXED.length; i++) {
            if (!cols[i].equals(FIXED[i])) {
                throw fail(lineNumber, "#CHROM", "column " + (i + 1) + " is '" + abbreviate(cols[i]) + "' but must be "
                        + FIXED[i] + "; the columns must be separated by tabs.");
            }
        }
        if (cols.length > 8 && !cols[8].equals("FORMAT")) {
            throw fail(lineNumber, "#CHROM", "column 9 is '" + abbreviate(cols[8]) + "' but must be FORMAT.");
        }
        if (cols.length == 9) {
            throw fail(lineNumber, "#CHROM", "FORMAT is present but no sample column follows; add the sample names or drop FORMAT.");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 9; i < cols.length; i++) {
            if (cols[i].isBlank()) throw fail(lineNumber, "#CHROM", "sample column " + (i - 8) + " has no name.");
            if (!seen.add(cols[i])) {
                throw fail(lineNumber, "#CHROM", "sample name '" + cols[i] + "' appears more than once; rename the "
                        + "duplicate (bcftools reheader -s) so each column has its own name.");
            }
        }
    }

    private void checkMetaLine(String l) {
        for (String key : new String[] {"INFO", "FORMAT", "FILTER", "contig", "ALT"}) {
            if (!l.startsWith("##" + key + "=")) continue;
            boolean compound = key.equals("INFO") || key.equals("FORMAT");
            if (!l.startsWith("##" + key + "=<") || !l.endsWith(">") || !l.contains("ID=")
                    || compound && (!l.contains("Number=") || !l.contains("Type="))) {
                throw fail(lineNumber, key, "malformed header line '" + abbreviate(l) + "'; write it as ##" + key + "=<ID=..."
                        + (compound ? ",Number=...,Type=...,Description=\"...\">" : ">") + ".");
            }
        }
    }

    private String readLine() throws IOException {
        try {
            String l = reader.readLine();
            if (l != null) lineNumber++;
            return l;
        } catch (EOFException | ZipException e) {
            throw fail(lineNumber + 1, null, "the compressed file ends early or is damaged after line " + lineNumber
                    + " (" + e.getMessage() + "); the file was probably cut off: copy or compress it again.");
        } catch (htsjdk.samtools.FileTruncatedException | htsjdk.samtools.SAMFormatException | htsjdk.samtools.util.RuntimeIOException e) {
            throw fail(lineNumber + 1, null, "the BGZF file ends early or is damaged after line " + lineNumber
                    + " (" + e.getMessage() + "); the file was probably cut off: copy or compress it again.");
        }
    }

    /** Positions of the tabs of a line, in one pass (grows the array only for unusual lines). */
    private static int[] tabPositions(String line) {
        int[] out = new int[64];
        int n = 0;
        int i = -1;
        while ((i = line.indexOf('\t', i + 1)) >= 0) {
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = i;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    private static boolean acgtn(String s) {
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case 'A', 'C', 'G', 'T', 'N', 'a', 'c', 'g', 't', 'n' -> {
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    private static String cleanHtsjdkMessage(String m) {
        if (m == null) return "the record cannot be decoded";
        String s = m.replaceAll("\\s+", " ").trim();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private VcfFormatException fail(Integer line, String field, String message) {
        return new VcfFormatException(fileName, line, field, message);
    }

    @Override
    public void close() throws IOException {
        if (pipeline != null) pipeline.close();
        reader.close();
    }

    /**
     * Reads data lines on one thread, in batches, and parses each batch on a pool thread; {@link #next()}
     * takes the batches in file order. A read or parse failure travels in its batch's place, so the
     * caller sees it after every record before it, as when reading on one thread.
     */
    private final class Pipeline {
        private static final int BATCH = 256;
        private final ExecutorService pool;
        private final BlockingQueue<Future<VcfRecord[]>> ahead;
        private final ThreadLocal<Parser> parsers = ThreadLocal.withInitial(Parser::new);
        private VcfRecord[] current = new VcfRecord[0];
        private int index;
        private boolean done;
        private volatile boolean closed;

        Pipeline(int threads) {
            pool = Executors.newFixedThreadPool(threads + 1, r -> {
                Thread t = new Thread(r, "vcf-read-" + fileName);
                t.setDaemon(true);
                return t;
            });
            ahead = new ArrayBlockingQueue<>(4 * threads);
            pool.execute(this::readLines);
        }

        private void readLines() {
            try {
                while (!closed) {
                    String[] lines = new String[BATCH];
                    int[] numbers = new int[BATCH];
                    int n = 0;
                    String l = "";
                    while (n < BATCH && (l = readLine()) != null) {
                        if (l.isEmpty()) continue;
                        lines[n] = l;
                        numbers[n++] = lineNumber;
                    }
                    if (n > 0) {
                        int count = n;
                        ahead.put(pool.submit(() -> {
                            Parser p = parsers.get();
                            VcfRecord[] out = new VcfRecord[count];
                            for (int i = 0; i < count; i++) out[i] = p.parse(lines[i], numbers[i]);
                            return out;
                        }));
                    }
                    if (l == null) {
                        ahead.put(CompletableFuture.completedFuture(null));
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                try {
                    if (!closed) ahead.put(CompletableFuture.failedFuture(e));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        VcfRecord next() throws IOException {
            while (index == current.length) {
                if (done) return null;
                VcfRecord[] batch;
                try {
                    batch = ahead.take().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading " + fileName);
                } catch (ExecutionException e) {
                    done = true;
                    if (e.getCause() instanceof IOException io) throw io;
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                }
                if (batch == null) {
                    done = true;
                    return null;
                }
                current = batch;
                index = 0;
            }
            records++;
            return current[index++];
        }

        void close() {
            closed = true;
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Header lines for htsjdk, counted and checked (the #CHROM line) on the way. */
    private final class HeaderLines implements LineIterator {
        private String next;
        private boolean sawChrom;
        private boolean eof;

        HeaderLines(String first) {
            this.next = first;
        }

        @Override
        public String peek() {
            if (next == null && !eof) {
                try {
                    next = readLine();
                } catch (IOException e) {
                    throw new TribbleException(e.getMessage());
                }
                if (next == null) eof = true;
            }
            return next;
        }

        @Override
        public boolean hasNext() {
            return peek() != null;
        }

        @Override
        public String next() {
            String l = peek();
            next = null;
            if (l != null && l.startsWith("#CHROM")) {
                sawChrom = true;
                checkChromLine(l);
            } else if (l != null && l.startsWith("##")) {
                checkMetaLine(l);
            } else if (l != null && !sawChrom) {
                throw fail(lineNumber, "#CHROM", "a data line came before the #CHROM header line; the last header line must be "
                        + "#CHROM POS ID REF ALT QUAL FILTER INFO (FORMAT and sample names).");
            }
            return l;
        }
    }

    /** Counts the bytes taken from the file, for progress. */
    private static final class CountingInputStream extends FilterInputStream {
        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        long count() {
            return count;
        }
    }

    static List<String> contigNames(VCFHeader h) {
        return h.getContigLines().stream().map(VCFContigHeaderLine::getID).toList();
    }

    static String otherHeader(VCFHeader h, String key) {
        VCFHeaderLine l = h.getOtherHeaderLine(key);
        return l == null ? null : l.getValue();
    }
}
