package org.motif.questionnaire;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Terms under which an instrument's texts may be used; {@link #LICENSED} texts are never committed. */
public enum Licence {
    PUBLIC_DOMAIN("public-domain"), FREE_WITH_CITATION("free-with-citation"), LICENSED("licensed"), STUDY_OWN("study-own");

    private final String code;

    Licence(String code) {
        this.code = code;
    }

    /** The spelling used in definition files and the API. */
    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<Licence> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
