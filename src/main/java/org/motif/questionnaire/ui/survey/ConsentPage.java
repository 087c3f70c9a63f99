package org.motif.questionnaire.ui.survey;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.motif.base.ValidationException;
import org.motif.questionnaire.survey.Survey;
import org.motif.questionnaire.survey.SurveyService;
import org.springframework.web.util.HtmlUtils;

/** The consent text, a typed full name and a checkbox; no consent, no questions. */
final class ConsentPage extends Div {

    ConsentPage(Survey survey, String markdown, String language, String token, SurveyService surveys, Consumer<Survey> onConsent,
                Supplier<Component> download) {
        addClassName("survey-consent");
        add(new Html("<div class=\"survey-consent-text\">" + render(markdown) + "</div>"));
        if (survey.consented()) {
            add(new Paragraph(SurveyI18n.t("consent.given", language, DateTimeFormatter.ISO_LOCAL_DATE.format(survey.consentedAt()))), download.get());
            var next = new Button(SurveyI18n.t("next", language), e -> onConsent.accept(survey));
            next.setId("survey-next");
            next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(nav(next));
            return;
        }
        var name = new TextField(SurveyI18n.t("consent.name", language));
        name.setId("consent-name");
        name.setWidthFull();
        name.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NAME);
        var accept = new Checkbox(SurveyI18n.t("consent.accept", language));
        accept.setId("consent-accept");
        var next = new Button(SurveyI18n.t("consent.agree", language), e -> {
            try {
                onConsent.accept(surveys.consent(token, name.getValue(), accept.getValue(), language));
            } catch (ValidationException ex) {
                for (var p : ex.problems()) {
                    if ("consent-name".equals(p.field())) {
                        name.setInvalid(true);
                        name.setErrorMessage("de".equals(language) ? "Bitte geben Sie Ihren vollständigen Namen ein." : p.message());
                    } else {
                        accept.getElement().setAttribute("invalid", true);
                        accept.setErrorMessage("de".equals(language) ? "Bitte setzen Sie das Häkchen, um zuzustimmen." : p.message());
                        accept.setInvalid(true);
                    }
                }
            }
        });
        next.setId("survey-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(name, accept, nav(next));
    }

    private static Div nav(Button next) {
        var nav = new Div(next);
        nav.addClassName("survey-nav");
        return nav;
    }

    /** A link that downloads what the participant agreed to (Markdown text with name, time and version). */
    static Component downloadLink(SurveyService surveys, String token, String language) {
        DownloadHandler handler = event -> {
            byte[] copy = surveys.consentCopy(token);
            event.getResponse().setContentType("text/markdown; charset=UTF-8");
            event.getResponse().setHeader("Content-Disposition", "attachment; filename=\"consent-copy.md\"");
            event.getOutputStream().write(copy);
        };
        var link = new Anchor(handler, SurveyI18n.t("consent.download", language));
        link.setId("consent-download");
        link.getElement().setAttribute("download", true);
        return link;
    }

    /** The consent files use a small Markdown subset: '# ' headings, '**bold**', blank-line paragraphs. */
    static String render(String markdown) {
        StringBuilder html = new StringBuilder();
        for (String block : markdown.strip().split("\\n\\s*\\n")) {
            String text = HtmlUtils.htmlEscape(block.strip().replace('\n', ' '));
            text = text.replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>");
            if (text.startsWith("# ")) html.append("<h2>").append(text.substring(2)).append("</h2>");
            else html.append("<p>").append(text).append("</p>");
        }
        return html.toString();
    }
}
