package org.motif.pedigree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the relations of a pedigree (DESIGN.md "PED semantics"). Errors: duplicate id, an id that
 * already belongs to another family, a parent missing, in another family or of the wrong sex, a
 * cycle (someone their own ancestor). Warnings: a single known parent, a child born before a parent
 * was {@value #MIN_PARENT_AGE}, members not connected to the rest of their family, an HPO term that
 * does not fit the recorded sex. Each issue names the individuals and says how to fix it.
 */
public final class PedigreeValidator {
    /** Youngest plausible age of a parent at a child's birth, in years. */
    public static final int MIN_PARENT_AGE = 12;
    /** HPO terms that only fit one sex (a small, explicit list; extend when a study records more). */
    static final Map<String, Sex> SEX_SPECIFIC_HPO = Map.of(
            "HP:0000028", Sex.MALE,     // Cryptorchidism
            "HP:0000054", Sex.MALE,     // Micropenis
            "HP:0000140", Sex.FEMALE);  // Abnormality of the menstrual cycle

    private PedigreeValidator() {
    }

    /** What the study already holds about an id that a file may refer to or clash with. */
    public record Stored(String familyId, Sex sex) {
    }

    /**
     * Validates {@code records} (e.g. one PED file) against the participants already stored.
     *
     * @param records the individuals to check, with their lines (lines may be null)
     * @param stored  participant id → family and sex of what the study already holds (may be empty,
     *                never null); parents not in {@code records} are looked up here
     * @return every issue found, errors first, then in line order; empty when all is well
     */
    public static List<PedigreeIssue> validate(List<PedRecord> records, Map<String, Stored> stored) {
        List<PedigreeIssue> out = new ArrayList<>();
        Map<String, PedRecord> byId = new LinkedHashMap<>();
        for (PedRecord r : records) {
            PedRecord first = byId.putIfAbsent(r.id(), r);
            if (first != null) {
                out.add(PedigreeIssue.error(r.line(), "IID", List.of(r.id()), "duplicate id '" + r.id() + "'"
                        + (first.line() != null ? " (also on line " + first.line() + ")" : "")
                        + "; every individual needs its own id across the study: rename one of them"));
            }
        }
        for (PedRecord r : records) {
            Individual i = r.individual();
            Stored s = stored.get(i.id());
            if (s != null && !s.familyId().equals(i.familyId())) {
                out.add(PedigreeIssue.error(r.line(), "IID", List.of(i.id()), "id '" + i.id() + "' of family " + i.familyId()
                        + " clashes with participant '" + i.id() + "' of family " + s.familyId()
                        + "; ids are unique across the study: rename it (or import with idPrefix=family)"));
            }
            checkParent(r, i.fatherId(), "PAT", "father", Sex.MALE, byId, stored, out);
            checkParent(r, i.motherId(), "MAT", "mother", Sex.FEMALE, byId, stored, out);
            if (i.fatherId() != null && i.fatherId().equals(i.motherId())) {
                out.add(PedigreeIssue.error(r.line(), "MAT", List.of(i.id(), i.fatherId()), "'" + i.fatherId() + "' is both father and mother of '"
                        + i.id() + "'; fix PAT or MAT"));
            }
            if ((i.fatherId() == null) != (i.motherId() == null)) {
                String known = i.fatherId() != null ? "father '" + i.fatherId() + "'" : "mother '" + i.motherId() + "'";
                out.add(PedigreeIssue.warning(r.line(), i.fatherId() == null ? "PAT" : "MAT", List.of(i.id()), "'" + i.id() + "' has only one known parent ("
                        + known + "); linkage and drawing need both: add the other parent (a placeholder is fine)"));
            }
            for (String term : i.phenotype().hpoTerms()) {
                Sex only = SEX_SPECIFIC_HPO.get(term);
                if (only != null && i.sex() != Sex.UNKNOWN && i.sex() != only) {
                    out.add(PedigreeIssue.warning(r.line(), "SEX", List.of(i.id()), "'" + i.id() + "' is " + i.sex().label() + " but HPO term "
                            + term + " is recorded only in " + only.label() + "s; check SEX or the phenotype"));
                }
            }
        }
        cycles(records, byId, out);
        birthYears(records, byId, out);
        disconnected(records, byId, out);
        out.sort(Comparator.comparing((PedigreeIssue p) -> p.severity()).thenComparing(p -> p.line() == null ? Integer.MAX_VALUE : p.line()));
        return out;
    }

    private static void checkParent(PedRecord r, String parentId, String field, String what, Sex expected, Map<String, PedRecord> byId,
                                    Map<String, Stored> stored, List<PedigreeIssue> out) {
        if (parentId == null) return;
        Individual child = r.individual();
        String family;
        Sex sex;
        PedRecord p = byId.get(parentId);
        if (p != null) {
            family = p.individual().familyId();
            sex = p.individual().sex();
        } else if (stored.containsKey(parentId)) {
            family = stored.get(parentId).familyId();
            sex = stored.get(parentId).sex();
        } else {
            out.add(PedigreeIssue.error(r.line(), field, List.of(child.id(), parentId), what + " '" + parentId + "' of '" + child.id()
                    + "' is not in the file or the study; add a line for '" + parentId + "' or write 0"));
            return;
        }
        if (!family.equals(child.familyId())) {
            out.add(PedigreeIssue.error(r.line(), field, List.of(child.id(), parentId), what + " '" + parentId + "' of '" + child.id()
                    + "' is in family " + family + ", not in " + child.familyId() + "; parents must be in their child's family: fix the FID of one of them"));
        }
        if (sex != expected) {
            out.add(PedigreeIssue.error(r.line(), field, List.of(child.id(), parentId), what + " '" + parentId + "' of '" + child.id()
                    + "' has sex " + sex.label() + ", but a " + what + " must be " + expected.label() + " (" + expected.code()
                    + "); fix the SEX of '" + parentId + "' or the " + field + " of '" + child.id() + "'"));
        }
    }

    private static void cycles(List<PedRecord> records, Map<String, PedRecord> byId, List<PedigreeIssue> out) {
        Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
        Set<String> reported = new HashSet<>();
        for (PedRecord r : records) {
            List<String> path = new ArrayList<>();
            visit(r.id(), byId, state, path, reported, out);
        }
    }

    private static void visit(String id, Map<String, PedRecord> byId, Map<String, Integer> state, List<String> path, Set<String> reported,
                              List<PedigreeIssue> out) {
        PedRecord r = byId.get(id);
        if (r == null) return;
        Integer s = state.get(id);
        if (s != null && s == 2) return;
        if (s != null && s == 1) {
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            if (reported.addAll(loop)) {
                loop.add(id);
                out.add(PedigreeIssue.error(r.line(), "PAT", List.copyOf(new HashSet<>(loop)).stream().sorted().toList(),
                        "cycle: '" + id + "' is their own ancestor (" + String.join(" → child of ", loop)
                                + "); fix the PAT/MAT of one of them"));
            }
            return;
        }
        state.put(id, 1);
        path.add(id);
        visit(r.individual().fatherId() == null ? "" : r.individual().fatherId(), byId, state, path, reported, out);
        visit(r.individual().motherId() == null ? "" : r.individual().motherId(), byId, state, path, reported, out);
        path.remove(path.size() - 1);
        state.put(id, 2);
    }

    private static void birthYears(List<PedRecord> records, Map<String, PedRecord> byId, List<PedigreeIssue> out) {
        for (PedRecord r : records) {
            Integer born = r.individual().birthYear();
            if (born == null) continue;
            for (String pid : new String[]{r.individual().fatherId(), r.individual().motherId()}) {
                PedRecord p = pid == null ? null : byId.get(pid);
                if (p == null || p.individual().birthYear() == null) continue;
                int age = born - p.individual().birthYear();
                if (age < MIN_PARENT_AGE) {
                    out.add(PedigreeIssue.warning(r.line(), "birth_year", List.of(r.id(), pid), "'" + r.id() + "' was born in " + born + ", when parent '"
                            + pid + "' (born " + p.individual().birthYear() + ") was " + age + "; check both birth years and the parents"));
                }
            }
        }
    }

    private static void disconnected(List<PedRecord> records, Map<String, PedRecord> byId, List<PedigreeIssue> out) {
        Map<String, String> root = new HashMap<>();
        for (String id : byId.keySet()) root.put(id, id);
        for (PedRecord r : records) {
            for (String pid : new String[]{r.individual().fatherId(), r.individual().motherId()}) {
                if (pid != null && byId.containsKey(pid)) union(root, r.id(), pid);
            }
        }
        Map<String, List<PedRecord>> families = records.stream().filter(r -> byId.get(r.id()) == r)
                .collect(Collectors.groupingBy(r -> r.individual().familyId(), LinkedHashMap::new, Collectors.toList()));
        for (var fam : families.entrySet()) {
            Map<String, List<PedRecord>> groups = fam.getValue().stream()
                    .collect(Collectors.groupingBy(r -> find(root, r.id()), LinkedHashMap::new, Collectors.toList()));
            if (groups.size() < 2) continue;
            List<PedRecord> main = groups.values().stream().max(Comparator.comparingInt(List::size)).orElseThrow();
            for (List<PedRecord> g : groups.values()) {
                if (g == main) continue;
                List<String> ids = g.stream().map(PedRecord::id).toList();
                out.add(PedigreeIssue.warning(g.get(0).line(), null, ids, "family " + fam.getKey() + ": " + String.join(", ", ids)
                        + (ids.size() == 1 ? " is" : " are") + " not connected to the other members (e.g. '" + main.get(0).id()
                        + "'); add the missing parents or move them to their own family"));
            }
        }
    }

    private static String find(Map<String, String> root, String id) {
        String r = id;
        while (!root.get(r).equals(r)) r = root.get(r);
        root.put(id, r);
        return r;
    }

    private static void union(Map<String, String> root, String a, String b) {
        root.put(find(root, a), find(root, b));
    }
}
