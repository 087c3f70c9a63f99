package org.motif.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.motif.StudyFixtures.as;
import static org.motif.db.Tables.EXPORT_LOG;
import static org.motif.db.Tables.FAMILY;
import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.PARTICIPANT_CONTACT;
import static org.motif.db.Tables.PHENOTYPE_RECORD;
import static org.motif.db.Tables.VARIANT;
import static org.motif.db.Tables.VCF_IMPORT;
import static org.motif.db.Tables.VCF_SAMPLE;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
import org.motif.StudyFixtures;
import org.motif.export.ExportService.ExportFormat;
import org.motif.questionnaire.survey.AssignmentService;
import org.motif.questionnaire.survey.SurveyService;
import org.motif.security.Role;
import org.motif.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;

/** A small study built through the services, exported, and read back with POI. */
class ExportIT extends AbstractIT {
    static final String FAMILY_ID = "EX01";
    static boolean built;

    @Autowired
    DSLContext db;
    @Autowired
    AssignmentService assignments;
    @Autowired
    SurveyService surveys;
    @Autowired
    ExportService exports;
    @Autowired
    UserService users;
    @Autowired
    TestRestTemplate rest;

    @BeforeEach
    void study() {
        if (built) return;
        built = true;
        String mother = StudyFixtures.participant(db, FAMILY_ID, "EX01-01", "female");
        String father = StudyFixtures.participant(db, FAMILY_ID, "EX01-02", "male");
        String child = StudyFixtures.participant(db, FAMILY_ID, "EX01-03", "female");
        StudyFixtures.participant(db, FAMILY_ID, "EX01-04", "male");
        long childPk = pk(child);
        db.update(PARTICIPANT).set(PARTICIPANT.FATHER_PK, pk(father)).set(PARTICIPANT.MOTHER_PK, pk(mother)).set(PARTICIPANT.BIRTH_YEAR, 1983)
                .set(PARTICIPANT.PROBAND, true).where(PARTICIPANT.ID.eq(childPk)).execute();
        db.update(PARTICIPANT).set(PARTICIPANT.WITHDRAWN_AT, java.time.OffsetDateTime.now()).set(PARTICIPANT.WITHDRAWAL_SCOPE, "no_use")
                .where(PARTICIPANT.PARTICIPANT_ID.eq("EX01-04")).execute();
        db.insertInto(PARTICIPANT_CONTACT).set(PARTICIPANT_CONTACT.PARTICIPANT_PK, childPk).set(PARTICIPANT_CONTACT.FULL_NAME, "Erika Mustermann")
                .set(PARTICIPANT_CONTACT.EMAIL, "erika@example.org").execute();
        db.insertInto(PHENOTYPE_RECORD).set(PHENOTYPE_RECORD.PARTICIPANT_PK, childPk).set(PHENOTYPE_RECORD.RECORDED_ON, LocalDate.of(2025, 3, 1))
                .set(PHENOTYPE_RECORD.AFFECTION, "unaffected").set(PHENOTYPE_RECORD.CREATED_BY, "test").execute();
        db.insertInto(PHENOTYPE_RECORD).set(PHENOTYPE_RECORD.PARTICIPANT_PK, childPk).set(PHENOTYPE_RECORD.RECORDED_ON, LocalDate.of(2026, 5, 4))
                .set(PHENOTYPE_RECORD.AFFECTION, "affected").set(PHENOTYPE_RECORD.DYSTONIA_TYPE, "focal_task_specific")
                .set(PHENOTYPE_RECORD.BODY_REGION, "right_hand").set(PHENOTYPE_RECORD.AGE_AT_ONSET, 34).set(PHENOTYPE_RECORD.CERTAINTY, "definite")
                .set(PHENOTYPE_RECORD.NOTE, "plays in the Gewandhaus orchestra").set(PHENOTYPE_RECORD.CREATED_BY, "test").execute();

        var link = as("ex-coordinator", () -> assignments.assign(List.of(child), List.of("gad7", "musical_background"), "baseline", null,
                "https://study.example"), Role.COORDINATOR).get(0);
        String token = link.url().substring(link.url().lastIndexOf('/') + 1);
        surveys.consent(token, "Erika Mustermann", true, "en");
        int[] gad7 = {1, 2, 0, 3, 1, 2, 1}; // total 10: "moderate" (10–14), Spitzer et al. 2006
        for (int i = 0; i < 7; i++) surveys.saveAnswer(token, "gad7_" + (i + 1), gad7[i]);
        surveys.saveAnswer(token, "musical_background_primary_instrument", 20);
        surveys.saveAnswer(token, "musical_background_primary_other", "Lute");
        surveys.saveAnswer(token, "musical_background_other_instruments", List.of(2, 6));
        surveys.saveAnswer(token, "musical_background_age_started", 7);
        surveys.saveAnswer(token, "musical_background_years_playing", 30);
        surveys.saveAnswer(token, "musical_background_professional_status", 1);
        surveys.saveAnswer(token, "musical_background_practice_hours", 4.5);
        surveys.saveAnswer(token, "musical_background_handedness", 1);
        surveys.saveAnswer(token, "musical_background_pain", 0);
        surveys.submit(token);

        long imp = db.insertInto(VCF_IMPORT).set(VCF_IMPORT.IMPORT_ID, "imp_export_it").set(VCF_IMPORT.FILE_NAME, "ex.vcf.gz")
                .set(VCF_IMPORT.SHA256, "e".repeat(64)).set(VCF_IMPORT.STATUS, "done").set(VCF_IMPORT.CREATED_BY, "test")
                .returning(VCF_IMPORT.ID).fetchOne(VCF_IMPORT.ID);
        String[] samples = {mother, father, child};
        for (int i = 0; i < 3; i++) {
            db.insertInto(VCF_SAMPLE).set(VCF_SAMPLE.IMPORT_PK, imp).set(VCF_SAMPLE.COLUMN_INDEX, i).set(VCF_SAMPLE.NAME, samples[i])
                    .set(VCF_SAMPLE.PARTICIPANT_PK, pk(samples[i])).execute();
        }
        // mother HET, father HOM_REF, child HET
        db.insertInto(VARIANT).set(VARIANT.IMPORT_PK, imp).set(VARIANT.CONTIG, "chr9").set(VARIANT.POSITION, 130_714_400).set(VARIANT.REF, "G")
                .set(VARIANT.ALT, "A").set(VARIANT.GENE, "TOR1A").set(VARIANT.GT, new byte[] {1, 0, 1}).execute();
    }

    long pk(String participantId) {
        return db.select(PARTICIPANT.ID).from(PARTICIPANT).where(PARTICIPANT.PARTICIPANT_ID.eq(participantId)).fetchOne(PARTICIPANT.ID);
    }

    byte[] export(Map<String, String> parameters, ExportFormat format, Role... roles) {
        return as("ex-" + roles[0].name().toLowerCase(), () -> {
            var plan = exports.prepare(ExportOptions.parse(parameters), format);
            var out = new ByteArrayOutputStream();
            try {
                exports.write(plan, out, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }, roles);
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new HashMap<>();
        m.put("families", FAMILY_ID);
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    static int column(Sheet sheet, String name) {
        for (Cell c : sheet.getRow(0)) if (c.getStringCellValue().equals(name)) return c.getColumnIndex();
        return -1;
    }

    static Row rowOf(Sheet sheet, int col, String value) {
        for (Row r : sheet) {
            Cell c = r.getCell(col);
            if (r.getRowNum() > 0 && c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(value)) return r;
        }
        return null;
    }

    static Cell cell(Sheet sheet, String participantId, String column) {
        Row row = rowOf(sheet, column(sheet, "participantId"), participantId);
        assertThat(row).as("row of " + participantId).isNotNull();
        return row.getCell(column(sheet, column));
    }

    @Test
    void an_admin_export_holds_the_stored_gad7_score_phenotype_genotype_and_dictionary_row() throws IOException {
        try (var wb = read(export(params(), ExportFormat.XLSX, Role.ADMIN))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Participants");
            Sheet p = wb.getSheet("Participants");
            Cell total = cell(p, "EX01-03", "baseline.gad7.total");
            assertThat(total.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(total.getNumericCellValue()).isEqualTo(10.0);
            assertThat(cell(p, "EX01-03", "baseline.gad7.total.band").getStringCellValue()).isEqualTo("moderate");
            assertThat(cell(p, "EX01-03", "baseline.gad7.total.answered").getNumericCellValue()).isEqualTo(7.0);
            assertThat(cell(p, "EX01-03", "baseline.gad7.total.prorated").getBooleanCellValue()).isFalse();
            assertThat(cell(p, "EX01-03", "baseline.gad7_4").getNumericCellValue()).isEqualTo(3.0);
            assertThat(cell(p, "EX01-03", "baseline.musical_background_other_instruments").getStringCellValue()).isEqualTo("2;6");
            assertThat(cell(p, "EX01-03", "affection").getStringCellValue()).isEqualTo("affected");
            assertThat(cell(p, "EX01-03", "ageAtOnset").getNumericCellValue()).isEqualTo(34.0);
            assertThat(cell(p, "EX01-03", "fatherId").getStringCellValue()).isEqualTo("EX01-02");
            assertThat(cell(p, "EX01-03", "birthYear").getNumericCellValue()).isEqualTo(1983.0);
            assertThat(cell(p, "EX01-03", "chr9:130714400:G:A").getStringCellValue()).isEqualTo("0/1");
            assertThat(cell(p, "EX01-02", "chr9:130714400:G:A").getStringCellValue()).isEqualTo("0/0");
            assertThat(cell(p, "EX01-02", "baseline.gad7.total")).as("not answered: empty, never 'null'").isNull();
            assertThat(column(p, "baseline.musical_background_primary_other")).as("free text is left out when de-identified").isEqualTo(-1);
            assertThat(column(p, "email")).isEqualTo(-1);
            assertThat(rowOf(p, 0, "EX01-04")).as("withdrawn (no_use)").isNull();
            assertThat(p.getPaneInformation().isFreezePane()).isTrue();
            assertThat(wb.getFontAt(p.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();

            // the phenotype date is shifted by the stored offset
            int shift = db.select(PARTICIPANT.DATE_SHIFT_DAYS).from(PARTICIPANT).where(PARTICIPANT.PARTICIPANT_ID.eq("EX01-03")).fetchOne(PARTICIPANT.DATE_SHIFT_DAYS);
            assertThat(shift).isBetween(-364, -1);
            assertThat(cell(p, "EX01-03", "phenotypeRecordedOn").getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 5, 4).plusDays(shift));
            Sheet ph = wb.getSheet("Phenotypes");
            assertThat(column(ph, "note")).isEqualTo(-1);
            assertThat(ph.getRow(1).getCell(column(ph, "recordedOn")).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 3, 1).plusDays(shift));

            Sheet scores = wb.getSheet("Scores");
            assertThat(scores.getRow(0).getCell(column(scores, "scaleId")).getStringCellValue()).isEqualTo("scaleId");
            Sheet genotypes = wb.getSheet("Genotypes");
            Row g = rowOf(genotypes, 0, "EX01-01");
            assertThat(g.getCell(1).getStringCellValue()).isEqualTo("chr9:130714400:G:A");
            assertThat(g.getCell(2).getStringCellValue()).isEqualTo("0/1");
            assertThat(g.getCell(3).getNumericCellValue()).isEqualTo(1.0);
            Sheet variants = wb.getSheet("Variants");
            // other tests share the database and import variants too: find this test's variant by its key
            assertThat(rowOf(variants, 0, "chr9:130714400:G:A").getCell(column(variants, "carriers")).getNumericCellValue()).isEqualTo(2.0);

            Sheet dict = wb.getSheet("Data dictionary");
            Row item = rowOf(dict, 0, "baseline.gad7_1");
            assertThat(item.getCell(1).getStringCellValue()).isEqualTo("Participants");
            assertThat(item.getCell(2).getStringCellValue()).isEqualTo("gad7");
            assertThat(item.getCell(3).getStringCellValue()).isEqualTo("Feeling nervous, anxious, or on edge");
            assertThat(item.getCell(4).getStringCellValue()).isEqualTo("single-choice");
            assertThat(item.getCell(5).getStringCellValue()).isEqualTo("0, Not at all | 1, Several days | 2, More than half the days | 3, Nearly every day");
            assertThat(rowOf(wb.getSheet("About"), 0, "deidentified").getCell(1).getBooleanCellValue()).isTrue();
        }
        int again = db.select(PARTICIPANT.DATE_SHIFT_DAYS).from(PARTICIPANT).where(PARTICIPANT.PARTICIPANT_ID.eq("EX01-03")).fetchOne(PARTICIPANT.DATE_SHIFT_DAYS);
        export(params(), ExportFormat.XLSX, Role.ADMIN);
        assertThat(db.select(PARTICIPANT.DATE_SHIFT_DAYS).from(PARTICIPANT).where(PARTICIPANT.PARTICIPANT_ID.eq("EX01-03")).fetchOne(PARTICIPANT.DATE_SHIFT_DAYS))
                .as("set once").isEqualTo(again);
        assertThat(db.fetchCount(EXPORT_LOG)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_variant_in_two_imports_gets_one_genotype_column_per_import_named_with_the_import() throws IOException {
        long imp2 = db.insertInto(VCF_IMPORT).set(VCF_IMPORT.IMPORT_ID, "imp_export_it_2").set(VCF_IMPORT.FILE_NAME, "ex2.vcf.gz")
                .set(VCF_IMPORT.SHA256, "f".repeat(64)).set(VCF_IMPORT.STATUS, "done").set(VCF_IMPORT.CREATED_BY, "test")
                .returning(VCF_IMPORT.ID).fetchOne(VCF_IMPORT.ID);
        try {
            db.insertInto(VCF_SAMPLE).set(VCF_SAMPLE.IMPORT_PK, imp2).set(VCF_SAMPLE.COLUMN_INDEX, 0).set(VCF_SAMPLE.NAME, "EX01-03")
                    .set(VCF_SAMPLE.PARTICIPANT_PK, pk("EX01-03")).execute();
            // re-sequenced child: HOM_VAR here, HET in the first import
            db.insertInto(VARIANT).set(VARIANT.IMPORT_PK, imp2).set(VARIANT.CONTIG, "chr9").set(VARIANT.POSITION, 130_714_400)
                    .set(VARIANT.REF, "G").set(VARIANT.ALT, "A").set(VARIANT.GENE, "TOR1A").set(VARIANT.GT, new byte[] {2}).execute();
            try (var wb = read(export(params(), ExportFormat.XLSX, Role.ADMIN))) {
                Sheet p = wb.getSheet("Participants");
                assertThat(column(p, "chr9:130714400:G:A")).as("no bare key when it is ambiguous").isEqualTo(-1);
                assertThat(cell(p, "EX01-03", "chr9:130714400:G:A@imp_export_it").getStringCellValue()).isEqualTo("0/1");
                assertThat(cell(p, "EX01-03", "chr9:130714400:G:A@imp_export_it_2").getStringCellValue()).isEqualTo("1/1");
                assertThat(cell(p, "EX01-02", "chr9:130714400:G:A@imp_export_it").getStringCellValue()).isEqualTo("0/0");
                assertThat(cell(p, "EX01-02", "chr9:130714400:G:A@imp_export_it_2")).as("not in the second import").isNull();
            }
        } finally {
            StudyFixtures.deleteImports(db, VCF_IMPORT.ID.eq(imp2));
        }
    }

    @Test
    void labels_in_german_multiple_choice_as_columns_and_coarsened_birth_years() throws IOException {
        var bytes = export(params("labels", "labels", "language", "de", "multipleChoice", "columns", "birthYear", "coarsen", "genotypeFormat", "dosage"),
                ExportFormat.XLSX, Role.ADMIN);
        try (var wb = read(bytes)) {
            Sheet p = wb.getSheet("Participants");
            assertThat(cell(p, "EX01-03", "baseline.gad7_4").getStringCellValue()).isEqualTo("Beinahe jeden Tag");
            assertThat(cell(p, "EX01-03", "baseline.musical_background_other_instruments.2").getNumericCellValue()).isEqualTo(1.0);
            assertThat(cell(p, "EX01-03", "baseline.musical_background_other_instruments.1").getNumericCellValue()).isEqualTo(0.0);
            assertThat(cell(p, "EX01-03", "birthYear").getNumericCellValue()).isEqualTo(1980.0);
            assertThat(cell(p, "EX01-03", "chr9:130714400:G:A").getNumericCellValue()).isEqualTo(1.0);
        }
    }

    @Test
    void a_coordinator_gets_no_genotypes_and_contact_details_only_when_asking_identified() throws IOException {
        try (var wb = read(export(params(), ExportFormat.XLSX, Role.COORDINATOR))) {
            assertThat(wb.getSheet("Genotypes")).isNull();
            assertThat(wb.getSheet("Variants")).isNull();
            assertThat(column(wb.getSheet("Participants"), "chr9:130714400:G:A")).isEqualTo(-1);
            assertThat(wb.getSheet("Responses")).isNotNull();
        }
        try (var wb = read(export(params("deidentified", "false", "contacts", "true"), ExportFormat.XLSX, Role.COORDINATOR))) {
            Sheet p = wb.getSheet("Participants");
            assertThat(cell(p, "EX01-03", "email").getStringCellValue()).isEqualTo("erika@example.org");
            assertThat(cell(p, "EX01-03", "baseline.musical_background_primary_other").getStringCellValue()).isEqualTo("Lute");
            assertThat(cell(p, "EX01-03", "phenotypeRecordedOn").getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 5, 4));
        }
        assertThatThrownBy(() -> export(params("include", "genotypes"), ExportFormat.XLSX, Role.COORDINATOR)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("genotypes");
    }

    @Test
    void a_geneticist_gets_genotypes_but_no_contact_details_or_responses() throws IOException {
        try (var wb = read(export(params(), ExportFormat.XLSX, Role.GENETICIST))) {
            assertThat(wb.getSheet("Responses")).isNull();
            assertThat(cell(wb.getSheet("Participants"), "EX01-01", "chr9:130714400:G:A").getStringCellValue()).isEqualTo("0/1");
        }
        assertThatThrownBy(() -> export(params("deidentified", "false", "contacts", "true"), ExportFormat.XLSX, Role.GENETICIST))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> export(params("include", "responses"), ExportFormat.XLSX, Role.GENETICIST)).isInstanceOf(AccessDeniedException.class);
        try (var wb = read(export(params("include", "linkage"), ExportFormat.XLSX, Role.GENETICIST))) {
            assertThat(wb.getSheet("Linkage")).as("linkage results are exported (ExportLinkageIT checks the values)").isNotNull();
            assertThat(wb.getSheet("Linkage").getRow(0).getCell(0).getStringCellValue()).isEqualTo("runId");
        }
    }

    @Test
    void the_csv_zip_has_one_utf8_file_per_sheet_with_the_same_values() throws IOException {
        byte[] zip = export(params(), ExportFormat.ZIP, Role.ADMIN);
        Map<String, String> files = new HashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(files).containsKeys("participants.csv", "responses.csv", "scores.csv", "dictionary.csv", "about.csv", "genotypes.csv");
        String participants = files.get("participants.csv");
        assertThat(participants).startsWith("participantId,familyId,fatherId,motherId,sex,birthYear,proband,role");
        assertThat(participants).doesNotContain("null");
        assertThat(files.get("scores.csv")).contains("EX01-03,baseline,gad7,1,total,10,7,7,FALSE,moderate,");
    }

    @Test
    void libreoffice_reads_the_workbook() throws Exception {
        var soffice = java.nio.file.Path.of("/usr/bin/soffice");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(soffice),
                "soffice is missing: apt-get install -y libreoffice-calc (.ci/run installs it)");
        var dir = java.nio.file.Files.createTempDirectory("export-soffice");
        var xlsx = dir.resolve("dataset.xlsx");
        java.nio.file.Files.write(xlsx, export(params(), ExportFormat.XLSX, Role.ADMIN));
        var process = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=file://" + dir.resolve("profile"), "--headless",
                "--convert-to", "csv", "--outdir", dir.toString(), xlsx.toString()).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        var csv = dir.resolve("dataset.csv");
        assertThat(csv).as(log).exists();
        List<String> lines = java.nio.file.Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("participantId,familyId,fatherId,motherId,sex,birthYear,proband,role");
        String erika = lines.stream().filter(l -> l.startsWith("EX01-03,")).findFirst().orElseThrow();
        List<String> header = List.of(lines.get(0).split(","));
        List<String> cells = List.of(erika.split(",", -1));
        assertThat(cells.get(header.indexOf("baseline.gad7.total"))).isEqualTo("10");
        assertThat(cells.get(header.indexOf("baseline.gad7.total.band"))).isEqualTo("moderate");
        assertThat(cells.get(header.indexOf("birthYear"))).isEqualTo("1983");
    }

    @Test
    void the_api_refuses_a_forbidden_sheet_with_403_and_streams_the_workbook() {
        StudyFixtures.staff(users, "ex-api-coordinator", "ex-api-password-1", Role.COORDINATOR);
        var headers = new HttpHeaders();
        headers.setBasicAuth("ex-api-coordinator", "ex-api-password-1");
        var forbidden = rest.exchange("/api/v1/exports/dataset.xlsx?include=genotypes", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
        assertThat(forbidden.getHeaders().getContentType().toString()).contains("problem+json");
        var bad = rest.exchange("/api/v1/exports/dataset.xlsx?labels=maybe", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(422);
        assertThat(db.fetchCount(EXPORT_LOG, EXPORT_LOG.STATUS.eq("refused").and(EXPORT_LOG.CREATED_BY.eq("ex-api-coordinator"))))
                .as("the refusal is in the export history").isEqualTo(1);
        var ok = rest.exchange("/api/v1/exports/dataset.xlsx?families=" + FAMILY_ID, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(ok.getStatusCode().value()).isEqualTo(200);
        assertThat(ok.getHeaders().getContentDisposition().getFilename()).endsWith(".xlsx");
        assertThat(ok.getBody()).startsWith((byte) 'P', (byte) 'K');
    }
}
