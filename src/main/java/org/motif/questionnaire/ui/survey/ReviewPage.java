package org.motif.questionnaire.ui.survey;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.motif.base.ValidationException;
import org.motif.questionnaire.InstrumentDefinition;
import org.motif.questionnaire.InstrumentDefinition.Item;
import org.motif.questionnaire.InstrumentService;
import org.motif.questionnaire.survey.Survey;
import org.motif.questionnaire.survey.SurveyFlow;

/** Before submitting: how much of each questionnaire is answered, and which required questions are missing. */
final class ReviewPage extends Div {

    ReviewPage(Survey survey, InstrumentService instruments, String language, Runnable back, Runnable submit) {
        addClassName("survey-review");
        add(new H2(SurveyI18n.t("review.title", language)));
        var answers = survey.answers();
        var list = new UnorderedList();
        for (InstrumentDefinition d : survey.flow().instruments()) {
            var one = new SurveyFlow(List.of(d));
            List<Item> shown = d.items().stream().filter(i -> one.visible(d.id(), i, answers)).toList();
            long answered = shown.stream().filter(i -> answers.get(i.id()) != null).count();
            list.add(new ListItem(SurveyI18n.t("review.answered", language, instruments.texts(d, language).title(), answered, shown.size())));
        }
        add(list);
        List<String> missing = survey.flow().missingRequired(answers);
        var message = new Paragraph();
        if (missing.isEmpty()) {
            message.setText(SurveyI18n.t("review.ready", language));
        } else {
            message.setText(SurveyI18n.t("review.missing", language) + " " + String.join(", ", missing.stream().map(id -> label(survey, instruments, id, language)).toList()));
            message.addClassName("survey-missing");
        }
        add(message);
        var backButton = new Button(SurveyI18n.t("back", language), e -> back.run());
        backButton.setId("survey-back");
        var submitButton = new Button(SurveyI18n.t("submit", language), e -> {
            try {
                submit.run();
            } catch (ValidationException ex) {
                message.setText(SurveyI18n.t("review.missing", language) + " "
                        + String.join(", ", ex.problems().stream().map(p -> label(survey, instruments, p.field(), language)).toList()));
                message.addClassName("survey-missing");
            }
        });
        submitButton.setId("survey-submit");
        submitButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submitButton.setEnabled(missing.isEmpty());
        var nav = new Div(backButton, submitButton);
        nav.addClassName("survey-nav");
        add(nav);
    }

    /** "GAD-7, question 3" style label of an item for the missing list. */
    private static String label(Survey survey, InstrumentService instruments, String itemId, String language) {
        for (InstrumentDefinition d : survey.flow().instruments()) {
            int index = d.items().stream().map(Item::id).toList().indexOf(itemId);
            if (index >= 0) return d.shortName() + (("de".equals(language)) ? ", Frage " : ", question ") + (index + 1);
        }
        return itemId;
    }
}
