package org.motif.questionnaire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One instrument as defined in {@code questionnaires/<id>.yaml} (format: questionnaires/README.md).
 * Texts are maps from language ({@code en}, {@code de}) to text. Items of {@link Licence#LICENSED}
 * instruments carry no text; it comes from a text pack ({@link TextPack}).
 *
 * @param unverified languages whose translation has not been checked against a published version
 * @param total      the total over the scales that enter it, or null when the instrument has none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstrumentDefinition(String id, String version, String abbreviation, Map<String, String> title,
                                   Map<String, String> instructions, String citation, Licence licence, List<String> unverified,
                                   List<ResponseSet> responseSets, List<Item> items, List<Section> sections, List<Scale> scales,
                                   Total total) {

    /** The languages every study text must be given in. */
    public static final List<String> LANGUAGES = List.of("en", "de");

    public Optional<Item> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    public Optional<ResponseSet> responseSet(String setId) {
        return responseSets.stream().filter(r -> r.id().equals(setId)).findFirst();
    }

    /** Ids of every scale score the engine reports, in order: the scales, then the total. */
    @JsonIgnore
    public List<String> scaleIds() {
        var ids = new java.util.ArrayList<>(scales.stream().map(Scale::id).toList());
        if (total != null) ids.add(total.id());
        return List.copyOf(ids);
    }

    /** The short name used in placeholders ("Item 9 of the FMPS"). */
    @JsonIgnore
    public String shortName() {
        return abbreviation != null ? abbreviation : id.toUpperCase(java.util.Locale.ROOT);
    }

    /** A set of answer options shared by items. */
    public record ResponseSet(String id, List<ResponseOption> options) {
        /** Smallest option value (used for reverse keying: reversed = min + max − value). */
        @JsonIgnore
        public int min() {
            return options.stream().mapToInt(ResponseOption::value).min().orElse(0);
        }

        @JsonIgnore
        public int max() {
            return options.stream().mapToInt(ResponseOption::value).max().orElse(0);
        }

        public boolean hasValue(int value) {
            return options.stream().anyMatch(o -> o.value() == value);
        }
    }

    /** One option: the stored value and its label per language (empty for licensed labels). */
    public record ResponseOption(int value, Map<String, String> label) {
    }

    /**
     * One item.
     *
     * @param text        per language; empty for licensed instruments
     * @param responseSet id of the response set (single and multiple choice only), else null
     * @param showIf      condition over earlier answers (grammar in questionnaires/README.md), or null
     * @param min         smallest allowed value (integer, decimal, year), or null for no bound
     * @param max         largest allowed value, or null
     * @param unit        unit per language (integer, decimal), or null
     * @param unverified  languages of this item's text not checked against a published version
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Item(String id, ItemType type, Map<String, String> text, String responseSet, boolean required, String showIf,
                       Double min, Double max, Map<String, String> unit, List<String> unverified,
                       @JsonIgnore ShowIf condition) {
    }

    /** A page of the survey: a titled group of items shown together. */
    public record Section(String id, Map<String, String> title, List<String> items) {
    }

    /**
     * A scale.
     *
     * @param reverse     items scored reverse-keyed: min + max − value of the item's response set
     * @param minAnswered fewest answered items that still give a score (default: all items)
     * @param prorate     when fewer than all but at least minAnswered items are answered, a sum is
     *                    prorated: mean of the answered values × number of items (not rounded)
     * @param entersTotal whether this scale's score is summed into the instrument's total
     * @param bands       interpretation bands in increasing order; may be empty
     */
    public record Scale(String id, Map<String, String> title, List<String> items, List<String> reverse, ScaleMethod method,
                        int minAnswered, boolean prorate, boolean entersTotal, List<Band> bands) {
    }

    /** The sum of the scores of the scales with {@code entersTotal}; null when any of them is null. */
    public record Total(String id, Map<String, String> title, List<Band> bands) {
    }

    /** A score range with a label; a score belongs to the last band whose min ≤ score, if score ≤ its max. */
    public record Band(double min, double max, String label) {
    }
}
