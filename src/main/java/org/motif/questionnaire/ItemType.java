package org.motif.questionnaire;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of answer an item takes and how the answer is represented: single choice, yes/no and
 * year as an integer; multiple choice as a list of option values; integer/decimal as numbers;
 * short/long text as strings; date as an ISO {@code yyyy-MM-dd} string. Yes/no answers are 1 (yes) and 0 (no).
 */
public enum ItemType {
    SINGLE_CHOICE("single-choice"), MULTIPLE_CHOICE("multiple-choice"), YES_NO("yes-no"), INTEGER("integer"),
    DECIMAL("decimal"), SHORT_TEXT("short-text"), LONG_TEXT("long-text"), DATE("date"), YEAR("year");

    private final String code;

    ItemType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Whether the answer is chosen from a response set. */
    public boolean hasResponseSet() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    /** Whether min/max (and for integer/decimal a unit) apply. */
    public boolean hasRange() {
        return this == INTEGER || this == DECIMAL || this == YEAR;
    }

    public static Optional<ItemType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(ItemType::code).toList());
    }
}
