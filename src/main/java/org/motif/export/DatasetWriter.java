package org.motif.export;

import java.io.IOException;
import java.util.List;

/**
 * Where the dataset's sheets go, row by row (an xlsx workbook or a zip of CSV files). Values are
 * String, Number, Boolean, LocalDate, OffsetDateTime or null (an empty cell).
 */
public interface DatasetWriter extends AutoCloseable {
    void startSheet(ExportSheet sheet, List<Column> columns) throws IOException;

    void row(Object[] values) throws IOException;

    void endSheet() throws IOException;

    /** Writes everything out and ends the stream (the underlying stream is not closed). */
    void finish() throws IOException;

    @Override
    void close() throws IOException;
}
