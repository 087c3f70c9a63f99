package org.motif.participant;

import static org.motif.db.Tables.FAMILY;
import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.PARTNERSHIP;

import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataChangedException;
import org.jooq.impl.DSL;
import org.motif.base.ConflictException;
import org.motif.base.ValidationException;
import org.motif.db.tables.records.ParticipantRecord;
import org.motif.pedigree.PedRecord;
import org.motif.pedigree.PedigreeIssue;
import org.motif.pedigree.PedigreeValidator;
import org.motif.pedigree.Sex;
import org.motif.pedigree.StudyRole;
import org.motif.security.Role;
import org.motif.security.audit.AuditService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Participants: list, read, edit (optimistic locking on {@code version}), add members and relatives
 * in one step. Coordinators and geneticists (DESIGN.md roles); contact details are in {@link ContactService}.
 */
@Service
@Transactional
@RolesAllowed({Role.COORDINATOR_NAME, Role.GENETICIST_NAME})
public class ParticipantService {
    private final ParticipantStore store;
    private final DSLContext db;
    private final AuditService audit;

    ParticipantService(ParticipantStore store, AuditService audit) {
        this.store = store;
        this.db = store.db();
        this.audit = audit;
    }

    /** Participants, optionally of one family, ordered by family then id; {@code offset}/{@code limit} page it. */
    @Transactional(readOnly = true)
    public List<ParticipantSummary> list(String familyId, int offset, int limit) {
        Condition c = familyId == null || familyId.isBlank() ? DSL.trueCondition()
                : PARTICIPANT.FAMILY_PK.in(DSL.select(FAMILY.ID).from(FAMILY).where(FAMILY.FAMILY_ID.eq(familyId)));
        List<ParticipantSummary> all = store.summaries(c);
        return all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
    }

    /** One participant with the phenotype history; 404 for an unknown id. */
    @Transactional(readOnly = true)
    public ParticipantDetail get(String id) {
        ParticipantRecord p = store.participant(id);
        String familyId = db.select(FAMILY.FAMILY_ID).from(FAMILY).where(FAMILY.ID.eq(p.getFamilyPk())).fetchOne(FAMILY.FAMILY_ID);
        List<PhenotypeView> history = store.phenotypes(PARTICIPANT.ID.eq(p.getId())).getOrDefault(p.getId(), List.of());
        var summary = ParticipantStore.summary(p, familyId, store.idsByPk(PARTICIPANT.FAMILY_PK.eq(p.getFamilyPk())), history);
        return new ParticipantDetail(summary, p.getTwinGroup(), p.getTwinType(), p.getVersion(), history);
    }

    /**
     * Saves an edit made on the version {@code edit.version()}. Someone else's save in between gives a
     * {@link ConflictException} ("someone else changed F001-07; reload"); a sex that no longer fits being
     * a father or mother gives a {@link ValidationException} naming the children.
     */
    public ParticipantDetail update(ParticipantEdit edit) {
        ParticipantRecord r = store.participant(edit.id());
        if (r.getVersion() != edit.version()) throw stale(edit.id());
        if (edit.birthYear() != null && (edit.birthYear() < 1800 || edit.birthYear() > java.time.Year.now().getValue())) {
            throw new ValidationException("Birth year " + edit.birthYear() + " of " + edit.id() + " is not plausible; write a year like 1971.");
        }
        r.setSex(edit.sex().label());
        r.setBirthYear(edit.birthYear());
        r.setProband(edit.proband());
        r.setRole((edit.role() == null ? StudyRole.RELATIVE : edit.role()).code());
        r.setDeceased(edit.deceased());
        r.setTwinGroup(blankToNull(edit.twinGroup()));
        r.setTwinType(blankToNull(edit.twinGroup()) == null ? null : edit.twinType() == null ? "unknown" : edit.twinType());
        if (r.getPlaceholder() && (r.getBirthYear() != null)) r.setPlaceholder(false);
        try {
            r.store();
        } catch (DataChangedException e) {
            throw stale(edit.id());
        }
        checkFamily(r.getFamilyPk());
        audit.record("participant.update", "participant", edit.id(), ParticipantStore.details("sex", edit.sex().label(),
                "proband", edit.proband(), "deceased", edit.deceased()));
        return get(edit.id());
    }

    /** Creates a participant without parents in an existing family (the first member, or a marry-in to link later). */
    public ParticipantDetail create(String familyId, NewRelative n) {
        Long familyPk = store.familyPk(familyId);
        String id = insert(familyPk, familyId, n, n.sex(), null, null, false);
        audit.record("participant.create", "participant", id, ParticipantStore.details("family", familyId));
        return get(id);
    }

    /**
     * Adds a father, mother, sibling, child or partner of {@code participantId} in one step, creating
     * placeholders for unknown parents as pedigree tools do (a new father gets a placeholder mother if
     * there is none; a sibling of someone without parents gets placeholder parents; a child gets a
     * placeholder other parent when no partner is known). Returns the new relative.
     */
    public ParticipantDetail addRelative(String participantId, Relation relation, NewRelative n) {
        ParticipantRecord p = store.participant(participantId);
        Long familyPk = p.getFamilyPk();
        String familyId = db.select(FAMILY.FAMILY_ID).from(FAMILY).where(FAMILY.ID.eq(familyPk)).fetchOne(FAMILY.FAMILY_ID);
        String created;
        switch (relation) {
            case FATHER, MOTHER -> {
                boolean father = relation == Relation.FATHER;
                if ((father ? p.getFatherPk() : p.getMotherPk()) != null) {
                    throw new ConflictException(participantId + " already has a " + relation.name().toLowerCase() + "; open that record to edit it.");
                }
                created = insert(familyPk, familyId, n, father ? Sex.MALE : Sex.FEMALE, null, null, false);
                Long newPk = store.participant(created).getId();
                Long otherPk = father ? p.getMotherPk() : p.getFatherPk();
                if (otherPk == null) {
                    String ph = insert(familyPk, familyId, NewRelative.of(father ? Sex.FEMALE : Sex.MALE), father ? Sex.FEMALE : Sex.MALE, null, null, true);
                    otherPk = store.participant(ph).getId();
                }
                Long fatherPk = father ? newPk : otherPk, motherPk = father ? otherPk : newPk;
                db.update(PARTICIPANT).set(PARTICIPANT.FATHER_PK, fatherPk).set(PARTICIPANT.MOTHER_PK, motherPk)
                        .set(PARTICIPANT.VERSION, PARTICIPANT.VERSION.plus(1)).where(PARTICIPANT.ID.eq(p.getId())).execute();
                couple(fatherPk, motherPk);
            }
            case SIBLING -> {
                Long fatherPk = p.getFatherPk(), motherPk = p.getMotherPk();
                if (fatherPk == null) fatherPk = store.participant(insert(familyPk, familyId, NewRelative.of(Sex.MALE), Sex.MALE, null, null, true)).getId();
                if (motherPk == null) motherPk = store.participant(insert(familyPk, familyId, NewRelative.of(Sex.FEMALE), Sex.FEMALE, null, null, true)).getId();
                db.update(PARTICIPANT).set(PARTICIPANT.FATHER_PK, fatherPk).set(PARTICIPANT.MOTHER_PK, motherPk)
                        .set(PARTICIPANT.VERSION, PARTICIPANT.VERSION.plus(1)).where(PARTICIPANT.ID.eq(p.getId())).execute();
                couple(fatherPk, motherPk);
                created = insert(familyPk, familyId, n, n.sex(), fatherPk, motherPk, false);
            }
            case CHILD -> {
                Sex own = Sex.fromLabel(p.getSex());
                if (own == Sex.UNKNOWN) {
                    throw new ValidationException("Set the sex of " + participantId + " before adding a child, so they can be father or mother.");
                }
                Long partnerPk = partnerFor(p, n.partnerId(), familyId);
                if (partnerPk == null) {
                    Sex other = own == Sex.MALE ? Sex.FEMALE : Sex.MALE;
                    partnerPk = store.participant(insert(familyPk, familyId, NewRelative.of(other), other, null, null, true)).getId();
                }
                Long fatherPk = own == Sex.MALE ? p.getId() : partnerPk, motherPk = own == Sex.MALE ? partnerPk : p.getId();
                couple(fatherPk, motherPk);
                created = insert(familyPk, familyId, n, n.sex(), fatherPk, motherPk, false);
            }
            case PARTNER -> {
                Sex own = Sex.fromLabel(p.getSex());
                Sex sex = n.sex() != null && n.sex() != Sex.UNKNOWN ? n.sex() : own == Sex.MALE ? Sex.FEMALE : own == Sex.FEMALE ? Sex.MALE : Sex.UNKNOWN;
                created = insert(familyPk, familyId, n, sex, null, null, false);
                couple(p.getId(), store.participant(created).getId());
            }
            default -> throw new IllegalStateException();
        }
        checkFamily(familyPk);
        audit.record("participant.add-relative", "participant", created, ParticipantStore.details("relation", relation.name().toLowerCase(),
                "of", participantId));
        return get(created);
    }

    private Long partnerFor(ParticipantRecord p, String partnerId, String familyId) {
        if (partnerId != null && !partnerId.isBlank()) {
            ParticipantRecord q = store.participant(partnerId.strip());
            if (!q.getFamilyPk().equals(p.getFamilyPk())) {
                throw new ValidationException("Partner " + partnerId + " is not in family " + familyId + "; choose a member of the family.");
            }
            return q.getId();
        }
        List<Long> partners = new ArrayList<>();
        db.selectFrom(PARTNERSHIP).where(PARTNERSHIP.PARTNER1_PK.eq(p.getId()).or(PARTNERSHIP.PARTNER2_PK.eq(p.getId())))
                .forEach(r -> partners.add(r.getPartner1Pk().equals(p.getId()) ? r.getPartner2Pk() : r.getPartner1Pk()));
        return partners.size() == 1 ? partners.get(0) : null;
    }

    private String insert(Long familyPk, String familyId, NewRelative n, Sex sex, Long fatherPk, Long motherPk, boolean placeholder) {
        String id = n.id() == null || n.id().isBlank() || placeholder ? store.nextId(familyId) : n.id().strip();
        if (!id.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new ValidationException("Participant id '" + id + "' is not valid; use letters, digits, '_', '-' or '.' (e.g. " + familyId + "-07).");
        }
        if (db.fetchExists(PARTICIPANT, PARTICIPANT.PARTICIPANT_ID.eq(id))) {
            throw new ConflictException("Participant id '" + id + "' is already used; ids are unique across the study: choose another or leave it empty.");
        }
        var r = db.newRecord(PARTICIPANT);
        r.setParticipantId(id);
        r.setFamilyPk(familyPk);
        r.setFatherPk(fatherPk);
        r.setMotherPk(motherPk);
        r.setSex((sex == null ? Sex.UNKNOWN : sex).label());
        r.setBirthYear(placeholder ? null : n.birthYear());
        r.setRole((n.role() == null || placeholder ? StudyRole.RELATIVE : n.role()).code());
        r.setProband(false);
        r.setDeceased(false);
        r.setPlaceholder(placeholder);
        r.store();
        return id;
    }

    private void couple(Long a, Long b) {
        boolean exists = db.fetchExists(PARTNERSHIP, PARTNERSHIP.PARTNER1_PK.eq(a).and(PARTNERSHIP.PARTNER2_PK.eq(b))
                .or(PARTNERSHIP.PARTNER1_PK.eq(b).and(PARTNERSHIP.PARTNER2_PK.eq(a))));
        if (!exists) db.insertInto(PARTNERSHIP).set(PARTNERSHIP.PARTNER1_PK, a).set(PARTNERSHIP.PARTNER2_PK, b).execute();
    }

    /** Rejects a change that leaves the family with a validation error (the transaction rolls back). */
    private void checkFamily(Long familyPk) {
        String familyId = db.select(FAMILY.FAMILY_ID).from(FAMILY).where(FAMILY.ID.eq(familyPk)).fetchOne(FAMILY.FAMILY_ID);
        List<PedRecord> recs = store.individuals(FAMILY.ID.eq(familyPk)).stream().map(i -> new PedRecord(null, i)).toList();
        Map<String, PedigreeValidator.Stored> none = new HashMap<>();
        List<PedigreeIssue> errors = PedigreeValidator.validate(recs, none).stream().filter(PedigreeIssue::isError).toList();
        if (!errors.isEmpty()) {
            throw new ValidationException("Family " + familyId + ": " + errors.get(0).message(), errors.stream().map(FamilyService::problem).toList());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ConflictException stale(String id) {
        return new ConflictException("Someone else changed " + id + " since you opened it; reload and make your change again.");
    }
}
