package org.motif.linkage;

import java.util.ArrayList;
import java.util.List;

/** Small named pedigrees built in code for linkage tests. */
final class TestPedigrees {

    static final LinkageIndividual.Affection AFF = LinkageIndividual.Affection.AFFECTED;
    static final LinkageIndividual.Affection UNAFF = LinkageIndividual.Affection.UNAFFECTED;
    static final LinkageIndividual.Affection UNKNOWN = LinkageIndividual.Affection.UNKNOWN;

    /** A pedigree plus one marker's ALT dosages (sample order = ids). */
    record Family(LinkagePedigree pedigree, List<String> samples, byte[] dosages) {
        MarkerGenotypes marker(String name, double infoAf) {
            return new MarkerGenotypes(name, dosages, infoAf);
        }
    }

    private TestPedigrees() {
    }

    static LinkageIndividual person(String fid, String id, String father, String mother, int sex,
                                    LinkageIndividual.Affection aff) {
        return new LinkageIndividual(fid, id, father, mother,
                sex == 1 ? LinkageIndividual.Sex.MALE : LinkageIndividual.Sex.FEMALE, aff);
    }

    /**
     * The textbook dominant family: affected father (heterozygous 1/2, REF/ALT) × unaffected 2/2 spouse with
     * children of whom {@code nonRecombinant} received the father's disease allele together with allele 1 (REF) or
     * his normal allele with allele 2, and {@code recombinant} the other combinations. With {@code phaseKnown} the
     * father's parents are an affected 1/1 grandfather and an unaffected 2/2 grandmother (HK1, HK2); without, the
     * father is a founder (HK3, HK4).
     */
    static Family textbook(String fid, int nonRecombinant, int recombinant, boolean phaseKnown) {
        List<LinkageIndividual> people = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Byte> dos = new ArrayList<>();
        if (phaseKnown) {
            people.add(person(fid, "gf", null, null, 1, AFF));
            ids.add("gf");
            dos.add((byte) 0);
            people.add(person(fid, "gm", null, null, 2, UNAFF));
            ids.add("gm");
            dos.add((byte) 2);
        }
        people.add(person(fid, "father", phaseKnown ? "gf" : null, phaseKnown ? "gm" : null, 1, AFF));
        ids.add("father");
        dos.add((byte) 1);
        people.add(person(fid, "spouse", null, null, 2, UNAFF));
        ids.add("spouse");
        dos.add((byte) 2);
        for (int i = 0; i < nonRecombinant + recombinant; i++) {
            boolean affected = i % 2 == 0;
            boolean recomb = i >= nonRecombinant;
            // non-recombinant: affected children carry REF from the father (dosage 1), unaffected ALT (dosage 2)
            byte d = (byte) (affected != recomb ? 1 : 2);
            String id = "child" + (i + 1);
            people.add(person(fid, id, "father", "spouse", i % 2 == 0 ? 1 : 2, affected ? AFF : UNAFF));
            ids.add(id);
            dos.add(d);
        }
        byte[] arr = new byte[dos.size()];
        for (int i = 0; i < arr.length; i++) {
            arr[i] = dos.get(i);
        }
        return new Family(new LinkagePedigree(people), ids, arr);
    }
}
