package org.motif.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Cell types, header, empty cells and CSV quoting of the two writers. */
class DatasetWriterTest {
    static final List<Column> COLUMNS = List.of(Column.text("participantId"), Column.decimal("score"), Column.bool("prorated"), Column.date("recordedOn"),
            new Column("answeredAt", org.motif.export.CellType.DATETIME), Column.text("note"));
    static final Object[] ROW = {"F001-03", 10.0, false, LocalDate.of(2026, 4, 24), OffsetDateTime.of(2026, 1, 10, 9, 30, 0, 0, ZoneOffset.UTC), null};
    static final Object[] QUOTED = {"a,b \"c\"", null, null, null, null, "Zürich"};

    @Test
    void the_workbook_has_typed_cells_a_bold_frozen_header_and_an_autofilter() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var w = new XlsxDatasetWriter(out)) {
            w.startSheet(ExportSheet.SCORES, COLUMNS);
            w.row(ROW);
            w.endSheet();
            w.finish();
        }
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = wb.getSheet("Scores");
            var header = sheet.getRow(0);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("score");
            assertThat(wb.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:F1");
            var row = sheet.getRow(1);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(10.0);
            assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.BOOLEAN);
            assertThat(row.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 4, 24));
            assertThat(row.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(row.getCell(4).getLocalDateTimeCellValue()).isEqualTo(java.time.LocalDateTime.of(2026, 1, 10, 9, 30));
            assertThat(row.getCell(5)).as("missing is an empty cell").isNull();
            assertThat(sheet.getColumnWidth(0)).isGreaterThan(10 * 256);
        }
    }

    @Test
    void the_zip_has_utf8_csv_with_rfc4180_quoting_and_empty_missing_values() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var w = new CsvZipDatasetWriter(out)) {
            w.startSheet(ExportSheet.SCORES, COLUMNS);
            w.row(ROW);
            w.row(QUOTED);
            w.endSheet();
            w.finish();
        }
        try (var zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("scores.csv");
            String csv = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(csv).isEqualTo("participantId,score,prorated,recordedOn,answeredAt,note\r\n"
                    + "F001-03,10,FALSE,2026-04-24,2026-01-10T09:30:00Z,\r\n"
                    + "\"a,b \"\"c\"\"\",,,,,Zürich\r\n");
        }
    }
}
