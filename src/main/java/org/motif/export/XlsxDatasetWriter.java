package org.motif.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the dataset as an xlsx workbook with POI's streaming SXSSF: only a window of rows is kept in
 * memory (temporary files are compressed), so memory does not grow with the number of rows. Header row
 * bold and frozen, autofilter over the header, column widths from the header and the first rows.
 */
public final class XlsxDatasetWriter implements DatasetWriter {
    private static final int WINDOW = 100;
    private static final int SAMPLE_ROWS = 50;

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW) {
        /** The fastest deflate level for the final zip: less time compressing the sheets' XML, a somewhat larger file. */
        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
            zip.setLevel(Deflater.BEST_SPEED);
            return zip;
        }
    };
    private final CellStyle header;
    private final CellStyle date;
    private final CellStyle dateTime;
    /** The workbook's default style, set on every plain cell: without it POI looks up the column's style (slowly, in XML beans) for each cell it writes. */
    private final CellStyle plain;
    private SXSSFSheet sheet;
    private List<Column> columns;
    private int[] widths;
    private int rowIndex;

    public XlsxDatasetWriter(OutputStream out) {
        this.out = out;
        workbook.setCompressTempFiles(false); // faster; temporary files are deleted in close()
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        var format = workbook.createDataFormat();
        date = workbook.createCellStyle();
        date.setDataFormat(format.getFormat("yyyy-mm-dd"));
        dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm:ss"));
        plain = workbook.getCellStyleAt(0);
    }

    @Override
    public void startSheet(ExportSheet s, List<Column> cols) {
        sheet = workbook.createSheet(s.title());
        columns = cols;
        widths = new int[cols.size()];
        Row row = sheet.createRow(0);
        for (int i = 0; i < cols.size(); i++) {
            var cell = row.createCell(i);
            cell.setCellValue(cols.get(i).name());
            cell.setCellStyle(header);
            widths[i] = Math.max(cols.get(i).name().length() + 3, cols.get(i).type() == CellType.DATETIME ? 20 : cols.get(i).type() == CellType.DATE ? 12 : 6);
        }
        sheet.createFreezePane(0, 1);
        if (!cols.isEmpty()) sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, cols.size() - 1));
        rowIndex = 1;
    }

    @Override
    public void row(Object[] values) {
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < values.length && i < columns.size(); i++) {
            Object v = values[i];
            if (v == null) continue;
            SXSSFCell cell = (SXSSFCell) row.createCell(i);
            cell.setCellStyle(plain);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof Boolean b) {
                cell.setCellValue(b);
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(date);
            } else if (v instanceof OffsetDateTime t) {
                cell.setCellValue(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
                cell.setCellStyle(dateTime);
            } else {
                cell.setCellValue(v.toString());
            }
            if (rowIndex <= SAMPLE_ROWS && v instanceof String s) widths[i] = Math.max(widths[i], Math.min(s.length() + 2, 60));
        }
        rowIndex++;
    }

    @Override
    public void endSheet() {
        for (int i = 0; i < widths.length; i++) sheet.setColumnWidth(i, Math.min(widths[i], 60) * 256);
    }

    @Override
    public void finish() throws IOException {
        workbook.write(out);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.dispose(); // deletes the temporary sheet files
        } finally {
            workbook.close();
        }
    }
}
