package org.motif.questionnaire;

import java.util.List;

/**
 * One line of the instrument list (API.md: GET /instruments).
 *
 * @param items          number of items
 * @param textsInstalled false for a licensed instrument whose text pack is not installed
 */
public record InstrumentSummary(String id, String version, String title, Licence licence, int items, List<String> scales,
                                boolean textsInstalled) {
}
