package org.motif.linkage.run;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The job object of {@code GET /api/v1/linkage/runs/{id}} (API.md): status and progress, the parameters echoed
 * (model, thetas, alleleFrequencies, importId, filterSet), {@code variants} = variants scored (0 unless done),
 * {@code families} = the analysed families, and what was left out.
 */
public record LinkageRunView(String id, String status, double progress, String importId, Model model, List<Double> thetas,
                             String alleleFrequencies, String filterSet, long variants, long variantsTotal,
                             List<Family> families, Map<String, Object> selection, String softwareVersion, String error,
                             String createdBy, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    /** The disease model as posted, plus the preset id when the run used one. */
    public record Model(String preset, double diseaseAlleleFrequency, List<Double> penetrances) {
    }

    /**
     * One analysed family: {@code family} is the output label (FID or FID#k), {@code problem} why it cannot be
     * scored (a loop, named by its members) or null.
     */
    public record Family(String family, String familyId, int members, int genotyped, boolean analysable, String problem) {
    }
}
