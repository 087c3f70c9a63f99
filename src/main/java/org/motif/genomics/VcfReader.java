package org.motif.genomics;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFCodec;
import htsjdk.variant.vcf.VCFContigHeaderLine;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLine;
import htsjdk.variant.vcf.VCFHeaderVersion;

/**
 * Streams a VCF 4.x file (plain, gzip or BGZF) record by record, never holding the file in memory;
 * lines stay bytes from the decompressor to the parser. htsjdk reads the header, the BGZF blocks and
 * the site columns of every record out of the ordinary, and words the refusal of every record it
 * rejects; {@link SiteColumns} reads the site columns of ordinary records and
 * {@link SampleColumnTokenizer} the FORMAT/sample columns. Tests check both, record for record, against htsjdk.
 *
 * <p>Every fault is a {@link VcfFormatException} naming the file, the 1-based line and the field.
 * BCF files are refused with the advice to convert them with {@code bcftools view -Oz}.
 */
public final class VcfReader implements Closeable {
    private static final String[] FIXED = {"#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"};

    private final String fileName;
    private final CountingInputStream counting;
    private final Lines lines;
    private final VCFCodec headerCodec = new VCFCodec();
    private final VCFHeader header;
    private final List<String> samples;
    private final int expectedColumns;
    private final SiteColumns sites;
    private final VCFHeaderVersion version;
    private final Parser parser;
    private final Pipeline pipeline;
    private int lineNumber;
    private long records;

    private VcfReader(Path path, String fileName, String afKey, int threads, boolean htsjdkSites) throws IOException {
        this.fileName = fileName;
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
        this.lines = new Lines(peekable);
        this.header = readHeader();
        this.samples = List.copyOf(header.getGenotypeSamples());
        this.expectedColumns = samples.isEmpty() ? 8 : 9 + samples.size();
        this.version = headerCodec.getVersion();
        this.sites = new SiteColumns(fileName, header, afKey == null || afKey.isBlank() ? "AF" : afKey);
        // a frequency key that is one of the other keys read: every record goes to htsjdk
        boolean htsjdkOnly = htsjdkSites || sites.afKeyClashes();
        this.parser = new Parser(htsjdkOnly);
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
        return new VcfReader(path, fileName, afKey, 1, false);
    }

    /**
     * As {@link #open(Path, String, String)}, but lines are decompressed and read on one thread and
     * parsed on {@code threads} others, ahead of the caller (a bounded window of batches, so memory
     * stays flat); records, errors included, still come out of {@link #next()} in file order.
     *
     * @param threads parsing threads; 1 or less reads on the caller's thread
     */
    public static VcfReader open(Path path, String fileName, String afKey, int threads) throws IOException {
        return new VcfReader(path, fileName, afKey, threads, false);
    }

    /** For tests: as {@link #open(Path, String, String)} with every record's site columns decoded by htsjdk. */
    static VcfReader openWithHtsjdkSites(Path path, String fileName, String afKey) throws IOException {
        return new VcfReader(path, fileName, afKey, 1, true);
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

    /** For tests: records whose site columns were given to htsjdk, when reading on the caller's thread. */
    long htsjdkDecoded() {
        return parser.htsjdkDecoded;
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
        while (nextLine()) {
            if (lines.end == lines.start) continue;
            records++;
            return parser.parse(lines.buf, lines.start, lines.end, lineNumber);
        }
        return null;
    }

    /**
     * Decodes one data line from its bytes; one instance per thread (htsjdk's codec and the tokenizer keep state).
     * Everything it reads from the reader (header, samples, keys) is fixed once the header is read.
     *
     * <p>The site columns of ordinary records (ALT of plain bases, no END, the INFO keys Motif reads
     * given once as key=value) are read by {@link SiteColumns#read}; every other record is decoded by
     * htsjdk, which also gives the error message of a record it rejects. {@code VcfReaderTest} checks
     * both ways give the same record.
     */
    private final class Parser {
        private final VCFCodec codec;
        private final SampleColumnTokenizer tokenizer = new SampleColumnTokenizer(samples.size());
        /** Tab positions; tabs[7] is where INFO ends, the line's end in a file without samples. */
        private final int[] tabs = new int[Math.max(8, expectedColumns - 1)];
        private final boolean htsjdkOnly;
        private long htsjdkDecoded;

        /**
         * A codec of its own, on a sites-only copy of the header: htsjdk decodes the eight site columns
         * and the tokenizer the sample columns, so htsjdk need not copy or keep the genotype text.
         */
        Parser(boolean htsjdkOnly) {
            this.htsjdkOnly = htsjdkOnly;
            codec = new VCFCodec();
            codec.setVCFHeader(new VCFHeader(header.getMetaDataInInputOrder()), version);
        }

        VcfRecord parse(byte[] b, int from, int to, int lineNumber) {
            if (b[from] == '#') {
                throw fail(lineNumber, null, "header line after the data started; header lines (#) must all come before the first record.");
            }
            int n = 0;
            for (int i = from; i < to; i++) {
                if (b[i] == '\t') {
                    if (n < tabs.length) tabs[n] = i;
                    n++;
                }
            }
            if (n + 1 != expectedColumns) {
                throw fail(lineNumber, null, "expected " + expectedColumns + " tab-separated columns ("
                        + (samples.isEmpty() ? "8 fixed" : "8 fixed + FORMAT + " + samples.size() + " samples")
                        + ") but found " + (n + 1) + "; check that columns are separated by tabs, not spaces.");
            }
            if (samples.isEmpty()) tabs[7] = to;
            int position = position(b, tabs[0] + 1, tabs[1]);
            if (position < 0) {
                throw fail(lineNumber, "POS", "'" + text(b, tabs[0] + 1, tabs[1]) + "' is not a position; POS must be a whole number from 1 (1-based).");
            }
            if (tabs[0] == from) throw fail(lineNumber, "CHROM", "the contig name is empty.");
            if (!acgtn(b, tabs[2] + 1, tabs[3])) {
                throw fail(lineNumber, "REF", "'" + abbreviate(text(b, tabs[2] + 1, tabs[3])) + "' is not a reference allele; REF may contain only A, C, G, T and N.");
            }
            String ref = text(b, tabs[2] + 1, tabs[3]).toUpperCase(Locale.ROOT);
            Double q = null;
            if (!(tabs[5] - tabs[4] == 2 && b[tabs[4] + 1] == '.')) {
                String qual = text(b, tabs[4] + 1, tabs[5]);
                try {
                    q = Double.parseDouble(qual);
                } catch (NumberFormatException e) {
                    throw fail(lineNumber, "QUAL", "'" + abbreviate(qual) + "' is not a number; QUAL must be a number or '.'.");
                }
            }
            SiteColumns.Sites s = htsjdkOnly ? null : sites.read(b, tabs, ref, text(b, from, tabs[0]));
            if (s == null) {
                htsjdkDecoded++;
                s = htsjdkSites(b, from, lineNumber);
            }
            int[] alleles = null;
            int[] gq = null;
            int[] dp = null;
            if (!samples.isEmpty()) {
                SampleColumnTokenizer.Result r;
                try {
                    r = tokenizer.parse(b, tabs[7] + 1, to, s.alts.size() + 1);
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
            SkipReason skip = s.skip == null && alleles == null ? SkipReason.NO_GENOTYPE : s.skip;
            List<String> genes = new ArrayList<>(s.alts.size());
            List<String> consequences = new ArrayList<>(s.alts.size());
            List<Double> afs = new ArrayList<>(s.alts.size());
            sites.annotate(s, genes, consequences, afs, lineNumber);
            String filter = tabs[6] - tabs[5] == 2 && b[tabs[5] + 1] == '.' ? null : text(b, tabs[5] + 1, tabs[6]);
            return new VcfRecord(lineNumber, s.contig, position, s.id, ref, s.alts, q, filter, genes, consequences, afs,
                    alleles, gq, dp, skip);
        }

        /** The site columns as htsjdk decodes them (genotypes not included). */
        private SiteColumns.Sites htsjdkSites(byte[] b, int from, int lineNumber) {
            VariantContext vc;
            try {
                vc = codec.decode(text(b, from, tabs[7]));
            } catch (RuntimeException e) {
                throw fail(lineNumber, null, cleanHtsjdkMessage(e.getMessage()) + "; fix the record or remove it.");
            }
            return sites.of(vc);
        }

    }

    private VCFHeader readHeader() throws IOException {
        String first = readLine();
        if (first == null || first.isBlank()) {
            throw fail(null, null, "the file is empty; export the VCF again (it needs a ##fileformat=VCFv4.x header line).");
        }
        if (first.indexOf('\r') >= 0) {
            throw fail(1, null, "the lines end with carriage returns (\\r) only, as old Mac files do; a VCF needs line feeds "
                    + "(convert with: tr '\\r' '\\n' < in.vcf > out.vcf).");
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

    /** The next line as text (header lines), or null at the end. */
    private String readLine() throws IOException {
        return nextLine() ? text(lines.buf, lines.start, lines.end) : null;
    }

    /** Moves {@link #lines} to the next line; false at the end of the file. */
    private boolean nextLine() throws IOException {
        try {
            boolean more = lines.next();
            if (more) lineNumber++;
            return more;
        } catch (EOFException | ZipException e) {
            throw fail(lineNumber + 1, null, "the compressed file ends early or is damaged after line " + lineNumber
                    + " (" + e.getMessage() + "); the file was probably cut off: copy or compress it again.");
        } catch (htsjdk.samtools.FileTruncatedException | htsjdk.samtools.SAMFormatException | htsjdk.samtools.util.RuntimeIOException e) {
            throw fail(lineNumber + 1, null, "the BGZF file ends early or is damaged after line " + lineNumber
                    + " (" + e.getMessage() + "); the file was probably cut off: copy or compress it again.");
        }
    }

    /**
     * The lines of the decompressed text as byte ranges of one buffer (valid until the next call):
     * no decoding to characters, which the sample columns do not need. A line ends at '\n'; a '\r'
     * before it is dropped.
     */
    private final class Lines {
        /** Longer lines are refused (a file with old Mac '\r' line ends would otherwise be one line). */
        private static final int MAX_LINE = 64 << 20;
        private final InputStream in;
        private byte[] buf = new byte[1 << 17];
        private int pos;
        private int limit;
        private int scanned;
        private boolean eof;
        int start;
        int end;

        Lines(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            while (true) {
                int nl = -1;
                for (int i = scanned; i < limit; i++) {
                    if (buf[i] == '\n') {
                        nl = i;
                        break;
                    }
                }
                if (nl >= 0) {
                    start = pos;
                    end = nl;
                    pos = nl + 1;
                    scanned = pos;
                    break;
                }
                scanned = limit;
                if (eof) {
                    if (pos == limit) return false;
                    start = pos;
                    end = limit;
                    pos = limit;
                    break;
                }
                fill();
            }
            if (end > start && buf[end - 1] == '\r') end--;
            return true;
        }

        private void fill() throws IOException {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                scanned -= pos;
                pos = 0;
            }
            if (limit == buf.length) {
                if (buf.length >= MAX_LINE) {
                    throw fail(lineNumber + 1, null, "the line is longer than " + (MAX_LINE >> 20) + " MB; a VCF has one record per line, "
                            + "ended by a line feed (\\n). Convert old Mac line ends (\\r) before importing.");
                }
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) eof = true;
            else limit += n;
        }
    }

    private static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** POS as a number from 1 to 2^31-1, or -1 when it is not one. */
    private static int position(byte[] b, int from, int to) {
        if (from == to || to - from > 10) return -1;
        long v = 0;
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') return -1;
            v = v * 10 + (b[i] - '0');
        }
        return v < 1 || v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    /** Non-empty and only A, C, G, T, N (either case). */
    private static boolean acgtn(byte[] b, int from, int to) {
        if (from == to) return false;
        for (int i = from; i < to; i++) {
            switch (b[i]) {
                case 'A', 'C', 'G', 'T', 'N', 'a', 'c', 'g', 't', 'n' -> {
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    /** htsjdk's message without its own (approximate, often wrong) line number: the exception names the line. */
    private static String cleanHtsjdkMessage(String m) {
        if (m == null) return "the record cannot be decoded";
        String s = m.replaceAll("\\s+", " ").trim().replaceFirst("^The provided VCF file is malformed at approximately line number \\d+: ", "");
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
        lines.in.close();
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
        private final ThreadLocal<Parser> parsers = ThreadLocal.withInitial(() -> new Parser(parser.htsjdkOnly));
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
                    // the lines of a batch, copied end to end into one array
                    byte[] bytes = new byte[BATCH * 512];
                    int[] ends = new int[BATCH];
                    int[] numbers = new int[BATCH];
                    int n = 0;
                    int size = 0;
                    boolean more = true;
                    while (n < BATCH && (more = nextLine())) {
                        int len = lines.end - lines.start;
                        if (len == 0) continue;
                        if (size + len > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + len));
                        System.arraycopy(lines.buf, lines.start, bytes, size, len);
                        size += len;
                        ends[n] = size;
                        numbers[n++] = lineNumber;
                    }
                    if (n > 0) {
                        int count = n;
                        byte[] batch = bytes;
                        ahead.put(pool.submit(() -> {
                            Parser p = parsers.get();
                            VcfRecord[] out = new VcfRecord[count];
                            for (int i = 0; i < count; i++) out[i] = p.parse(batch, i == 0 ? 0 : ends[i - 1], ends[i], numbers[i]);
                            return out;
                        }));
                    }
                    if (!more) {
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
