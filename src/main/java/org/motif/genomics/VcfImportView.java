package org.motif.genomics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The job object of {@code GET /api/v1/vcf-imports/{id}} (API.md), plus when/who for the screens. */
public record VcfImportView(String id, String status, double progress, String fileName, long records, long variants,
                            int samples, int matchedSamples, List<String> unmatchedVcfSamples, List<String> unmatchedParticipants,
                            Map<String, Integer> skipped, List<SkippedExample> skippedExamples, String error,
                            String referenceBuild, String createdBy, OffsetDateTime createdAt) {
    public record SkippedExample(int line, String reason) {
    }
}
