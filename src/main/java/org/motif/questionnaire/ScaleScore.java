package org.motif.questionnaire;

/**
 * One scale's result.
 *
 * @param id       scale id (or the total's id)
 * @param score    the score, or null when fewer than the scale's minimum were answered (for a total:
 *                 when any scale it sums is null); prorated scores are not rounded
 * @param answered items of the scale that were answered (for a total: summed over its scales)
 * @param of       items in the scale (for a total: summed over its scales)
 * @param prorated whether the score was prorated (for a total: whether any of its scales was)
 * @param band     label of the band the score falls in, or null (no score, no bands, or outside them)
 */
public record ScaleScore(String id, Double score, int answered, int of, boolean prorated, String band) {
}
