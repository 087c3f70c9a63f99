package org.motif.questionnaire;

import java.util.List;
import java.util.Optional;

/** The scores of one set of answers under one instrument version, scales first, then the total. */
public record ScoreResult(String instrument, String version, List<ScaleScore> scales) {
    public Optional<ScaleScore> scale(String id) {
        return scales.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
