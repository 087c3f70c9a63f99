package org.motif.questionnaire.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.motif.questionnaire.InstrumentDefinition;
import org.motif.questionnaire.InstrumentDefinition.Item;
import org.motif.questionnaire.InstrumentDefinition.Section;
import org.motif.questionnaire.Scorer;

/**
 * The order of a participant's pages (plain Java): landing, consent, each section of each assigned
 * instrument in order, review. Sections whose items are all hidden by {@code showIf} are skipped.
 */
public final class SurveyFlow {
    private final List<InstrumentDefinition> instruments;

    /** @param instruments the assigned instruments, in the order they are to be answered */
    public SurveyFlow(List<InstrumentDefinition> instruments) {
        this.instruments = List.copyOf(instruments);
    }

    public List<InstrumentDefinition> instruments() {
        return instruments;
    }

    /** All pages in order, hidden sections included. */
    public List<SurveyStep> steps() {
        List<SurveyStep> steps = new ArrayList<>(List.of(SurveyStep.LANDING, SurveyStep.CONSENT));
        for (InstrumentDefinition d : instruments) {
            for (int s = 0; s < sections(d).size(); s++) steps.add(SurveyStep.section(d.id(), s));
        }
        steps.add(SurveyStep.REVIEW);
        return steps;
    }

    /** The sections of an instrument; an instrument without sections is one page of all its items. */
    public static List<Section> sections(InstrumentDefinition d) {
        if (d.sections() != null && !d.sections().isEmpty()) return d.sections();
        return List.of(new Section(d.id(), d.title(), d.items().stream().map(Item::id).toList()));
    }

    public InstrumentDefinition instrument(String instrumentId) {
        return instruments.stream().filter(d -> d.id().equals(instrumentId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("instrument " + instrumentId + " is not assigned"));
    }

    /** The items of a section page, in order, with their visibility under the given answers. */
    public List<Item> items(SurveyStep step) {
        InstrumentDefinition d = instrument(step.instrumentId());
        Section section = sections(d).get(step.section());
        return section.items().stream().map(id -> d.item(id).orElseThrow()).toList();
    }

    /** Whether an item is shown, given the answers so far (items without {@code showIf} always are). */
    public boolean visible(String instrumentId, Item item, Map<String, ?> answers) {
        return Scorer.visibleAnswers(instrument(instrumentId), answersWith(answers, item.id())).containsKey(item.id());
    }

    private static Map<String, Object> answersWith(Map<String, ?> answers, String itemId) {
        Map<String, Object> copy = new java.util.HashMap<>(answers);
        copy.putIfAbsent(itemId, Boolean.TRUE); // a marker value: visibleAnswers keeps it exactly when the item is shown
        return copy;
    }

    /** The next page after {@code step} that has at least one visible item (or review). */
    public SurveyStep next(SurveyStep step, Map<String, ?> answers) {
        List<SurveyStep> steps = steps();
        for (int i = steps.indexOf(step) + 1; i < steps.size(); i++) {
            if (shown(steps.get(i), answers)) return steps.get(i);
        }
        return SurveyStep.REVIEW;
    }

    /** The previous page with a visible item; from the first page, the consent page. */
    public SurveyStep previous(SurveyStep step, Map<String, ?> answers) {
        List<SurveyStep> steps = steps();
        for (int i = steps.indexOf(step) - 1; i >= 0; i--) {
            if (shown(steps.get(i), answers)) return steps.get(i);
        }
        return SurveyStep.LANDING;
    }

    private boolean shown(SurveyStep step, Map<String, ?> answers) {
        if (step.kind() != SurveyStep.Kind.SECTION) return true;
        return items(step).stream().anyMatch(i -> visible(step.instrumentId(), i, answers));
    }

    /** Shown items that are answered / shown items, over all assigned instruments (0 to 1). */
    public double fractionAnswered(Map<String, ?> answers) {
        int shown = 0;
        int answered = 0;
        for (InstrumentDefinition d : instruments) {
            for (Item item : d.items()) {
                if (!visible(d.id(), item, answers)) continue;
                shown++;
                if (answers.get(item.id()) != null) answered++;
            }
        }
        return shown == 0 ? 0 : (double) answered / shown;
    }

    /** Required items that are shown but not answered, over the assigned instruments. */
    public List<String> missingRequired(Map<String, ?> answers) {
        List<String> missing = new ArrayList<>();
        for (InstrumentDefinition d : instruments) {
            for (Item item : d.items()) {
                if (item.required() && visible(d.id(), item, answers) && answers.get(item.id()) == null) missing.add(item.id());
            }
        }
        return missing;
    }
}
