package org.motif.participant;

import java.util.List;
import org.motif.base.Problem;

/** What a PED import did: families and participants created / updated / unchanged, and the warnings. */
public record ImportReport(Counts families, Counts participants, List<Problem> warnings) {
    public record Counts(int created, int updated, int unchanged) {
    }
}
