package org.motif.participant;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.motif.base.DemoContributor;
import org.motif.pedigree.Affection;
import org.motif.pedigree.Certainty;
import org.motif.pedigree.DystoniaType;
import org.motif.pedigree.PhenotypeDetail;
import org.motif.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Demo families: imports {@code genomics/demo-families.ped} and adds phenotype detail and a proband (idempotent). */
@Component
class PedigreeDemoData implements DemoContributor {
    private static final Logger log = LoggerFactory.getLogger(PedigreeDemoData.class);
    static final String FILE = "genomics/demo-families.ped";
    private final FamilyService families;
    private final ParticipantService participants;
    private final PhenotypeService phenotypes;

    PedigreeDemoData(FamilyService families, ParticipantService participants, PhenotypeService phenotypes) {
        this.families = families;
        this.participants = participants;
        this.phenotypes = phenotypes;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void load() {
        var file = DemoContributor.demoFile(FILE).orElse(null);
        if (file == null) {
            log.warn("No {} here or in the jar; the demo families are not loaded.", FILE);
            return;
        }
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("demo", null,
                AuthorityUtils.createAuthorityList(Role.authorities(List.of(Role.ADMIN)).toArray(String[]::new))));
        try {
            String ped = Files.readString(file);
            var inFile = ped.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\\s+")[0]).collect(java.util.stream.Collectors.toSet());
            var present = families.families().stream().map(f -> f.familyId()).collect(java.util.stream.Collectors.toSet());
            if (present.containsAll(inFile)) return; // loaded before (re-imports would only add phenotype details twice)
            var report = families.importPed(ped, false);
            log.info("Demo families imported: {}", report);
            detail("DEMO03_10", DystoniaType.MUSICIANS_FOCAL_HAND_DYSTONIA, "hand", "right", "piano", "fast passages", 34, Certainty.DEFINITE, true);
            detail("DEMO03_04", DystoniaType.WRITERS_CRAMP, "hand", "right", null, "writing", 52, Certainty.PROBABLE, false);
            detail("DEMO03_16", DystoniaType.EMBOUCHURE_DYSTONIA, "embouchure", null, "horn", "high register", 27, Certainty.DEFINITE, false);
            detail("DEMO04_03", DystoniaType.MUSICIANS_FOCAL_HAND_DYSTONIA, "hand", "left", "violin", "vibrato", 29, Certainty.DEFINITE, true);
            var gf = participants.get("DEMO03_01");
            var e = ParticipantEdit.of(gf);
            participants.update(new ParticipantEdit(e.id(), e.version(), e.sex(), 1931, false, e.role(), true, null, null));
        } catch (IOException e) {
            log.warn("Could not read {}: {}", FILE, e.getMessage());
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private void detail(String id, DystoniaType type, String region, String side, String instrument, String task, int onset, Certainty c,
                        boolean proband) {
        phenotypes.add(id, Affection.AFFECTED, new PhenotypeDetail(type, region, side, instrument, task, onset, c, null, List.of("HP:0002071"),
                "Demo examiner", LocalDate.now(), null));
        if (proband) {
            var e = ParticipantEdit.of(participants.get(id));
            participants.update(new ParticipantEdit(e.id(), e.version(), e.sex(), e.birthYear(), true, org.motif.pedigree.StudyRole.MUSICIAN,
                    e.deceased(), null, null));
        }
    }
}
