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
import org.motif.base.Problem;
import org.motif.base.ValidationException;
import org.motif.db.tables.Participant;
import org.motif.export.DatasetLayout.InstrumentPlan;
import org.motif.genomics.FilterSetService;
import org.motif.genomics.VariantQueryService.FamilyView;
import org.motif.genomics.VariantQueryService.VariantQuery;
import org.motif.genomics.VariantSelectionService;
import org.motif.linkage.run.LinkageResultService;
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
    private final FilterSetService filterSets;
    private final VariantSelectionService selections;
    private final LinkageResultService linkage;

    public ExportService(DSLContext db, InstrumentService instruments, AuditService audit, FilterSetService filterSets,
                         VariantSelectionService selections, LinkageResultService linkage) {
        this.db = db;
        this.instruments = instruments;
        this.audit = audit;
        this.filterSets = filterSets;
        this.selections = selections;
        this.linkage = linkage;
        String v = ExportService.class.getPackage().getImplementationVersion();
        this.motifVersion = v == null ? "development" : v;
    }

    /** A variant row shown as a genotype column of the Participants sheet. */
    record VariantRef(long variantPk, long importPk, String key) {
    }

    /**
     * An export checked and ready to write.
     *
     * @param wideVariants the genotype columns of the Participants sheet
     * @param variantCount variant rows selected (Variants sheet rows)
     * @param filter       the filter of the {@code filterSet} option, or null
     * @param runs         the linkage runs exported (Linkage sheet, family LOD columns)
     */
    public record ExportPlan(String exportId, ExportFormat format, ExportOptions options, Set<ExportSheet> sheets, DatasetLayout layout,
                             List<VariantRef> wideVariants, long variantCount, VariantQuery filter, List<LinkageResultService.StoredRun> runs,
                             String actor, OffsetDateTime createdAt, int participants) {
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
     * @throws ValidationException   (422) past Excel's limits (with the counts; the CSV zip has none), for an unknown filter set or an
     *                               unknown or unfinished linkage run
     */
    @Transactional
    public ExportPlan prepare(ExportOptions options, ExportFormat format) {
        boolean coordinator = CurrentUser.hasRole(Role.COORDINATOR);
        boolean geneticist = CurrentUser.hasRole(Role.GENETICIST);
        requireExportRole();
        Set<ExportSheet> sheets = EnumSet.noneOf(ExportSheet.class);
        if (options.include().isEmpty()) {
            for (ExportSheet s : ExportSheet.choosable()) if (s.visibleTo(coordinator, geneticist)) sheets.add(s);
        } else {
            List<String> forbidden = options.include().stream().filter(s -> !s.visibleTo(coordinator, geneticist)).map(ExportSheet::id).sorted().toList();
            if (!forbidden.isEmpty()) {
                throw new AccessDeniedException("Your role may not export the sheet(s) " + String.join(", ", forbidden)
                        + " (DESIGN.md roles: genotypes, variants and linkage need GENETICIST; responses need COORDINATOR).");
            }
            sheets.addAll(options.include());
        }
        sheets.add(ExportSheet.DICTIONARY);
        sheets.add(ExportSheet.ABOUT);
        if (options.contacts()) {
            if (!coordinator) throw new AccessDeniedException("Contact details are exported only for coordinators.");
            if (options.deidentified()) throw new ValidationException("Contact details need deidentified=false as well as contacts=true.");
        }
        if (!options.linkageRuns().isEmpty() && !geneticist) {
            throw new AccessDeniedException("Your role may not export linkage results (linkageRun needs GENETICIST, DESIGN.md roles).");
        }
        VariantQuery filter = filterSet(options, geneticist);
        Condition participants = participantCondition(options);
        if (options.deidentified()) assignDateShifts(participants);
        int participantCount = db.fetchCount(PARTICIPANT.join(FAMILY).on(FAMILY.ID.eq(PARTICIPANT.FAMILY_PK)), participants);

        List<InstrumentPlan> plans = sheets.contains(ExportSheet.PARTICIPANTS) || sheets.contains(ExportSheet.RESPONSES) || sheets.contains(ExportSheet.SCORES)
                ? plans(options) : List.of();
        boolean wide = sheets.contains(ExportSheet.GENOTYPES) && sheets.contains(ExportSheet.PARTICIPANTS);
        Condition variants = sheets.contains(ExportSheet.GENOTYPES) || sheets.contains(ExportSheet.VARIANTS) || sheets.contains(ExportSheet.LINKAGE)
                || !options.linkageRuns().isEmpty() ? variantCondition(options, filter) : DSL.falseCondition();
        VariantSelectionService.Segregator segregator = rowTest(filter) ? selections.segregator(Set.of()) : null;
        long variantCount = sheets.contains(ExportSheet.GENOTYPES) || sheets.contains(ExportSheet.VARIANTS) ? countVariants(variants, filter, segregator) : 0;
        List<VariantRef> wideVariants = wide ? wideVariants(variants, filter, segregator) : List.of();
        List<LinkageResultService.StoredRun> runs = geneticist && (sheets.contains(ExportSheet.LINKAGE) || !wideVariants.isEmpty()
                || !options.linkageRuns().isEmpty())
                ? linkage.runs(options.linkageRuns(), filter != null && filter.importId() != null && !filter.importId().isBlank()
                        ? List.of(filter.importId()) : null)
                : List.of();
        List<String> segregationFamilies = sheets.contains(ExportSheet.VARIANTS) ? genotypedFamilies(participants) : List.of();
        List<Double> thetas = runs.stream().flatMapToDouble(r -> java.util.Arrays.stream(r.thetas())).boxed().distinct().sorted().toList();
        DatasetLayout layout = new DatasetLayout(options, plans, wideVariants.stream().map(VariantRef::key).toList(), !runs.isEmpty(), segregationFamilies,
                thetas);
        if (format == ExportFormat.XLSX) {
            long linkageRows = sheets.contains(ExportSheet.LINKAGE) ? linkageRowCount(runs, options, variants, filter) : 0;
            checkLimits(layout, sheets, options, participants, participantCount, variantCount, linkageRows);
        }
        return new ExportPlan(newExportId(), format, options, sheets, layout, wideVariants, variantCount, filter, runs, CurrentUser.actor(),
                OffsetDateTime.now(), participantCount);
    }

    /**
     * The filter of the {@code filterSet} option (null without one). Coordinators' exports have no variant sheets, so for them
     * the name is only checked.
     *
     * @throws ValidationException 422 naming a filter set that does not exist
     */
    private VariantQuery filterSet(ExportOptions options, boolean geneticist) {
        String name = options.filterSet();
        if (name == null) return null;
        VariantQuery filter = geneticist ? filterSets.find(name).map(FilterSetService.FilterSet::filter).orElse(null) : null;
        if (filter == null && (geneticist || !filterSets.exists(name))) {
            throw new ValidationException("Export options: no filter set '" + name + "'; list them with GET /api/v1/variants/filter-sets",
                    List.of(new Problem(null, "filterSet", "no filter set '" + name + "'; list them with GET /api/v1/variants/filter-sets")));
        }
        return filter;
    }

    /** Whether the filter set has a filter SQL cannot express (carried by an affected member of a family): tested row by row. */
    private static boolean rowTest(VariantQuery filter) {
        return filter != null && filter.family() != null && !filter.family().isBlank();
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
                    case LINKAGE -> linkageSheet(plan, w);
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

    /** Names of the saved variant filter sets, for the options form (empty for users without the geneticist role). */
    @Transactional(readOnly = true)
    public List<String> filterSetNames() {
        requireExportRole();
        return CurrentUser.hasRole(Role.GENETICIST) ? filterSets.list().stream().map(FilterSetService.FilterSet::name).toList() : List.of();
    }

    /** Ids of the finished linkage runs, newest first, for the options form (empty for users without the geneticist role). */
    @Transactional(readOnly = true)
    public List<String> linkageRunIds() {
        requireExportRole();
        return CurrentUser.hasRole(Role.GENETICIST) ? linkage.finishedRunIds() : List.of();
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

    /** The variant rows in scope: finished imports, the {@code variants} option and the SQL part of the filter set (null for none). */
    private Condition variantCondition(ExportOptions options, VariantQuery filter) {
        Condition c = VCF_IMPORT.STATUS.eq("done");
        if (filter != null) {
            c = c.and(selections.condition(filter));
            if (filter.importId() != null && !filter.importId().isBlank()) c = c.and(VCF_IMPORT.IMPORT_ID.eq(filter.importId()));
        }
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

    private long countVariants(Condition variants, VariantQuery filter, VariantSelectionService.Segregator segregator) {
        if (segregator == null) return db.fetchCount(VARIANT.join(VCF_IMPORT).on(VCF_IMPORT.ID.eq(VARIANT.IMPORT_PK)), variants);
        long n = 0;
        try (var c = db.select(VARIANT.IMPORT_PK, VARIANT.CONTIG, VARIANT.GT).from(VARIANT).join(VCF_IMPORT).on(VCF_IMPORT.ID.eq(VARIANT.IMPORT_PK))
                .where(variants).fetchSize(FETCH_SIZE).fetchLazy()) {
            for (var r : c) if (segregator.matches(filter, r.value1(), r.value2(), r.value3())) n++;
        }
        return n;
    }

    private List<VariantRef> wideVariants(Condition variants, VariantQuery filter, VariantSelectionService.Segregator segregator) {
        List<VariantRef> refs = new ArrayList<>();
        List<String> importIds = new ArrayList<>();
        try (var c = db.select(VARIANT.ID, VARIANT.IMPORT_PK, VARIANT.CONTIG, VARIANT.POSITION, VARIANT.REF, VARIANT.ALT,
                        segregator == null ? DSL.inline((byte[]) null).as("gt") : VARIANT.GT, VCF_IMPORT.IMPORT_ID)
                .from(VARIANT).join(VCF_IMPORT).on(VCF_IMPORT.ID.eq(VARIANT.IMPORT_PK))
                .where(variants).orderBy(VARIANT.IMPORT_PK, VARIANT.ID).fetchSize(FETCH_SIZE).fetchLazy()) {
            for (var r : c) {
                if (segregator != null && !segregator.matches(filter, r.value2(), r.value3(), (byte[]) r.get(6))) continue;
                refs.add(new VariantRef(r.value1(), r.value2(), r.value3() + ":" + r.value4() + ":" + r.value5() + ":" + r.value6()));
                importIds.add(r.value8());
            }
        }
        return distinctHeaders(refs, importIds);
    }

    /**
     * Genotype column headers are the variant keys; a key found in more than one import gets {@code @<importId>}
     * on each of its columns, so no two columns share a header.
     *
     * @param importIds the public id of each ref's import, in the same order
     */
    static List<VariantRef> distinctHeaders(List<VariantRef> refs, List<String> importIds) {
        Map<String, Integer> count = new HashMap<>();
        for (VariantRef r : refs) count.merge(r.key(), 1, Integer::sum);
        List<VariantRef> out = new ArrayList<>(refs.size());
        for (int i = 0; i < refs.size(); i++) {
            VariantRef r = refs.get(i);
            out.add(count.get(r.key()) == 1 ? r : new VariantRef(r.variantPk(), r.importPk(), r.key() + "@" + importIds.get(i)));
        }
        return out;
    }

    /** Families in scope with a matched sample in a finished import (the Variants sheet's column groups), by family id. */
    private List<String> genotypedFamilies(Condition participants) {
        return db.selectDistinct(FAMILY.FAMILY_ID).from(VCF_SAMPLE).join(VCF_IMPORT).on(VCF_IMPORT.ID.eq(VCF_SAMPLE.IMPORT_PK))
                .join(PARTICIPANT).on(PARTICIPANT.ID.eq(VCF_SAMPLE.PARTICIPANT_PK)).join(FAMILY).on(FAMILY.ID.eq(PARTICIPANT.FAMILY_PK))
                .where(participants, VCF_IMPORT.STATUS.eq("done")).orderBy(FAMILY.FAMILY_ID).fetch(FAMILY.FAMILY_ID);
    }

    /** Rows of the Linkage sheet: per run, results in scope × (families in scope + ALL); exact also with a filter set's family filter. */
    private long linkageRowCount(List<LinkageResultService.StoredRun> runs, ExportOptions options, Condition variants, VariantQuery filter) {
        long rows = 0;
        for (var run : runs) {
            long perMarker = 1 + run.families().stream().filter(f -> options.families().isEmpty() || options.families().contains(f.familyId())).count();
            long markers = linkage.count(run, variants);
            if (rowTest(filter) && markers * perMarker >= DatasetLayout.MAX_ROWS) {
                var segregator = selections.segregator(Set.of());
                long[] n = {0};
                try {
                    linkage.forEach(run, variants, true, r -> {
                        if (segregator.matches(filter, r.importPk(), r.contig(), r.gt())) n[0]++;
                    });
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                markers = n[0];
            }
            rows += markers * perMarker;
        }
        return rows;
    }

    private void checkLimits(DatasetLayout layout, Set<ExportSheet> sheets, ExportOptions options, Condition participants, int participantCount,
                             long variants, long linkageRows) {
        List<String> over = new ArrayList<>();
        if (sheets.contains(ExportSheet.PARTICIPANTS) && layout.participantColumnCount() > DatasetLayout.MAX_COLUMNS) {
            over.add("the Participants sheet would have " + layout.participantColumnCount() + " columns (Excel allows " + DatasetLayout.MAX_COLUMNS + ")");
        }
        if (sheets.contains(ExportSheet.VARIANTS) && layout.variantColumns().size() > DatasetLayout.MAX_COLUMNS) {
            over.add("the Variants sheet would have " + layout.variantColumns().size() + " columns (6 per family; Excel allows " + DatasetLayout.MAX_COLUMNS + ")");
        }
        Map<ExportSheet, Long> rows = new LinkedHashMap<>();
        rows.put(ExportSheet.PARTICIPANTS, (long) participantCount);
        if (sheets.contains(ExportSheet.RESPONSES)) rows.put(ExportSheet.RESPONSES, (long) db.fetchCount(answerQuery(options, participants)));
        if (sheets.contains(ExportSheet.SCORES)) rows.put(ExportSheet.SCORES, (long) db.fetchCount(scoreQuery(options, participants)));
        if (sheets.contains(ExportSheet.VARIANTS)) rows.put(ExportSheet.VARIANTS, variants);
        if (sheets.contains(ExportSheet.LINKAGE)) rows.put(ExportSheet.LINKAGE, linkageRows);
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
                    + ". Download the same data as CSV files from /api/v1/exports/dataset.zip (same options), or narrow families, events, instruments, variants "
                    + "(variants=, filterSet=) or linkage runs (linkageRun=).");
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
        Map<Long, byte[]> genotypes = plan.wideVariants().isEmpty() ? Map.of() : wideGenotypes(plan, participants);
        FamilyLods lods = plan.wideVariants().isEmpty() || plan.runs().isEmpty() ? null : familyLods(plan);
        boolean items = plan.options().items() && !layout.plans().isEmpty();
        try (Merge<StudyFacts.Answer> answers = items ? answers(plan, participants) : Merge.empty();
             Merge<StudyFacts.Score> scores = layout.plans().isEmpty() ? Merge.empty() : scores(plan, participants)) {
            eachParticipant(plan, participants, (pk, p, history) -> w.row(layout.participantRow(p, answers.take(pk), scores.take(pk), genotypes.get(pk),
                    lods == null ? null : lods.of(p.participantId(), p.familyId()))));
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

    /** Genotype codes of the Participants sheet's genotype columns: participant key → one code per column (3 = no call). */
    private Map<Long, byte[]> wideGenotypes(ExportPlan plan, Condition participants) {
        int n = plan.wideVariants().size();
        Map<Long, Integer> columnOf = new HashMap<>();
        for (int i = 0; i < n; i++) columnOf.put(plan.wideVariants().get(i).variantPk(), i);
        Map<Long, Map<Long, Integer>> samples = sampleColumns(participants);
        Map<Long, byte[]> result = new HashMap<>();
        try (var c = db.select(VARIANT.ID, VARIANT.IMPORT_PK, VARIANT.GT).from(VARIANT).join(VCF_IMPORT).on(VCF_IMPORT.ID.eq(VARIANT.IMPORT_PK))
                .where(variantCondition(plan.options(), plan.filter())).orderBy(VARIANT.IMPORT_PK, VARIANT.ID).fetchSize(FETCH_SIZE).fetchLazy()) {
            for (var r : c) {
                Integer column = columnOf.get(r.value1());
                if (column == null) continue;
                byte[] gt = r.value3();
                samples.getOrDefault(r.value2(), Map.of()).forEach((pk, col) -> {
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

    /**
     * The max LOD of each family group at each genotype column, from the exported run of the column's import (the first
     * listed when several runs scored the same import).
     */
    private final class FamilyLods {
        private final int n;
        private final List<LinkageResultService.FamilyLabels> labels = new ArrayList<>();
        private final List<Map<String, double[]>> byLabel = new ArrayList<>();

        FamilyLods(int n) {
            this.n = n;
        }

        /** Per column the max LOD of this participant's family group (NaN = none). */
        double[] of(String participantId, String familyId) {
            double[] out = new double[n];
            java.util.Arrays.fill(out, Double.NaN);
            for (int r = 0; r < labels.size(); r++) {
                String label = labels.get(r).label(participantId, familyId);
                double[] v = label == null ? null : byLabel.get(r).get(label);
                if (v == null) continue;
                for (int i = 0; i < n; i++) if (Double.isNaN(out[i])) out[i] = v[i];
            }
            return out;
        }
    }

    private FamilyLods familyLods(ExportPlan plan) throws IOException {
        int n = plan.wideVariants().size();
        FamilyLods lods = new FamilyLods(n);
        Map<Long, Integer> columnOf = new HashMap<>();
        for (int i = 0; i < n; i++) columnOf.put(plan.wideVariants().get(i).variantPk(), i);
        Set<Long> importsDone = new java.util.HashSet<>();
        for (var run : plan.runs()) {
            if (!importsDone.add(run.importPk())) continue; // the first run listed for an import wins
            Map<String, double[]> byLabel = new HashMap<>();
            linkage.forEach(run, VARIANT.IMPORT_PK.eq(run.importPk()), false, r -> {
                Integer column = columnOf.get(r.variantPk());
                if (column == null) return;
                for (var f : r.linkage().families()) {
                    double[] v = byLabel.computeIfAbsent(f.family(), k -> {
                        double[] a = new double[n];
                        java.util.Arrays.fill(a, Double.NaN);
                        return a;
                    });
                    v[column] = DatasetLayout.maxLod(f);
                }
            });
            lods.labels.add(linkage.familyLabels(run));
            lods.byLabel.add(byLabel);
        }
        return lods;
    }

    private void variantsSheet(ExportPlan plan, Condition participants, DatasetWriter w, boolean genotypesLong) throws IOException {
        w.startSheet(genotypesLong ? ExportSheet.GENOTYPES : ExportSheet.VARIANTS,
                genotypesLong ? DatasetLayout.genotypeColumns() : plan.layout().variantColumns());
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
        VariantQuery filter = plan.filter();
        VariantSelectionService.Segregator filterTest = rowTest(filter) ? selections.segregator(Set.of()) : null;
        boolean segregation = !genotypesLong && !plan.layout().segregationFamilies().isEmpty();
        VariantSelectionService.Segregator segregator = segregation ? selections.segregator(selections.notToBeUsed()) : null;
        try (var c = db.select(VARIANT.IMPORT_PK, VARIANT.CONTIG, VARIANT.POSITION, VARIANT.REF, VARIANT.ALT, VARIANT.VARIANT_ID, VARIANT.QUAL, VARIANT.FILTER,
                        VARIANT.GENE, VARIANT.CONSEQUENCE, VARIANT.AF, VARIANT.GT).from(VARIANT).join(VCF_IMPORT).on(VCF_IMPORT.ID.eq(VARIANT.IMPORT_PK))
                .where(variantCondition(plan.options(), filter)).orderBy(VARIANT.IMPORT_PK, VARIANT.ID).fetchSize(FETCH_SIZE).fetchLazy()) {
            for (var r : c) {
                long importPk = r.get(VARIANT.IMPORT_PK);
                byte[] gt = r.get(VARIANT.GT);
                if (filterTest != null && !filterTest.matches(filter, importPk, r.get(VARIANT.CONTIG), gt)) continue;
                String key = r.get(VARIANT.CONTIG) + ":" + r.get(VARIANT.POSITION) + ":" + r.get(VARIANT.REF) + ":" + r.get(VARIANT.ALT);
                List<Map.Entry<String, Integer>> people = ordered.getOrDefault(importPk, List.of());
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
                    Map<String, StudyFacts.FamilySegregation> families = new HashMap<>();
                    if (segregator != null) {
                        for (FamilyView f : segregator.families(importPk, r.get(VARIANT.CONTIG), gt, null)) {
                            families.put(f.familyId(), new StudyFacts.FamilySegregation(f.familyId(), f.affectedCarriers(), f.affectedGenotyped(),
                                    f.unaffectedCarriers(), f.unaffectedGenotyped(), f.obligateCarriers(), f.modes()));
                        }
                    }
                    w.row(plan.layout().variantRow(new Object[] {key, r.get(VARIANT.CONTIG), r.get(VARIANT.POSITION), r.get(VARIANT.REF), r.get(VARIANT.ALT),
                            r.get(VARIANT.VARIANT_ID), r.get(VARIANT.QUAL), r.get(VARIANT.FILTER), r.get(VARIANT.GENE), r.get(VARIANT.CONSEQUENCE),
                            r.get(VARIANT.AF), carriers, genotyped}, families));
                }
            }
        }
        w.endSheet();
    }

    /** The Linkage sheet: per exported run, its results in import order (by cursor), restricted to the variants and families in scope. */
    private void linkageSheet(ExportPlan plan, DatasetWriter w) throws IOException {
        DatasetLayout layout = plan.layout();
        w.startSheet(ExportSheet.LINKAGE, layout.linkageColumns());
        VariantQuery filter = plan.filter();
        VariantSelectionService.Segregator filterTest = rowTest(filter) ? selections.segregator(Set.of()) : null;
        Condition variants = variantCondition(plan.options(), filter);
        List<String> families = plan.options().families();
        for (var run : plan.runs()) {
            StudyFacts.LinkageRun facts = facts(run);
            linkage.forEach(run, variants, filterTest != null, r -> {
                if (filterTest != null && !filterTest.matches(filter, r.importPk(), r.contig(), r.gt())) return;
                for (Object[] row : layout.linkageRows(facts, r.gene(), r.linkage(), f -> families.isEmpty() || families.contains(f))) w.row(row);
            });
        }
        w.endSheet();
    }

    private static StudyFacts.LinkageRun facts(LinkageResultService.StoredRun run) {
        return new StudyFacts.LinkageRun(run.runId(), run.importId(), run.preset(), run.diseaseAlleleFrequency(), run.f0(), run.f1(), run.f2(),
                run.thetas(), run.alleleFrequencies(), run.filterSet(), run.softwareVersion(), run.finishedAt(),
                run.families().stream().map(LinkageResultService.RunFamily::familyId).toList(),
                run.families().stream().map(LinkageResultService.RunFamily::problem).toList());
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
        rows.add(new Object[] {"filterSet", o.filterSet() == null ? "none" : o.filterSet() + (plan.filter() == null
                ? " (not applied: no variant sheets for this role)" : " = " + toJson(plan.filter()))});
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
        if (plan.runs().isEmpty()) {
            rows.add(new Object[] {"linkage", plan.sheets().contains(ExportSheet.LINKAGE) ? "no finished linkage run in scope" : "not exported"});
        } else {
            rows.add(new Object[] {"linkage", o.linkageRuns().isEmpty() ? "the latest finished run of each import" : "runs chosen with linkageRun"});
            for (var run : plan.runs()) {
                rows.add(new Object[] {"linkageRun " + run.runId(), "import " + run.importId() + "; model "
                        + (run.preset() == null ? "custom" : run.preset()) + " (q " + plainNumber(run.diseaseAlleleFrequency()) + ", f0 " + plainNumber(run.f0())
                        + ", f1 " + plainNumber(run.f1()) + ", f2 " + plainNumber(run.f2()) + "); θ " + String.join(", ",
                        java.util.Arrays.stream(run.thetas()).mapToObj(ExportService::plainNumber).toList()) + "; allele frequencies "
                        + run.alleleFrequencies() + (run.filterSet() == null ? "" : "; filter set " + run.filterSet()) + "; " + run.variants()
                        + " variants x " + run.families().size() + " families; software " + run.softwareVersion()
                        + (run.finishedAt() == null ? "" : "; finished " + run.finishedAt())});
            }
        }
        for (InstrumentPlan p : plan.layout().plans()) {
            rows.add(new Object[] {"instrument " + p.event() + "." + p.definition().id(), "version " + p.definition().version()
                    + " (dictionary and labels); stored answers keep the version they were given in (Responses/Scores sheets)"});
        }
        for (Object[] r : rows) w.row(r);
        w.endSheet();
    }

    private static String plainNumber(double d) {
        String s = java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return "-0".equals(s) ? "0" : s;
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
