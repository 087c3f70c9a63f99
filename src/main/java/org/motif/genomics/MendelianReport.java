package org.motif.genomics;

import java.util.Map;

/** {@code GET /api/v1/qc/mendelian}: total trio-site errors, per participant and per record (non-zero only). */
public record MendelianReport(long total, Map<String, Integer> perSample, Map<String, Integer> perVariant) {
}
