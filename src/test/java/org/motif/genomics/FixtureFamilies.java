package org.motif.genomics;

import static org.motif.db.Tables.FAMILY;
import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.PHENOTYPE_RECORD;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;

/** Inserts the families, participants and affection of fixture-family.ped (once), as the pedigree services would. */
public final class FixtureFamilies {
    private FixtureFamilies() {
    }

    public static void insert(DSLContext db) throws IOException {
        if (db.fetchExists(FAMILY, FAMILY.FAMILY_ID.eq("FAM01"))) return;
        List<String[]> ped = Files.readAllLines(Fixtures.file("fixture-family.ped")).stream()
                .filter(l -> !l.isBlank()).map(l -> l.trim().split("\\s+")).toList();
        Map<String, Long> families = new HashMap<>();
        Map<String, Long> people = new HashMap<>();
        for (String[] f : ped) {
            long fam = families.computeIfAbsent(f[0], id -> db.insertInto(FAMILY).set(FAMILY.FAMILY_ID, id)
                    .returning(FAMILY.ID).fetchOne().getId());
            long pk = db.insertInto(PARTICIPANT).set(PARTICIPANT.PARTICIPANT_ID, f[1]).set(PARTICIPANT.FAMILY_PK, fam)
                    .set(PARTICIPANT.SEX, f[4].equals("1") ? "male" : f[4].equals("2") ? "female" : "unknown")
                    .returning(PARTICIPANT.ID).fetchOne().getId();
            people.put(f[1], pk);
            if (!f[5].equals("0")) {
                db.insertInto(PHENOTYPE_RECORD).set(PHENOTYPE_RECORD.PARTICIPANT_PK, pk).set(PHENOTYPE_RECORD.RECORDED_ON, LocalDate.of(2026, 1, 1))
                        .set(PHENOTYPE_RECORD.AFFECTION, f[5].equals("2") ? "affected" : "unaffected").set(PHENOTYPE_RECORD.CREATED_BY, "test").execute();
            }
        }
        for (String[] f : ped) {
            db.update(PARTICIPANT).set(PARTICIPANT.FATHER_PK, people.get(f[2])).set(PARTICIPANT.MOTHER_PK, people.get(f[3]))
                    .where(PARTICIPANT.ID.eq(people.get(f[1]))).execute();
        }
    }
}
