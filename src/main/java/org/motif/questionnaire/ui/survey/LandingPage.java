package org.motif.questionnaire.ui.survey;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.motif.questionnaire.survey.Survey;

/** What the study is about, how long it takes, and that answers are saved as one goes. */
final class LandingPage extends Div {
    /** About 8 seconds per question, as measured on GAD-7-like items; rounded up to whole minutes. */
    private static final int SECONDS_PER_ITEM = 8;

    LandingPage(Survey survey, String language, Runnable start) {
        addClassName("survey-landing");
        int instruments = survey.flow().instruments().size();
        int items = survey.flow().instruments().stream().mapToInt(d -> d.items().size()).sum();
        int minutes = Math.max(1, (items * SECONDS_PER_ITEM + 59) / 60);
        add(new H1("de".equals(language) ? "Willkommen" : "Welcome"));
        add(new Paragraph(SurveyI18n.t("landing.intro", language)));
        add(new Paragraph(SurveyI18n.t("landing.duration", language, instruments, items, minutes)));
        add(new Paragraph(SurveyI18n.t("landing.autosave", language)));
        if (survey.dueDate() != null) {
            var format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language));
            add(new Paragraph(SurveyI18n.t("landing.due", language, format.format(survey.dueDate()))));
        }
        var next = new Button(SurveyI18n.t("start", language), e -> start.run());
        next.setId("survey-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        var nav = new Div(next);
        nav.addClassName("survey-nav");
        add(nav);
    }
}
