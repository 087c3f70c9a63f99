package org.motif.participant;

import static org.motif.db.Tables.FAMILY;
import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.PARTNERSHIP;

import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.motif.base.Problem;
import org.motif.base.ValidationException;
import org.motif.db.tables.records.ParticipantRecord;
import org.motif.pedigree.Affection;
import org.motif.pedigree.Couple;
import org.motif.pedigree.Individual;
import org.motif.pedigree.PedColumn;
import org.motif.pedigree.PedFile;
import org.motif.pedigree.PedReader;
import org.motif.pedigree.PedRecord;
import org.motif.pedigree.PedWriter;
import org.motif.pedigree.PedigreeIssue;
import org.motif.pedigree.PedigreeValidator;
import org.motif.pedigree.PhenotypeDetail;
import org.motif.security.Role;
import org.motif.security.audit.AuditService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Families and their pedigrees: list, PED import (all or nothing, re-imports update and never delete)
 * and PED export. Coordinators and geneticists (DESIGN.md roles).
 */
@Service
@Transactional
@RolesAllowed({Role.COORDINATOR_NAME, Role.GENETICIST_NAME})
public class FamilyService {
    private final ParticipantStore store;
    private final DSLContext db;
    private final AuditService audit;

    FamilyService(ParticipantStore store, AuditService audit) {
        this.store = store;
        this.db = store.db();
        this.audit = audit;
    }

    /** Every family with its member count, affected count and proband, by family id. */
    @Transactional(readOnly = true)
    public List<FamilySummary> families() {
        Map<String, List<ParticipantSummary>> members = store.summaries(DSL.trueCondition()).stream()
                .collect(Collectors.groupingBy(ParticipantSummary::familyId));
        List<FamilySummary> out = new ArrayList<>();
        db.selectFrom(FAMILY).fetch().forEach(f -> {
            List<ParticipantSummary> m = members.getOrDefault(f.getFamilyId(), List.of());
            out.add(new FamilySummary(f.getFamilyId(), m.size(), (int) m.stream().filter(p -> p.affection() == Affection.AFFECTED).count(),
                    m.stream().filter(ParticipantSummary::proband).map(ParticipantSummary::id).findFirst().orElse(null), f.getNote()));
        });
        out.sort((a, b) -> org.motif.pedigree.NaturalOrder.INSTANCE.compare(a.familyId(), b.familyId()));
        return out;
    }

    /** Creates an empty family; 409 when the id is taken. */
    public void createFamily(String familyId, String note) {
        String id = familyId == null ? "" : familyId.strip();
        if (!id.matches("[A-Za-z0-9_.-]{1,50}")) {
            throw new ValidationException("Family id '" + id + "' is not valid; use letters, digits, '_', '-' or '.' (e.g. F001).");
        }
        if (db.fetchExists(FAMILY, FAMILY.FAMILY_ID.eq(id))) {
            throw new org.motif.base.ConflictException("Family '" + id + "' already exists; choose another id.");
        }
        db.insertInto(FAMILY).set(FAMILY.FAMILY_ID, id).set(FAMILY.NOTE, note).execute();
        audit.record("family.create", "family", id, Map.of());
    }

    /** The members of one family as pedigree individuals; 404 for an unknown family. */
    @Transactional(readOnly = true)
    public List<Individual> pedigree(String familyId) {
        store.familyPk(familyId);
        return store.individuals(FAMILY.FAMILY_ID.eq(familyId));
    }

    /** Explicit couples of one family (couples with a child together are implied by the child). */
    @Transactional(readOnly = true)
    public List<Couple> couples(String familyId) {
        return store.partnerships(store.familyPk(familyId));
    }

    /** One family as PED text (6 columns, or extended with a {@code #} header and every field). */
    @Transactional(readOnly = true)
    public String exportPed(String familyId, boolean extended) {
        return PedWriter.write(pedigree(familyId), extended);
    }

    /** Every family as PED text. */
    @Transactional(readOnly = true)
    public String exportAll(boolean extended) {
        return PedWriter.write(store.individuals(DSL.trueCondition()), extended);
    }

    /** Checks the stored members of a family with {@link PedigreeValidator} (no lines). */
    @Transactional(readOnly = true)
    public List<PedigreeIssue> validate(String familyId) {
        List<PedRecord> recs = pedigree(familyId).stream().map(i -> new PedRecord(null, i)).toList();
        return PedigreeValidator.validate(recs, Map.of());
    }

    /**
     * Imports PED text: all or nothing. Any error (see {@link PedReader}, {@link PedigreeValidator})
     * throws a {@link ValidationException} listing every problem with its line, and nothing is stored.
     * Existing participants are updated; members missing from the file are kept (and warned about).
     * The PHENO column adds a phenotype record only when the affection differs from the latest record
     * (or, with phenotype columns in the header, when those differ).
     *
     * @param idPrefix ids become {@code <FID>-<IID>}
     */
    public ImportReport importPed(String text, boolean idPrefix) {
        PedFile file = PedReader.read(text, idPrefix);
        if (!file.problems().isEmpty()) throw invalid(file.problems());
        Map<String, PedigreeValidator.Stored> stored = store.stored();
        List<PedigreeIssue> issues = new ArrayList<>(PedigreeValidator.validate(file.records(), stored));
        if (issues.stream().anyMatch(PedigreeIssue::isError)) throw invalid(issues);

        Map<String, List<Individual>> byFamily = new LinkedHashMap<>();
        for (PedRecord r : file.records()) byFamily.computeIfAbsent(r.individual().familyId(), k -> new ArrayList<>()).add(r.individual());
        int famCreated = 0, famUpdated = 0, famUnchanged = 0, pCreated = 0, pUpdated = 0, pUnchanged = 0;
        Map<String, Long> pks = new HashMap<>();
        db.select(PARTICIPANT.PARTICIPANT_ID, PARTICIPANT.ID).from(PARTICIPANT).forEach(r -> pks.put(r.value1(), r.value2()));
        for (var fam : byFamily.entrySet()) {
            String familyId = fam.getKey();
            boolean newFamily = !db.fetchExists(FAMILY, FAMILY.FAMILY_ID.eq(familyId));
            if (newFamily) db.insertInto(FAMILY).set(FAMILY.FAMILY_ID, familyId).execute();
            Long familyPk = store.familyPk(familyId);
            Set<String> inFile = fam.getValue().stream().map(Individual::id).collect(Collectors.toSet());
            List<String> missing = store.idsByPk(PARTICIPANT.FAMILY_PK.eq(familyPk)).values().stream().filter(id -> !inFile.contains(id))
                    .sorted(org.motif.pedigree.NaturalOrder.INSTANCE).toList();
            if (!missing.isEmpty()) {
                issues.add(PedigreeIssue.warning(null, null, missing, "family " + familyId + ": " + String.join(", ", missing)
                        + " from an earlier import or entry " + (missing.size() == 1 ? "is" : "are") + " not in this file and were kept; re-imports never delete"));
            }
            Map<String, List<PhenotypeView>> history = new HashMap<>();
            Map<Long, List<PhenotypeView>> byPk = store.phenotypes(PARTICIPANT.FAMILY_PK.eq(familyPk));
            pks.forEach((id, pk) -> { if (byPk.containsKey(pk)) history.put(id, byPk.get(pk)); });
            int changedHere = 0;
            // pass 1: rows without parents; pass 2: parents (they may come later in the file)
            Map<String, Boolean> changed = new LinkedHashMap<>();
            Map<String, ParticipantRecord> records = new HashMap<>();
            db.selectFrom(PARTICIPANT).where(PARTICIPANT.PARTICIPANT_ID.in(inFile)).forEach(r -> records.put(r.getParticipantId(), r));
            Set<String> couples = new java.util.HashSet<>();
            db.selectFrom(PARTNERSHIP).where(PARTNERSHIP.PARTNER1_PK.in(DSL.select(PARTICIPANT.ID).from(PARTICIPANT).where(PARTICIPANT.FAMILY_PK.eq(familyPk))))
                    .forEach(r -> couples.add(coupleKey(r.getPartner1Pk(), r.getPartner2Pk())));
            for (Individual i : fam.getValue()) {
                ParticipantRecord rec = records.get(i.id());
                boolean created = rec == null;
                if (created) {
                    rec = db.newRecord(PARTICIPANT);
                    rec.setParticipantId(i.id());
                    rec.setFamilyPk(familyPk);
                }
                put(rec, PARTICIPANT.SEX, i.sex().label());
                if (created || file.has(PedColumn.BIRTH_YEAR)) put(rec, PARTICIPANT.BIRTH_YEAR, i.birthYear());
                if (created || file.has(PedColumn.PROBAND)) put(rec, PARTICIPANT.PROBAND, i.proband());
                if (created || file.has(PedColumn.DECEASED)) put(rec, PARTICIPANT.DECEASED, i.deceased());
                if (created || file.has(PedColumn.ROLE)) put(rec, PARTICIPANT.ROLE, i.role().code());
                if (created || file.has(PedColumn.PLACEHOLDER)) put(rec, PARTICIPANT.PLACEHOLDER, i.placeholder());
                if (created || file.has(PedColumn.TWIN_GROUP)) put(rec, PARTICIPANT.TWIN_GROUP, i.twinGroup());
                if (created || file.has(PedColumn.TWIN_TYPE)) put(rec, PARTICIPANT.TWIN_TYPE, i.twinType());
                boolean fieldsChanged = created || rec.changed();
                if (rec.changed()) rec.store();
                pks.put(i.id(), rec.getId());
                records.put(i.id(), rec);
                boolean phenotypeAdded = addPhenotypeIfChanged(rec.getId(), i, file, history.getOrDefault(i.id(), List.of()));
                changed.put(i.id(), fieldsChanged || phenotypeAdded);
                if (created) pCreated++;
            }
            for (Individual i : fam.getValue()) {
                ParticipantRecord rec = records.get(i.id());
                put(rec, PARTICIPANT.FATHER_PK, i.fatherId() == null ? null : pks.get(i.fatherId()));
                put(rec, PARTICIPANT.MOTHER_PK, i.motherId() == null ? null : pks.get(i.motherId()));
                if (rec.changed()) {
                    rec.store();
                    changed.put(i.id(), true);
                }
                if (i.fatherId() != null && i.motherId() != null) ensureCouple(pks.get(i.fatherId()), pks.get(i.motherId()), couples);
            }
            for (var e : changed.entrySet()) {
                boolean wasCreated = !stored.containsKey(e.getKey());
                if (wasCreated) continue;
                if (e.getValue()) pUpdated++; else pUnchanged++;
                if (e.getValue()) changedHere++;
            }
            if (newFamily) famCreated++;
            else if (changedHere > 0 || fam.getValue().stream().anyMatch(i -> !stored.containsKey(i.id()))) famUpdated++;
            else famUnchanged++;
        }
        var report = new ImportReport(new ImportReport.Counts(famCreated, famUpdated, famUnchanged),
                new ImportReport.Counts(pCreated, pUpdated, pUnchanged), issues.stream().map(FamilyService::problem).toList());
        audit.record("pedigree.import", "family", auditId(List.copyOf(byFamily.keySet())), ParticipantStore.details(
                "families", report.families(), "participants", report.participants(), "warnings", report.warnings().size(), "idPrefix", idPrefix));
        return report;
    }

    private boolean addPhenotypeIfChanged(Long pk, Individual i, PedFile file, List<PhenotypeView> history) {
        PhenotypeView latest = history.isEmpty() ? null : history.get(history.size() - 1);
        Affection before = latest == null ? Affection.UNKNOWN : latest.affection();
        boolean detailColumns = file.columns().stream().anyMatch(PedColumn::isPhenotypeDetail);
        PhenotypeDetail wanted = detailColumns ? merge(latest == null ? PhenotypeDetail.NONE : latest.detail(), i.phenotype(), file) : PhenotypeDetail.NONE;
        boolean affectionChanged = i.affection() != before;
        boolean detailChanged = detailColumns && !Objects.equals(PedWriter.normalized(wanted),
                PedWriter.normalized(latest == null ? PhenotypeDetail.NONE : latest.detail()));
        if (!affectionChanged && !detailChanged) return false;
        if (latest == null && i.affection() == Affection.UNKNOWN && wanted.isEmpty()) return false;
        PhenotypeService.insert(db, pk, i.affection(), wanted, wanted.recordedOn() != null ? wanted.recordedOn() : LocalDate.now());
        return true;
    }

    /** The latest detail with the fields of the columns present in the file replaced by the file's values. */
    private static PhenotypeDetail merge(PhenotypeDetail old, PhenotypeDetail f, PedFile file) {
        return new PhenotypeDetail(
                file.has(PedColumn.DYSTONIA_TYPE) ? f.dystoniaType() : old.dystoniaType(),
                file.has(PedColumn.BODY_REGION) ? f.bodyRegion() : old.bodyRegion(),
                file.has(PedColumn.SIDE) ? f.side() : old.side(),
                file.has(PedColumn.INSTRUMENT) ? f.instrument() : old.instrument(),
                file.has(PedColumn.TASK) ? f.task() : old.task(),
                file.has(PedColumn.AGE_AT_ONSET) ? f.ageAtOnset() : old.ageAtOnset(),
                file.has(PedColumn.CERTAINTY) ? f.certainty() : old.certainty(),
                file.has(PedColumn.SEVERITY) ? f.severity() : old.severity(),
                file.has(PedColumn.HPO_TERMS) ? f.hpoTerms() : old.hpoTerms(),
                file.has(PedColumn.EXAMINER) ? f.examiner() : old.examiner(),
                file.has(PedColumn.RECORDED_ON) ? f.recordedOn() : old.recordedOn(),
                file.has(PedColumn.NOTE) ? f.note() : old.note());
    }

    private static String coupleKey(Long a, Long b) {
        return Math.min(a, b) + "-" + Math.max(a, b);
    }

    private void ensureCouple(Long father, Long mother, Set<String> known) {
        if (father == null || mother == null) return;
        if (known.add(coupleKey(father, mother))) db.insertInto(PARTNERSHIP).set(PARTNERSHIP.PARTNER1_PK, father).set(PARTNERSHIP.PARTNER2_PK, mother).execute();
    }

    /** Family ids for the audit's entity id (at most 200 characters: the rest is counted). */
    static String auditId(List<String> ids) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < ids.size(); k++) {
            String next = (k == 0 ? "" : ",") + ids.get(k);
            if (b.length() + next.length() > 180) return b + " (+" + (ids.size() - k) + " more)";
            b.append(next);
        }
        return b.toString();
    }

    static Problem problem(PedigreeIssue i) {
        return new Problem(i.line(), i.field(), (i.isError() ? "" : "warning: ") + i.message());
    }

    private static ValidationException invalid(List<PedigreeIssue> issues) {
        long errors = issues.stream().filter(PedigreeIssue::isError).count();
        String first = issues.stream().filter(PedigreeIssue::isError).findFirst().map(PedigreeIssue::toString).orElse("");
        return new ValidationException("The PED file has " + errors + (errors == 1 ? " error" : " errors") + "; nothing was imported. Fix "
                + (errors == 1 ? "it" : "them") + " and import again. First: " + first, issues.stream().map(FamilyService::problem).toList());
    }

    private static <T> void put(ParticipantRecord r, org.jooq.Field<T> f, T v) {
        if (!Objects.equals(r.get(f), v)) r.set(f, v);
    }
}
