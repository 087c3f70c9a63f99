package org.motif.export;

import static org.motif.db.Tables.ASSIGNMENT;
import static org.motif.db.Tables.ASSIGNMENT_INSTRUMENT;
import static org.motif.db.Tables.CONSENT;
import static org.motif.db.Tables.EXPORT_LOG;
import static org.motif.db.Tables.FAMILY;
import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.PARTICIPANT_CONTACT;
import static org.motif.db.Tables.PHENOTYPE_RECORD;
import static org.motif.db.Tables.RESPONSE;
import static org.motif.db.Tables.SCORE;
import static org.motif.db.Tables.VARIANT;
import static org.motif.db.Tables.VCF_IMPORT;
import static org.motif.db.Tables.VCF_SAMPLE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.motif.base.ValidationException;
import org.motif.db.tables.Participant;
import org.motif.export.DatasetLayout.InstrumentPlan;
import org.motif.questionnaire.InstrumentDefinition;
import org.motif.questionnaire.InstrumentService;
import org.motif.security.CurrentUser;
import org.motif.security.Role;
import org.motif.security.audit.AuditService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the combined study dataset (issue 7): decides which sheets the caller may see, reads the
 * tables with jOOQ cursors (fetchSize, sorted by participant, merged on the fly) and streams rows to a
 * {@link DatasetWriter}, so memory grows with the number of participants × genotype columns at most,
 * never with responses or genotype rows. Every export is audited and listed in {@code export_log}.
 */
@Service
public class ExportService {
    private static final int FETCH_SIZE = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final InstrumentService instruments;
    private final AuditService audit;
    private final ObjectMapper json = new ObjectMapper();
    private final String motifVersion;

    public ExportService(DSLContext db, InstrumentService instruments, AuditService audit) {
        this.db = db;
        this.instruments = instruments;
        this.audit = audit;
        String v = ExportService.class.getPackage().getImplementationVersion();
        this.motifVersion = v == null ? "development" : v;
    }

    /** An export checked and ready to write. */
    public record ExportPlan(String exportId, ExportFormat format, ExportOptions options, Set<ExportSheet> sheets, DatasetLayout layout,
                             List<String> variantKeys, String actor, OffsetDateTime createdAt, int participants) {
        public String fileName() {
            return "motif-dataset-" + createdAt.toLocalDate() + "." + format.extension();
        }
    }

    /** xlsx workbook or zip of CSV files. */
    public enum ExportFormat {
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ZIP("zip", "application/zip");

        private final String extension;
        private final String contentType;

        ExportFormat(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** One row of the export history. */
    public record ExportLogEntry(String exportId, OffsetDateTime createdAt, String createdBy, String format, String sheets, String options,
                                 boolean deidentified, int participants, String status) {
    }

    /**
     * Checks the caller's roles and the options, gives participants without a date offset one (stored,
     * never exported), and lays out the sheets.
     *
     * @throws AccessDeniedException (403) for a sheet, or contact details, the caller may not see
     * @throws ValidationException   (422) past Excel's limits (with the counts; the CSV zip has none) or for linkage (not stored yet)
     */
    @Transactional
    public ExportPlan prepare(ExportOptions options, ExportFormat format) {
        boolean coordinator = CurrentUser.hasRole(Role.COORDINATOR);
        boolean geneticist = CurrentUser.hasRole(Role.GENETICIST);
        requireExportRole();
        Set<ExportSheet> sheets = EnumSet.noneOf(ExportSheet.class);
        if (options.include().isEmpty()) {
            for (ExportSheet s : ExportSheet.choosable()) if (s != ExportSheet.LINKAGE && s.visibleTo(coordinator, geneticist)) sheets.add(s);
        } else {
            List<String> forbidden = options.include().stream().filter(s -> !s.visibleTo(coordinator, geneticist)).map(ExportSheet::id).sorted().toList();
            if (!forbidden.isEmpty()) {
                throw new AccessDeniedException("Your role may not export the sheet(s) " + String.join(", ", forbidden)
                        + " (DESIGN.md roles: genotypes, variants and linkage need GENETICIST; responses need COORDINATOR).");
            }
            if (options.include().contains(ExportSheet.LINKAGE)) {
                throw new ValidationException("Linkage results are not stored yet, so the linkage sheet cannot be exported; leave 'linkage' out of include.");
            }
            sheets.addAll(options.include());
        }
        sheets.add(ExportSheet.DICTIONARY);
        sheets.add(ExportSheet.ABOUT);
        if (options.contacts()) {
            if (!coordinator) throw new AccessDeniedException("Contact details are exported only for coordinators.");
            if (options.deidentified()) throw new ValidationException("Contact details need deidentified=false as well as contacts=true.");
        }
        Condition participants = participantCondition(options);
        if (options.deidentified()) assignDateShifts(participants);
        int participantCount = db.fetchCount(PARTICIPANT.join(FAMILY).on(FAMILY.ID.eq(PARTICIPANT.FAMILY_PK)), participants);

        List<InstrumentPlan> plans = sheets.contains(ExportSheet.PARTICIPANTS) || sheets.contains(ExportSheet.RESPONSES) || sheets.contains(ExportSheet.SCORES)
                ? plans(options) : List.of();
        boolean genotypes = sheets.contains(ExportSheet.GENOTYPES) || sheets.contains(ExportSheet.VARIANTS);
        List<String> variantKeys = genotypes ? variantKeys(options) : List.of();
        List<String> wideGenotypes = sheets.contains(ExportSheet.GENOTYPES) && sheets.contains(ExportSheet.PARTICIPANTS) ? variantKeys : List.of();
        DatasetLayout layout = new DatasetLayout(options, plans, wideGenotypes);
        if (format == ExportFormat.XLSX) checkLimits(layout, sheets, options, participants, participantCount, variantKeys.size());
        return new ExportPlan(newExportId(), format, options, sheets, layout, variantKeys, CurrentUser.actor(), OffsetDateTime.now(), participantCount);
    }

    /**
     * Writes the export to {@code out} (not closed), reports progress from 0 to 1, audits it and adds it to the history.
     *
     * @param progress told the share of sheets written; may be null
     */
    @Transactional
    public void write(ExportPlan plan, OutputStream out, DoubleConsumer progress) throws IOException {
        DoubleConsumer p = progress == null ? x -> { } : progress;
        Condition participants = participantCondition(plan.options());
        List<ExportSheet> order = plan.sheets().stream().sorted().toList();
        try (DatasetWriter w = plan.format() == ExportFormat.XLSX ? new XlsxDatasetWriter(out) : new CsvZipDatasetWriter(out)) {
            int done = 0;
            for (ExportSheet sheet : order) {
                switch (sheet) {
                    case PARTICIPANTS -> participantsSheet(plan, participants, w);
                    case RESPONSES -> responsesSheet(plan, participants, w);
                    case SCORES -> scoresSheet(plan, participants, w);
                    case PHENOTYPES -> phenotypesSheet(plan, participants, w);
                    case PEDIGREE -> pedigreeSheet(plan, participants, w);
                    case VARIANTS -> variantsSheet(plan, participants, w, false);
                    case GENOTYPES -> variantsSheet(plan, participants, w, true);
                    case DICTIONARY -> {
                        w.startSheet(sheet, DatasetLayout.dictionaryColumns());
                        for (DictionaryRow r : plan.layout().dictionary(plan.sheets())) {
                            w.row(new Object[] {r.variable(), r.sheet(), r.instrument(), r.label(), r.type(), r.codes(), r.units(), r.range(), r.notes()});
                        }
                        w.endSheet();
                    }
                    case ABOUT -> aboutSheet(plan, w);
                    default -> { }
                }
                p.accept((double) ++done / (order.size() + 1));
            }
            w.finish();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", plan.format().extension());
        details.put("sheets", sheetIds(plan.sheets()));
        details.put("options", plan.options().asParameters());
        details.put("participants", plan.participants());
        audit.record("export.dataset", "export", plan.exportId(), details);
        db.insertInto(EXPORT_LOG).set(EXPORT_LOG.EXPORT_ID, plan.exportId()).set(EXPORT_LOG.CREATED_BY, plan.actor())
                .set(EXPORT_LOG.CREATED_AT, plan.createdAt()).set(EXPORT_LOG.FORMAT, plan.format().extension())
                .set(EXPORT_LOG.SHEETS, sheetIds(plan.sheets())).set(EXPORT_LOG.OPTIONS, toJson(plan.options().asParameters()))
                .set(EXPORT_LOG.DEIDENTIFIED, plan.options().deidentified()).set(EXPORT_LOG.PARTICIPANTS, plan.participants())
                .set(EXPORT_LOG.STATUS, "done").execute();
        p.accept(1.0);
    }

    /** The latest exports, newest first (everyone's: the study's export history). */
    @Transactional(readOnly = true)
    public List<ExportLogEntry> history(int limit) {
        requireExportRole();
        return db.selectFrom(EXPORT_LOG).orderBy(EXPORT_LOG.CREATED_AT.desc(), EXPORT_LOG.ID.desc()).limit(limit)
                .fetch(r -> new ExportLogEntry(r.getExportId(), r.getCreatedAt(), r.getCreatedBy(), r.getFormat(), r.getSheets(), r.getOptions(),
                        r.getDeidentified(), r.getParticipants(), r.getStatus()));
    }

    /**
     * Records an export that was refused (403/422) in the history and the audit log, in its own transaction
     * (the refusal rolled back the export's).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void refused(ExportOptions options, ExportFormat format, String reason) {
        String id = newExportId();
        String message = reason == null ? "" : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        audit.record("export.refused", "export", id, Map.of("format", format.extension(), "options", options.asParameters(), "reason", message));
        db.insertInto(EXPORT_LOG).set(EXPORT_LOG.EXPORT_ID, id).set(EXPORT_LOG.CREATED_BY, CurrentUser.actor()).set(EXPORT_LOG.FORMAT, format.extension())
                .set(EXPORT_LOG.SHEETS, options.include().isEmpty() ? "(all allowed)" : sheetIds(options.include()))
                .set(EXPORT_LOG.OPTIONS, toJson(options.asParameters())).set(EXPORT_LOG.DEIDENTIFIED, options.deidentified())
                .set(EXPORT_LOG.STATUS, "refused").set(EXPORT_LOG.MESSAGE, message).execute();
    }

    private static void requireExportRole() {
        if (!CurrentUser.hasRole(Role.COORDINATOR) && !CurrentUser.hasRole(Role.GENETICIST)) {
            throw new AccessDeniedException("Exports need the coordinator or geneticist role.");
        }
    }

    /** Families and events that exist, for the options form. */
    @Transactional(readOnly = true)
    public List<String> families() {
        requireExportRole();
        return db.select(FAMILY.FAMILY_ID).from(FAMILY).orderBy(FAMILY.FAMILY_ID).fetch(FAMILY.FAMILY_ID);
    }

    @Transactional(readOnly = true)
    public List<String> events() {
        requireExportRole();
        return db.selectDistinct(ASSIGNMENT.EVENT_LABEL).from(ASSIGNMENT).orderBy(ASSIGNMENT.EVENT_LABEL).fetch(ASSIGNMENT.EVENT_LABEL);
    }

    // ---- preparation --------------------------------------------------------------------------------------

    private Condition participantCondition(ExportOptions options) {
        Condition c = PARTICIPANT.WITHDRAWAL_SCOPE.isNull().or(PARTICIPANT.WITHDRAWAL_SCOPE.ne("no_use"));
        if (!options.families().isEmpty()) c = c.and(FAMILY.FAMILY_ID.in(options.families()));
        return c;
    }

    private void assignDateShifts(Condition participants) {
        List<Long> missing = db.select(PARTICIPANT.ID).from(PARTICIPANT).join(FAMILY).on(FAMILY.ID.eq(PARTICIPANT.FAMILY_PK))
                .where(participants, PARTICIPANT.DATE_SHIFT_DAYS.isNull()).fetch(PARTICIPANT.ID);
        if (missing.isEmpty()) return;
        var batch = db.batch(db.update(PARTICIPANT).set(PARTICIPANT.DATE_SHIFT_DAYS, (Integer) null)
                .where(PARTICIPANT.ID.eq((Long) null), PARTICIPANT.DATE_SHIFT_DAYS.isNull()));
        for (Long pk : missing) batch.bind(Deidentification.newShiftDays(RANDOM), pk);
        batch.execute();
    }

    private List<InstrumentPlan> plans(ExportOptions options) {
        Condition c = ASSIGNMENT.COMPLETED_AT.isNotNull().and(ASSIGNMENT.REVOKED_AT.isNull());
        if (!options.events().isEmpty()) c = c.and(ASSIGNMENT.EVENT_LABEL.in(options.events()));
        if (!options.instruments().isEmpty()) c = c.and(ASSIGNMENT_INSTRUMENT.INSTRUMENT_ID.in(options.instruments()));
        var pairs = db.select(ASSIGNMENT.EVENT_LABEL, ASSIGNMENT_INSTRUMENT.INSTRUMENT_ID, DSL.min(ASSIGNMENT_INSTRUMENT.POSITION))
                .from(ASSIGNMENT).join(ASSIGNMENT_INSTRUMENT).on(ASSIGNMENT_INSTRUMENT.ASSIGNMENT_PK.eq(ASSIGNMENT.ID)).where(c)
                .groupBy(ASSIGNMENT.EVENT_LABEL, ASSIGNMENT_INSTRUMENT.INSTRUMENT_ID)
                .orderBy(ASSIGNMENT.EVENT_LABEL, DSL.min(ASSIGNMENT_INSTRUMENT.POSITION), ASSIGNMENT_INSTRUMENT.INSTRUMENT_ID).fetch();
        List<InstrumentPlan> plans = new ArrayList<>();
        for (var r : pairs) {
            InstrumentDefinition d = instruments.get(r.value2());
            plans.add(new InstrumentPlan(r.value1(), instruments.texts(d, options.language())));
        }
        return plans;
    }

    private Condition variantCondition(ExportOptions options) {
        Condition c = VCF_IMPORT.STATUS.eq("done");
        if (!options.variants().isEmpty()) {
            Condition any = DSL.falseCondition();
            for (String key : options.variants()) {
                String[] p = key.split(":");
                if (p.length != 4 || !p[1].matches("\\d+")) {
                    throw new ValidationException("variants: '" + key + "' is not contig:pos:ref:alt (e.g. chr9:133589707:C:T).");
                }
                any = any.or(VARIANT.CONTIG.eq(p[0]).and(VARIANT.POSITION.eq(Integer.parseInt(p[1]))).and(VARIANT.REF.eq(p[2])).and(VARIANT.ALT.eq(p[3])));
            }
            c = c.and(any);
        }
        return c;
    }

    private List<String> variantKeys(ExportOptions options) {
        return db.select(VARIANT.CONTIG, VARIANT.POSITION, VARIANT.REF, VARIANT.ALT).from(VARIANT).join(VCF_IMPORT).on(VCF_IMPORT.ID.eq(VARIANT.IMPORT_PK))
                .where(variantCondition(options)).orderBy(VARIANT.IMPORT_PK, VARIANT.ID)
                .fetch(r -> r.value1() + ":" + r.value2() + ":" + r.value3() + ":" + r.value4());
    }

    private void checkLimits(DatasetLayout layout, Set<ExportSheet> sheets, ExportOptions options, Condition participants, int participantCount,
                             int variants) {
        List<String> over = new ArrayList<>();
        if (sheets.contains(ExportSheet.PARTICIPANTS) && layout.participantColumnCount() > DatasetLayout.MAX_COLUMNS) {
            over.add("the Participants sheet would have " + layout.participantColumnCount() + " columns (Excel allows " + DatasetLayout.MAX_COLUMNS + ")");
        }
        Map<ExportSheet, Long> rows = new LinkedHashMap<>();
        rows.put(ExportSheet.PARTICIPANTS, (long) participantCount);
        if (sheets.contains(ExportSheet.RESPONSES)) rows.put(ExportSheet.RESPONSES, (long) db.fetchCount(answerQuery(options, participants)));
        if (sheets.contains(ExportSheet.SCORES)) rows.put(ExportSheet.SCORES, (long) db.fetchCount(scoreQuery(options, participants)));
        if (sheets.contains(ExportSheet.VARIANTS)) rows.put(ExportSheet.VARIANTS, (long) variants);
        if (sheets.contains(ExportSheet.GENOTYPES)) {
            long samples = db.fetchCount(VCF_SAMPLE.join(PARTICIPANT).on(PARTICIPANT.ID.eq(VCF_SAMPLE.PARTICIPANT_PK)).join(FAMILY).on(FAMILY.ID.eq(PARTICIPANT.FAMILY_PK)),
                    participants);
            rows.put(ExportSheet.GENOTYPES, samples * variants);
        }
        rows.forEach((sheet, n) -> {
            if (sheets.contains(sheet) && n + 1 > DatasetLayout.MAX_ROWS) {
                over.add("the " + sheet.title() + " sheet would have " + n + " rows (Excel allows " + (DatasetLayout.MAX_ROWS - 1) + " below the header)");
            }
        });
        if (!over.isEmpty()) {
            throw new ValidationException("Too large for Excel: " + String.join("; ", over)
                    + ". Download the same data as CSV files from /api/v1/exports/dataset.zip (same options), or narrow families, events, instruments or variants.");
        }
    }

    private static String newExportId() {
        byte[] b = new byte[9];
        RANDOM.nextBytes(b);
        return "exp_" + java.util.HexFormat.of().formatHex(b);
    }

    // ---- sheets -------------------------------------------------------------------------------------------

    private static final Participant FATHER = PARTICIPANT.as("father");
    private static final Participant MOTHER = PARTICIPANT.as("mother");

    private Cursor<Record> participantCursor(ExportPlan plan, Condition participants) {
        var fields = new ArrayList<org.jooq.SelectField<?>>(List.of(PARTICIPANT.ID, PARTICIPANT.PARTICIPANT_ID, FAMILY.FAMILY_ID,
                FATHER.PARTICIPANT_ID.as("father_id"), MOTHER.PARTICIPANT_ID.as("mother_id"), PARTICIPANT.SEX, PARTICIPANT.BIRTH_YEAR,
                PARTICIPANT.PROBAND, PARTICIPANT.ROLE, PARTICIPANT.DECEASED, PARTICIPANT.WITHDRAWAL_SCOPE, PARTICIPANT.DATE_SHIFT_DAYS));
        var from = PARTICIPANT.join(FAMILY).on(FAMILY.ID.eq(PARTICIPANT.FAMILY_PK)).leftJoin(FATHER).on(FATHER.ID.eq(PARTICIPANT.FATHER_PK))
                .leftJoin(MOTHER).on(MOTHER.ID.eq(PARTICIPANT.MOTHER_PK));
        if (plan.options().withContacts()) {
            fields.addAll(List.of(PARTICIPANT_CONTACT.FULL_NAME, PARTICIPANT_CONTACT.EMAIL, PARTICIPANT_CONTACT.PHONE, PARTICIPANT_CONTACT.POSTAL_ADDRESS));
            from = from.leftJoin(PARTICIPANT_CONTACT).on(PARTICIPANT_CONTACT.PARTICIPANT_PK.eq(PARTICIPANT.ID));
        }
        return db.select(fields).from(from).where(participants).orderBy(PARTICIPANT.ID).fetchSize(FETCH_SIZE).fetchLazy();
    }

    /** Walks the participants in key order with their latest phenotype and consent (two sorted cursors merged alongside). */
    private void eachParticipant(ExportPlan plan, Condition participants, ParticipantVisitor visitor) throws IOException {
        boolean shift = plan.options().deidentified();
        try (Cursor<Record> people = participantCursor(plan, participants);
             Merge<Record> phenotypes = new Merge<>(db.select(PHENOTYPE_RECORD.fields()).from(PHENOTYPE_RECORD)
                     .orderBy(PHENOTYPE_RECORD.PARTICIPANT_PK, PHENOTYPE_RECORD.RECORDED_ON, PHENOTYPE_RECORD.ID).fetchSize(FETCH_SIZE).fetchLazy(),
                     r -> r.get(PHENOTYPE_RECORD.PARTICIPANT_PK));
             Merge<Record> consents = new Merge<>(db.select(CONSENT.PARTICIPANT_PK, CONSENT.ACCEPTED_AT).from(CONSENT)
                     .orderBy(CONSENT.PARTICIPANT_PK, CONSENT.ACCEPTED_AT).fetchSize(FETCH_SIZE).fetchLazy(), r -> r.get(CONSENT.PARTICIPANT_PK))) {
            for (Record r : people) {
                long pk = r.get(PARTICIPANT.ID);
                List<Record> history = phenotypes.take(pk);
                List<StudyFacts.Phenotype> phenos = history.stream().map(ExportService::phenotype).toList();
                List<Record> consent = consents.take(pk);
                String scope = r.get(PARTICIPANT.WITHDRAWAL_SCOPE);
                String status = scope != null ? "withdrawn_" + scope : consent.isEmpty() ? "none" : "given";
                Integer days = r.get(PARTICIPANT.DATE_SHIFT_DAYS);
                StudyFacts.Contact contact = plan.options().withContacts()
                        ? new StudyFacts.Contact(r.get(PARTICIPANT_CONTACT.FULL_NAME), r.get(PARTICIPANT_CONTACT.EMAIL), r.get(PARTICIPANT_CONTACT.PHONE),
                        r.get(PARTICIPANT_CONTACT.POSTAL_ADDRESS)) : null;
                var p = new StudyFacts.Participant(r.get(PARTICIPANT.PARTICIPANT_ID), r.get(FAMILY.FAMILY_ID), r.get("father_id", String.class),
                        r.get("mother_id", String.class), r.get(PARTICIPANT.SEX), r.get(PARTICIPANT.BIRTH_YEAR), r.get(PARTICIPANT.PROBAND),
                        r.get(PARTICIPANT.ROLE), r.get(PARTICIPANT.DECEASED), phenos.isEmpty() ? null : phenos.get(phenos.size() - 1), status,
                        consent.isEmpty() ? null : consent.get(consent.size() - 1).get(CONSENT.ACCEPTED_AT), contact,
                        shift && days != null ? days : 0);
                visitor.visit(pk, p, phenos);
            }
        }
    }

    private interface ParticipantVisitor {
        void visit(long pk, StudyFacts.Participant p, List<StudyFacts.Phenotype> history) throws IOException;
    }

    private static StudyFacts.Phenotype phenotype(Record r) {
        return new StudyFacts.Phenotype(r.get(PHENOTYPE_RECORD.RECORDED_ON), r.get(PHENOTYPE_RECORD.AFFECTION), r.get(PHENOTYPE_RECORD.DYSTONIA_TYPE),
                r.get(PHENOTYPE_RECORD.BODY_REGION), r.get(PHENOTYPE_RECORD.SIDE), r.get(PHENOTYPE_RECORD.INSTRUMENT), r.get(PHENOTYPE_RECORD.TASK),
                r.get(PHENOTYPE_RECORD.AGE_AT_ONSET), r.get(PHENOTYPE_RECORD.CERTAINTY), r.get(PHENOTYPE_RECORD.SEVERITY), r.get(PHENOTYPE_RECORD.HPO_TERMS),
                r.get(PHENOTYPE_RECORD.EXAMINER), r.get(PHENOTYPE_RECORD.NOTE));
    }

    private org.jooq.SelectConditionStep<? extends Record> answerQuery(ExportOptions options, Condition participants) {
        Condition c = ASSIGNMENT.COMPLETED_AT.isNotNull().and(ASSIGNMENT.REVOKED_AT.isNull()).and(participants);
        if (!options.events().isEmpty()) c = c.and(ASSIGNMENT.EVENT_LABEL.in(options.events()));
        if (!options.instruments().isEmpty()) c = c.and(RESPONSE.INSTRUMENT_ID.in(options.instruments()));
        return db.select(ASSIGNMENT.PARTICIPANT_PK, ASSIGNMENT.EVENT_LABEL, RESPONSE.INSTRUMENT_ID, ASSIGNMENT_INSTRUMENT.INSTRUMENT_VERSION, RESPONSE.ITEM_ID,
                        RESPONSE.VALUE_JSON, RESPONSE.ANSWERED_AT).from(RESPONSE).join(ASSIGNMENT).on(ASSIGNMENT.ID.eq(RESPONSE.ASSIGNMENT_PK))
                .join(ASSIGNMENT_INSTRUMENT).on(ASSIGNMENT_INSTRUMENT.ASSIGNMENT_PK.eq(ASSIGNMENT.ID), ASSIGNMENT_INSTRUMENT.INSTRUMENT_ID.eq(RESPONSE.INSTRUMENT_ID))
                .join(PARTICIPANT).on(PARTICIPANT.ID.eq(ASSIGNMENT.PARTICIPANT_PK)).join(FAMILY).on(FAMILY.ID.eq(PARTICIPANT.FAMILY_PK)).where(c);
    }

    private org.jooq.SelectConditionStep<? extends Record> scoreQuery(ExportOptions options, Condition participants) {
        Condition c = ASSIGNMENT.COMPLETED_AT.isNotNull().and(ASSIGNMENT.REVOKED_AT.isNull()).and(participants);
        if (!options.events().isEmpty()) c = c.and(ASSIGNMENT.EVENT_LABEL.in(options.events()));
        if (!options.instruments().isEmpty()) c = c.and(SCORE.INSTRUMENT_ID.in(options.instruments()));
        return db.select(ASSIGNMENT.PARTICIPANT_PK, ASSIGNMENT.EVENT_LABEL, SCORE.INSTRUMENT_ID, SCORE.INSTRUMENT_VERSION, SCORE.SCALE_ID, SCORE.SCORE_,
                        SCORE.ANSWERED, SCORE.OF_ITEMS, SCORE.PRORATED, SCORE.BAND, SCORE.COMPUTED_AT).from(SCORE)
                .join(ASSIGNMENT).on(ASSIGNMENT.ID.eq(SCORE.ASSIGNMENT_PK))
                .join(PARTICIPANT).on(PARTICIPANT.ID.eq(ASSIGNMENT.PARTICIPANT_PK)).join(FAMILY).on(FAMILY.ID.eq(PARTICIPANT.FAMILY_PK)).where(c);
    }

    private Merge<StudyFacts.Answer> answers(ExportPlan plan, Condition participants) {
        @SuppressWarnings("unchecked")
        Cursor<Record> c = (Cursor<Record>) answerQuery(plan.options(), participants)
                .orderBy(ASSIGNMENT.PARTICIPANT_PK, ASSIGNMENT.COMPLETED_AT, ASSIGNMENT.ID, ASSIGNMENT_INSTRUMENT.POSITION, RESPONSE.ITEM_ID)
                .fetchSize(FETCH_SIZE).fetchLazy();
        return new Merge<>(c, r -> r.get(ASSIGNMENT.PARTICIPANT_PK), r -> new StudyFacts.Answer(r.get(ASSIGNMENT.EVENT_LABEL), r.get(RESPONSE.INSTRUMENT_ID),
                r.get(ASSIGNMENT_INSTRUMENT.INSTRUMENT_VERSION), r.get(RESPONSE.ITEM_ID), fromJson(r.get(RESPONSE.VALUE_JSON)), r.get(RESPONSE.ANSWERED_AT)));
    }

    private Merge<StudyFacts.Score> scores(ExportPlan plan, Condition participants) {
        @SuppressWarnings("unchecked")
        Cursor<Record> c = (Cursor<Record>) scoreQuery(plan.options(), participants)
                .orderBy(ASSIGNMENT.PARTICIPANT_PK, ASSIGNMENT.COMPLETED_AT, ASSIGNMENT.ID, SCORE.INSTRUMENT_ID, SCORE.SCALE_ID).fetchSize(FETCH_SIZE).fetchLazy();
        return new Merge<>(c, r -> r.get(ASSIGNMENT.PARTICIPANT_PK), r -> new StudyFacts.Score(r.get(ASSIGNMENT.EVENT_LABEL), r.get(SCORE.INSTRUMENT_ID),
                r.get(SCORE.INSTRUMENT_VERSION), r.get(SCORE.SCALE_ID), r.get(SCORE.SCORE_), r.get(SCORE.ANSWERED), r.get(SCORE.OF_ITEMS),
                r.get(SCORE.PRORATED), r.get(SCORE.BAND), r.get(SCORE.COMPUTED_AT)));
    }

    private void participantsSheet(ExportPlan plan, Condition participants, DatasetWriter w) throws IOException {
        DatasetLayout layout = plan.layout();
        w.startSheet(ExportSheet.PARTICIPANTS, layout.participantColumns());
        Map<Long, byte[]> genotypes = plan.sheets().contains(ExportSheet.GENOTYPES) ? wideGenotypes(plan) : Map.of();
        boolean items = plan.options().items() && !layout.plans().isEmpty();
        try (Merge<StudyFacts.Answer> answers = items ? answers(plan, participants) : Merge.empty();
             Merge<StudyFacts.Score> scores = layout.plans().isEmpty() ? Merge.empty() : scores(plan, participants)) {
            eachParticipant(plan, participants, (pk, p, history) -> w.row(layout.participantRow(p, answers.take(pk), scores.take(pk), genotypes.get(pk))));
        }
        w.endSheet();
    }

    private void responsesSheet(ExportPlan plan, Condition participants, DatasetWriter w) throws IOException {
        w.startSheet(ExportSheet.RESPONSES, DatasetLayout.responseColumns());
        try (Merge<StudyFacts.Answer> answers = answers(plan, participants)) {
            eachParticipant(plan, participants, (pk, p, history) -> {
                for (StudyFacts.Answer a : answers.take(pk)) {
                    Object[] row = plan.layout().responseRow(p.participantId(), a, p.shiftDays());
                    if (row != null) w.row(row);
                }
            });
        }
        w.endSheet();
    }

    private void scoresSheet(ExportPlan plan, Condition participants, DatasetWriter w) throws IOException {
        w.startSheet(ExportSheet.SCORES, DatasetLayout.scoreColumns());
        try (Merge<StudyFacts.Score> scores = scores(plan, participants)) {
            eachParticipant(plan, participants, (pk, p, history) -> {
                for (StudyFacts.Score s : scores.take(pk)) w.row(plan.layout().scoreRow(p.participantId(), s, p.shiftDays()));
            });
        }
        w.endSheet();
    }

    private void phenotypesSheet(ExportPlan plan, Condition participants, DatasetWriter w) throws IOException {
        w.startSheet(ExportSheet.PHENOTYPES, plan.layout().phenotypeColumns());
        eachParticipant(plan, participants, (pk, p, history) -> {
            for (StudyFacts.Phenotype ph : history) w.row(plan.layout().phenotypeRow(p.participantId(), ph, p.shiftDays()));
        });
        w.endSheet();
    }

    private void pedigreeSheet(ExportPlan plan, Condition participants, DatasetWriter w) throws IOException {
        w.startSheet(ExportSheet.PEDIGREE, plan.layout().pedigreeColumns());
        eachParticipant(plan, participants, (pk, p, history) -> w.row(plan.layout().pedigreeRow(p)));
        w.endSheet();
    }

    /** Exported participants' sample columns per import: import key → (participant key → column). */
    private Map<Long, Map<Long, Integer>> sampleColumns(Condition participants) {
        Map<Long, Map<Long, Integer>> byImport = new HashMap<>();
        db.select(VCF_SAMPLE.IMPORT_PK, VCF_SAMPLE.PARTICIPANT_PK, VCF_SAMPLE.COLUMN_INDEX).from(VCF_SAMPLE)
                .join(PARTICIPANT).on(PARTICIPANT.ID.eq(VCF_SAMPLE.PARTICIPANT_PK)).join(FAMILY).on(FAMILY.ID.eq(PARTICIPANT.FAMILY_PK))
                .where(participants).forEach(r -> byImport.computeIfAbsent(r.value1(), k -> new HashMap<>()).put(r.value2(), r.value3()));
        return byImport;
    }

    private Map<Long, byte[]> wideGenotypes(ExportPlan plan) {
        int n = plan.layout().participantColumns().size() == 0 ? 0 : plan.variantKeys().size();
        Map<Long, Map<Long, Integer>> samples = sampleColumns(participantCondition(plan.options()));
        Map<Long, byte[]> result = new HashMap<>();
        int[] j = {0};
        try (var c = db.select(VARIANT.IMPORT_PK, VARIANT.GT).from(VARIANT).join(VCF_IMPORT).on(VCF_IMPORT.ID.eq(VARIANT.IMPORT_PK))
                .where(variantCondition(plan.options())).orderBy(VARIANT.IMPORT_PK, VARIANT.ID).fetchSize(FETCH_SIZE).fetchLazy()) {
            for (var r : c) {
                byte[] gt = r.value2();
                int column = j[0]++;
                if (column >= n) break;
                samples.getOrDefault(r.value1(), Map.of()).forEach((pk, col) -> {
                    byte[] codes = result.computeIfAbsent(pk, k -> {
                        byte[] b = new byte[n];
                        java.util.Arrays.fill(b, (byte) 3);
                        return b;
                    });
                    codes[column] = col < gt.length ? gt[col] : 3;
                });
            }
        }
        return result;
    }

    private void variantsSheet(ExportPlan plan, Condition participants, DatasetWriter w, boolean genotypesLong) throws IOException {
        w.startSheet(genotypesLong ? ExportSheet.GENOTYPES : ExportSheet.VARIANTS,
                genotypesLong ? DatasetLayout.genotypeColumns() : DatasetLayout.variantColumns());
        Map<Long, Map<Long, Integer>> samples = sampleColumns(participants);
        Map<Long, String> ids = new HashMap<>();
        db.select(PARTICIPANT.ID, PARTICIPANT.PARTICIPANT_ID).from(PARTICIPANT).join(FAMILY).on(FAMILY.ID.eq(PARTICIPANT.FAMILY_PK)).where(participants)
                .forEach(r -> ids.put(r.value1(), r.value2()));
        Map<Long, List<Map.Entry<String, Integer>>> ordered = new HashMap<>();
        samples.forEach((imp, m) -> {
            List<Map.Entry<String, Integer>> list = new ArrayList<>();
            m.forEach((pk, col) -> list.add(Map.entry(ids.get(pk), col)));
            list.sort(Map.Entry.comparingByKey());
            ordered.put(imp, list);
        });
        try (var c = db.select(VARIANT.IMPORT_PK, VARIANT.CONTIG, VARIANT.POSITION, VARIANT.REF, VARIANT.ALT, VARIANT.VARIANT_ID, VARIANT.QUAL, VARIANT.FILTER,
                        VARIANT.GENE, VARIANT.CONSEQUENCE, VARIANT.AF, VARIANT.GT).from(VARIANT).join(VCF_IMPORT).on(VCF_IMPORT.ID.eq(VARIANT.IMPORT_PK))
                .where(variantCondition(plan.options())).orderBy(VARIANT.IMPORT_PK, VARIANT.ID).fetchSize(FETCH_SIZE).fetchLazy()) {
            for (var r : c) {
                String key = r.get(VARIANT.CONTIG) + ":" + r.get(VARIANT.POSITION) + ":" + r.get(VARIANT.REF) + ":" + r.get(VARIANT.ALT);
                byte[] gt = r.get(VARIANT.GT);
                List<Map.Entry<String, Integer>> people = ordered.getOrDefault(r.get(VARIANT.IMPORT_PK), List.of());
                if (genotypesLong) {
                    for (var e : people) {
                        byte code = e.getValue() < gt.length ? gt[e.getValue()] : 3;
                        if (code > 2) continue;
                        w.row(new Object[] {e.getKey(), key, DatasetLayout.call(code), (int) code});
                    }
                } else {
                    int carriers = 0;
                    int genotyped = 0;
                    for (var e : people) {
                        byte code = e.getValue() < gt.length ? gt[e.getValue()] : 3;
                        if (code <= 2) genotyped++;
                        if (code == 1 || code == 2) carriers++;
                    }
                    w.row(new Object[] {key, r.get(VARIANT.CONTIG), r.get(VARIANT.POSITION), r.get(VARIANT.REF), r.get(VARIANT.ALT), r.get(VARIANT.VARIANT_ID),
                            r.get(VARIANT.QUAL), r.get(VARIANT.FILTER), r.get(VARIANT.GENE), r.get(VARIANT.CONSEQUENCE), r.get(VARIANT.AF), carriers, genotyped});
                }
            }
        }
        w.endSheet();
    }

    private void aboutSheet(ExportPlan plan, DatasetWriter w) throws IOException {
        w.startSheet(ExportSheet.ABOUT, DatasetLayout.aboutColumns());
        ExportOptions o = plan.options();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"exportId", plan.exportId()});
        rows.add(new Object[] {"exportedBy", plan.actor()});
        rows.add(new Object[] {"exportedAt", plan.createdAt()});
        rows.add(new Object[] {"motifVersion", motifVersion});
        rows.add(new Object[] {"sheets", sheetIds(plan.sheets())});
        rows.add(new Object[] {"participants", plan.participants()});
        rows.add(new Object[] {"families", o.families().isEmpty() ? "all" : String.join(",", o.families())});
        rows.add(new Object[] {"events", o.events().isEmpty() ? "all" : String.join(",", o.events())});
        rows.add(new Object[] {"instruments", o.instruments().isEmpty() ? "all" : String.join(",", o.instruments())});
        rows.add(new Object[] {"variants", o.variants().isEmpty() ? "all" : String.join(",", o.variants())});
        rows.add(new Object[] {"labels", ExportOptions.lower(o.labels())});
        rows.add(new Object[] {"language", o.language()});
        rows.add(new Object[] {"multipleChoice", ExportOptions.lower(o.multipleChoice())});
        rows.add(new Object[] {"birthYear", ExportOptions.lower(o.birthYear())});
        rows.add(new Object[] {"genotypeFormat", ExportOptions.lower(o.genotypeFormat())});
        rows.add(new Object[] {"items", o.items()});
        rows.add(new Object[] {"deidentified", o.deidentified()});
        rows.add(new Object[] {"deidentification", o.deidentified()
                ? "pseudonyms only; no contact details; free-text answers (short/long text) and phenotype notes/examiners left out; every date shifted by the participant's own random offset (1–364 days back, stored, never exported, the same in every export)"
                : "none: real dates, free text" + (o.withContacts() ? " and contact details" : "") + " included — handle as personal data"});
        rows.add(new Object[] {"withdrawn", "participants who withdrew with scope no_use are left out"});
        rows.add(new Object[] {"linkage", "linkage results are not stored yet and not exported"});
        for (InstrumentPlan p : plan.layout().plans()) {
            rows.add(new Object[] {"instrument " + p.event() + "." + p.definition().id(), "version " + p.definition().version()
                    + " (dictionary and labels); stored answers keep the version they were given in (Responses/Scores sheets)"});
        }
        for (Object[] r : rows) w.row(r);
        w.endSheet();
    }

    private static String sheetIds(Set<ExportSheet> sheets) {
        return String.join(",", new LinkedHashSet<>(sheets.stream().sorted().map(ExportSheet::id).toList()));
    }

    private Object fromJson(String value) {
        if (value == null) return null;
        try {
            return json.readValue(value, Object.class);
        } catch (JsonProcessingException e) {
            return value;
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
