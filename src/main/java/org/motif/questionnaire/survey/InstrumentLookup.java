package org.motif.questionnaire.survey;

import org.motif.questionnaire.InstrumentDefinition;
import org.motif.questionnaire.InstrumentTexts;

/** What the survey needs of the instrument library: definitions by version, and texts per language. */
public interface InstrumentLookup {
    /** The definition of this exact version; throws NotFoundException naming id and version. */
    InstrumentDefinition definition(String instrumentId, String version);

    /** The current (newest loaded) version; throws NotFoundException naming the id. */
    InstrumentDefinition current(String instrumentId);

    /** Texts in {@code language} (en, de), from the definition or the study's text pack. */
    InstrumentTexts texts(InstrumentDefinition definition, String language);
}
