package org.motif.questionnaire;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken instrument file at start-up into a short report naming file, line and field, instead of a stack trace. */
class InstrumentFailureAnalyzer extends AbstractFailureAnalyzer<InstrumentLibraryException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InstrumentLibraryException cause) {
        return new FailureAnalysis("Motif refuses to start because instrument definitions are broken:\n" + cause.getMessage(),
                "Fix the files named above (see questionnaires/README.md for the format) and start again.", cause);
    }
}
