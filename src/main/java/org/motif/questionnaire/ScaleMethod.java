package org.motif.questionnaire;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a scale combines its (reverse-keyed where marked) item values. */
public enum ScaleMethod {
    SUM, MEAN;

    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
