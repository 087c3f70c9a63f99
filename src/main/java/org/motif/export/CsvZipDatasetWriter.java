package org.motif.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the dataset as a zip of UTF-8 CSV files ({@code <sheet>.csv}, RFC 4180 quoting, CRLF line ends):
 * numbers plain, dates {@code yyyy-MM-dd}, timestamps ISO 8601 UTC, booleans {@code TRUE}/{@code FALSE},
 * missing values empty.
 */
public final class CsvZipDatasetWriter implements DatasetWriter {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    private final ZipOutputStream zip;
    private final Writer writer;
    private int columns;

    public CsvZipDatasetWriter(OutputStream out) {
        zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        writer = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void startSheet(ExportSheet sheet, List<Column> cols) throws IOException {
        zip.putNextEntry(new ZipEntry(sheet.id() + ".csv"));
        columns = cols.size();
        Object[] names = cols.stream().map(Column::name).toArray();
        row(names);
    }

    @Override
    public void row(Object[] values) throws IOException {
        for (int i = 0; i < columns; i++) {
            if (i > 0) writer.write(',');
            Object v = i < values.length ? values[i] : null;
            if (v == null) continue;
            writer.write(format(v));
        }
        writer.write("\r\n");
    }

    static String format(Object v) {
        if (v instanceof Double d) return d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : d.toString();
        if (v instanceof Number n) return n.toString();
        if (v instanceof Boolean b) return b ? "TRUE" : "FALSE";
        if (v instanceof LocalDate d) return d.toString();
        if (v instanceof OffsetDateTime t) return TIMESTAMP.format(t.withOffsetSameInstant(ZoneOffset.UTC));
        return quote(v.toString());
    }

    static String quote(String s) {
        boolean needs = false;
        for (int i = 0; i < s.length() && !needs; i++) {
            char c = s.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    @Override
    public void endSheet() throws IOException {
        writer.flush();
        zip.closeEntry();
    }

    @Override
    public void finish() throws IOException {
        writer.flush();
        zip.finish();
        zip.flush();
    }

    @Override
    public void close() {
    }
}
