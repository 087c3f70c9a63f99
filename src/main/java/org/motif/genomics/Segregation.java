package org.motif.genomics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one variant segregates in one family: carriers among affected and unaffected genotyped
 * members, obligate carriers among the untyped, and which inheritance modes the genotypes fit.
 * A carrier is HET or HOM_VAR; members with affection UNKNOWN enter no count.
 */
public final class Segregation {
    public enum Sex { MALE, FEMALE, UNKNOWN }

    public enum Affection { AFFECTED, UNAFFECTED, UNKNOWN }

    /** Inheritance modes; {@link #code()} is the API name. */
    public enum Mode {
        DOMINANT_COMPLETE_PENETRANCE("dominant_complete_penetrance"),
        DOMINANT_REDUCED_PENETRANCE("dominant_reduced_penetrance"),
        RECESSIVE("recessive"),
        DE_NOVO("de_novo"),
        X_LINKED("x_linked");

        private final String code;

        Mode(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A family member; father/mother ids null when not in the pedigree. */
    public record Member(String id, String fatherId, String motherId, Sex sex, Affection affection) {
    }

    /**
     * @param obligateCarriers ids of untyped members who must carry the variant, in member order
     */
    public record Result(String familyId, int affectedCarriers, int affectedGenotyped, int unaffectedCarriers,
                         int unaffectedGenotyped, List<String> obligateCarriers, Set<Mode> modes) {
    }

    private Segregation() {
    }

    /**
     * Evaluates one variant in one family.
     *
     * @param familyId       PED family id
     * @param members        all members of the family (typed or not)
     * @param genotypes      genotype code ({@link Genotypes}) by member id; a member absent or NO_CALL is untyped
     * @param xChromosome    true when the variant lies on chrX (enables {@link Mode#X_LINKED}; disables
     *                       autosomal {@link Mode#RECESSIVE})
     * @param maxPhenocopies affected members genotyped as non-carriers that {@link Mode#DOMINANT_REDUCED_PENETRANCE}
     *                       tolerates (0 = none)
     */
    public static Result evaluate(String familyId, List<Member> members, Map<String, Byte> genotypes, boolean xChromosome,
                                  int maxPhenocopies) {
        Map<String, Member> byId = new HashMap<>();
        for (Member m : members) byId.put(m.id(), m);
        int affCarriers = 0, affGenotyped = 0, unaffCarriers = 0, unaffGenotyped = 0;
        int affHomVar = 0;
        boolean unaffHomVar = false;
        boolean xOk = true;
        for (Member m : members) {
            byte g = code(genotypes, m.id());
            if (g == Genotypes.NO_CALL) continue;
            boolean carrier = Genotypes.isCarrier(g);
            if (m.affection() == Affection.AFFECTED) {
                affGenotyped++;
                if (carrier) affCarriers++;
                if (g == Genotypes.HOM_VAR) affHomVar++;
                if (m.sex() == Sex.FEMALE ? g != Genotypes.HOM_VAR : !carrier) xOk = false;
            } else if (m.affection() == Affection.UNAFFECTED) {
                unaffGenotyped++;
                if (carrier) unaffCarriers++;
                if (g == Genotypes.HOM_VAR) unaffHomVar = true;
                if (m.sex() == Sex.FEMALE ? g == Genotypes.HOM_VAR : carrier) xOk = false;
            }
        }
        List<String> obligate = obligateCarriers(members, byId, genotypes, xChromosome);
        Set<Mode> modes = EnumSet.noneOf(Mode.class);
        boolean obligateUnaffected = obligate.stream().anyMatch(id -> byId.get(id).affection() == Affection.UNAFFECTED);
        if (affGenotyped > 0 && affCarriers == affGenotyped && unaffCarriers == 0 && !obligateUnaffected) {
            modes.add(Mode.DOMINANT_COMPLETE_PENETRANCE);
        }
        if (affCarriers >= 1 && affGenotyped - affCarriers <= maxPhenocopies) {
            modes.add(Mode.DOMINANT_REDUCED_PENETRANCE);
        }
        if (!xChromosome && affGenotyped > 0 && affHomVar == affGenotyped && !unaffHomVar) {
            modes.add(Mode.RECESSIVE);
        }
        if (unaffCarriers == 0 && hasDeNovo(members, byId, genotypes)) {
            modes.add(Mode.DE_NOVO);
        }
        if (xChromosome && affCarriers >= 1 && xOk) {
            modes.add(Mode.X_LINKED);
        }
        return new Result(familyId, affCarriers, affGenotyped, unaffCarriers, unaffGenotyped, obligate, modes);
    }

    private static boolean hasDeNovo(List<Member> members, Map<String, Member> byId, Map<String, Byte> genotypes) {
        for (Member m : members) {
            if (m.affection() != Affection.AFFECTED || code(genotypes, m.id()) != Genotypes.HET) continue;
            if (m.fatherId() == null || m.motherId() == null) continue;
            if (code(genotypes, m.fatherId()) == Genotypes.HOM_REF && code(genotypes, m.motherId()) == Genotypes.HOM_REF) {
                return true;
            }
        }
        return false;
    }

    /**
     * Untyped members who must carry the variant: a parent of a carrier child (typed, or itself an
     * obligate carrier) whose other parent is typed HOM_REF; both parents of a HOM_VAR child; on chrX
     * the mother of a carrier son. Repeated until nothing changes, so grandparents are found too.
     */
    static List<String> obligateCarriers(List<Member> members, Map<String, Member> byId, Map<String, Byte> genotypes,
                                         boolean xChromosome) {
        Set<String> obligate = new LinkedHashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Member child : members) {
                byte g = code(genotypes, child.id());
                boolean carrier = Genotypes.isCarrier(g) || obligate.contains(child.id());
                if (!carrier) continue;
                String f = child.fatherId();
                String m = child.motherId();
                List<String> must = new ArrayList<>(2);
                if (g == Genotypes.HOM_VAR && !(xChromosome && child.sex() == Sex.MALE)) {
                    must.add(f);
                    must.add(m);
                }
                if (xChromosome && child.sex() == Sex.MALE) must.add(m);
                if (f != null && code(genotypes, f) == Genotypes.HOM_REF) must.add(m);
                if (m != null && code(genotypes, m) == Genotypes.HOM_REF && !(xChromosome && child.sex() == Sex.MALE)) {
                    must.add(f);
                }
                for (String p : must) {
                    if (p != null && byId.containsKey(p) && code(genotypes, p) == Genotypes.NO_CALL && obligate.add(p)) {
                        changed = true;
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        for (Member m : members) if (obligate.contains(m.id())) ordered.add(m.id());
        return ordered;
    }

    private static byte code(Map<String, Byte> genotypes, String id) {
        if (id == null) return Genotypes.NO_CALL;
        Byte b = genotypes.get(id);
        return b == null ? Genotypes.NO_CALL : b;
    }
}
