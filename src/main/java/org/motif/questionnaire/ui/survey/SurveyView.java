package org.motif.questionnaire.ui.survey;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;
import java.util.Optional;
import org.motif.questionnaire.InstrumentService;
import org.motif.questionnaire.survey.BadTokenThrottle;
import org.motif.questionnaire.survey.ConsentTexts;
import org.motif.questionnaire.survey.Survey;
import org.motif.questionnaire.survey.SurveyService;
import org.motif.questionnaire.survey.SurveyStep;
import org.springframework.beans.factory.annotation.Value;

/**
 * The participant's survey at {@code /survey/{token}}: no sign-in, the personal link is the key.
 * Landing, e-consent, one page per instrument section, review, thank-you; every answer is saved when
 * given and the link reopens on the page last shown. Element ids follow DESIGN.md.
 */
@Route(value = "survey/:token", autoLayout = false)
@AnonymousAllowed
public class SurveyView extends Div implements BeforeEnterObserver, HasDynamicTitle {
    private final SurveyService surveys;
    private final InstrumentService instruments;
    private final ConsentTexts consentTexts;
    private final BadTokenThrottle throttle;
    private final String studyName;
    private final Div page = new Div();
    private final Div header = new Div();
    private String token;
    private Survey survey;
    private String language = "en";

    public SurveyView(SurveyService surveys, InstrumentService instruments, ConsentTexts consentTexts, BadTokenThrottle throttle,
                      @Value("${motif.study-name:Motif study of musician's dystonia}") String studyName) {
        this.surveys = surveys;
        this.instruments = instruments;
        this.consentTexts = consentTexts;
        this.throttle = throttle;
        this.studyName = studyName;
        addClassName("survey");
        header.addClassName("survey-header");
        page.addClassName("survey-page");
        add(header, page);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        String client = VaadinRequest.getCurrent() == null ? "unknown" : VaadinRequest.getCurrent().getRemoteAddr();
        pause(throttle.delayFor(client).toMillis());
        Optional<Survey> opened = surveys.open(token);
        if (opened.isEmpty()) throttle.recordFailure(client);
        survey = opened.orElse(null);
        language = survey != null && survey.language() != null ? survey.language() : browserLanguage();
        render();
    }

    @Override
    public String getPageTitle() {
        return studyName;
    }

    void render() {
        header.removeAll();
        page.removeAll();
        var title = new Span(studyName);
        title.addClassName("survey-study");
        header.add(title);
        languageSelect();
        if (survey == null) {
            page.add(endPage("survey-invalid", "invalid", "invalid.more"));
            return;
        }
        switch (survey.status()) {
            case COMPLETED -> page.add(endPage("survey-complete", "complete", "complete.more"), consentDownload());
            case EXPIRED -> page.add(endPage("survey-invalid", "expired", "expired.more"));
            default -> renderStep(survey.step().kind() == SurveyStep.Kind.SECTION && !survey.consented() ? SurveyStep.CONSENT : survey.step());
        }
    }

    private void renderStep(SurveyStep step) {
        var steps = survey.flow().steps();
        var progress = new ProgressBar(0, steps.size() - 1, Math.max(0, steps.indexOf(step)));
        progress.setId("survey-progress");
        progress.getElement().setAttribute("aria-label", SurveyI18n.t("progress", language, steps.indexOf(step) + 1, steps.size()));
        page.add(progress);
        switch (step.kind()) {
            case LANDING -> page.add(new LandingPage(survey, language, () -> go(survey.consented() ? survey.flow().next(SurveyStep.CONSENT, survey.answers()) : SurveyStep.CONSENT)));
            case CONSENT -> page.add(new ConsentPage(survey, consentTexts.current(language), language, token, surveys,
                    s -> {
                        survey = s;
                        go(survey.flow().next(SurveyStep.CONSENT, survey.answers()));
                    }, this::consentDownload));
            case SECTION -> {
                var def = survey.flow().instrument(step.instrumentId());
                var section = new SectionPage(survey.flow(), step, instruments.texts(def, language), survey.answers(), language,
                        (itemId, value) -> surveys.saveAnswer(token, itemId, value));
                page.add(section, navigation(step, () -> section.checkRequired()));
            }
            case REVIEW -> page.add(new ReviewPage(survey, instruments, language, () -> go(survey.flow().previous(SurveyStep.REVIEW, survey.answers())), () -> {
                survey = surveys.submit(token);
                render();
            }));
            case COMPLETE -> render();
        }
    }

    private Div navigation(SurveyStep step, java.util.function.BooleanSupplier mayLeave) {
        var back = new Button(SurveyI18n.t("back", language), e -> go(survey.flow().previous(step, survey.answers())));
        back.setId("survey-back");
        var next = new Button(SurveyI18n.t("next", language), e -> {
            if (mayLeave.getAsBoolean()) go(survey.flow().next(step, survey.answers()));
        });
        next.setId("survey-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var nav = new Div(back, next);
        nav.addClassName("survey-nav");
        return nav;
    }

    /** Moves to a page: remembered on the server, then shown with the answers as stored now. */
    private void go(SurveyStep step) {
        surveys.moveTo(token, step, language);
        survey = surveys.open(token).orElse(null);
        render();
        getElement().executeJs("window.scrollTo(0, 0)");
    }

    private Component endPage(String id, String titleKey, String moreKey) {
        var box = new Div(new H2(SurveyI18n.t(titleKey, language)), new Paragraph(SurveyI18n.t(moreKey, language)));
        box.setId(id);
        box.addClassName("survey-end");
        return box;
    }

    private Component consentDownload() {
        return ConsentPage.downloadLink(surveys, token, language);
    }

    private void languageSelect() {
        // a native <select> with values en/de: accessible, phone-friendly, easy to automate
        Element select = new Element("select");
        select.setAttribute("id", "survey-language");
        select.setAttribute("aria-label", SurveyI18n.t("language", language));
        for (String[] option : new String[][]{{"en", "English"}, {"de", "Deutsch"}}) {
            Element o = new Element("option").setAttribute("value", option[0]).setText(option[1]);
            if (option[0].equals(language)) o.setAttribute("selected", true);
            select.appendChild(o);
        }
        select.addEventListener("change", e -> {
            language = "de".equals(e.getEventData().getString("event.target.value")) ? "de" : "en";
            if (survey != null && survey.status().code().matches("not_started|in_progress")) surveys.moveTo(token, currentStep(), language);
            render();
        }).addEventData("event.target.value");
        header.getElement().appendChild(select);
    }

    private SurveyStep currentStep() {
        return survey.step().kind() == SurveyStep.Kind.SECTION && !survey.consented() ? SurveyStep.CONSENT : survey.step();
    }

    private String browserLanguage() {
        Locale locale = getLocale();
        return locale != null && "de".equals(locale.getLanguage()) ? "de" : "en";
    }

    private static void pause(long millis) {
        if (millis <= 0) return;
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
