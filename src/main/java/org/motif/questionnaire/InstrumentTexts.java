package org.motif.questionnaire;

import java.util.Map;
import org.motif.questionnaire.InstrumentDefinition.Item;
import org.motif.questionnaire.InstrumentDefinition.ResponseOption;

/**
 * The texts a participant sees for one instrument in one language: the definition's own texts, or
 * for licensed instruments those of the text pack, or a clear placeholder when no pack is installed
 * ("Item 9 of the FMPS — licensed text not installed").
 *
 * @param pack the text pack for this language, or null
 */
public record InstrumentTexts(InstrumentDefinition definition, String language, TextPack pack) {

    public String title() {
        if (pack != null && pack.title() != null) return pack.title();
        return pick(definition.title());
    }

    /** Instructions, or null when there are none. */
    public String instructions() {
        if (pack != null && pack.instructions() != null) return pack.instructions();
        return definition.instructions() == null || definition.instructions().isEmpty() ? null : pick(definition.instructions());
    }

    public String item(Item item) {
        if (item.text() != null && !item.text().isEmpty()) return pick(item.text());
        if (pack != null && pack.items().containsKey(item.id())) return pack.items().get(item.id());
        String number = item.id().substring(definition.id().length() + 1);
        return "de".equals(language)
                ? "Item " + number + " des " + definition.shortName() + " — lizenzierter Text nicht installiert"
                : "Item " + number + " of the " + definition.shortName() + " — licensed text not installed";
    }

    /** An option's label; for licensed sets without a pack, the value itself. */
    public String option(String responseSetId, ResponseOption option) {
        if (option.label() != null && !option.label().isEmpty()) return pick(option.label());
        if (pack != null) {
            Map<Integer, String> labels = pack.options().get(responseSetId);
            if (labels != null && labels.containsKey(option.value())) return labels.get(option.value());
        }
        return String.valueOf(option.value());
    }

    /** Whether every item text is available (own texts or an installed pack). */
    public boolean complete() {
        return definition.items().stream().allMatch(i -> (i.text() != null && !i.text().isEmpty()) || (pack != null && pack.items().containsKey(i.id())));
    }

    private String pick(Map<String, String> texts) {
        String t = texts.get(language);
        return t != null ? t : texts.getOrDefault("en", "");
    }
}
