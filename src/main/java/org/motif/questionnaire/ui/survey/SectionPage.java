package org.motif.questionnaire.ui.survey;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.motif.base.Problem;
import org.motif.base.ValidationException;
import org.motif.questionnaire.InstrumentDefinition;
import org.motif.questionnaire.InstrumentDefinition.Item;
import org.motif.questionnaire.InstrumentTexts;
import org.motif.questionnaire.survey.SurveyFlow;
import org.motif.questionnaire.survey.SurveyStep;

/**
 * One section of one instrument: its items, with {@code showIf} applied live as answers change,
 * each answer handed to {@code save} as soon as it is given, errors shown next to their item.
 */
final class SectionPage extends Div {
    private final SurveyFlow flow;
    private final SurveyStep step;
    private final Map<String, Object> answers;
    private final List<ItemField> fields = new ArrayList<>();
    private final Span saved = new Span();
    private final String language;

    /** @param save stores one answer (null clears it); throws ValidationException when it does not fit */
    SectionPage(SurveyFlow flow, SurveyStep step, InstrumentTexts texts, Map<String, Object> answers, String language,
                BiConsumer<String, Object> save) {
        this.flow = flow;
        this.step = step;
        this.answers = answers;
        this.language = language;
        addClassName("survey-section");
        InstrumentDefinition d = flow.instrument(step.instrumentId());
        add(new H2(texts.title()));
        var section = SurveyFlow.sections(d).get(step.section());
        if (step.section() == 0 && texts.instructions() != null) add(new Paragraph(texts.instructions()));
        if (SurveyFlow.sections(d).size() > 1 && section.title() != null && !section.title().isEmpty()) {
            var sub = new Paragraph(section.title().getOrDefault(language, section.title().get("en")));
            sub.addClassName("survey-section-title");
            add(sub);
        }
        for (Item item : flow.items(step)) {
            ItemField field = new ItemField(item, texts, language, (f, value) -> {
                try {
                    save.accept(f.item().id(), value);
                    f.setError(null);
                    if (value == null) answers.remove(f.item().id());
                    else answers.put(f.item().id(), value);
                    saved.setText("✓ " + SurveyI18n.t("saved", language));
                    applyVisibility();
                } catch (ValidationException e) {
                    f.setError(e.problems().isEmpty() ? e.getMessage() : e.problems().get(0).message());
                    saved.setText("");
                }
            });
            field.show(answers.get(item.id()));
            fields.add(field);
            add(field.component());
        }
        saved.addClassName("survey-saved");
        saved.getElement().setAttribute("aria-live", "polite");
        add(saved);
        applyVisibility();
    }

    /** Shows exactly the items whose {@code showIf} holds for the answers so far. */
    private void applyVisibility() {
        for (ItemField f : fields) f.component().setVisible(flow.visible(step.instrumentId(), f.item(), answers));
    }

    /**
     * Marks required items that are shown and unanswered; returns whether the page may be left forward.
     */
    boolean checkRequired() {
        boolean ok = true;
        for (ItemField f : fields) {
            if (f.component().isVisible() && f.item().required() && answers.get(f.item().id()) == null) {
                f.setError(SurveyI18n.t("required", language));
                if (ok) f.component().getElement().callJsFunction("focus");
                ok = false;
            }
        }
        return ok;
    }

    /** Shows problems the service found at submit next to their items. */
    void showProblems(List<Problem> problems) {
        for (Problem p : problems) {
            fields.stream().filter(f -> f.item().id().equals(p.field())).forEach(f -> f.setError(p.message()));
        }
    }
}
