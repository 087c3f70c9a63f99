package org.motif.questionnaire.ui.survey;

import java.util.Map;

/** The survey's own words (buttons, messages) in English and German. Instrument texts come from the definitions. */
final class SurveyI18n {
    private static final Map<String, String[]> TEXTS = Map.ofEntries(
            Map.entry("start", new String[]{"Start", "Beginnen"}),
            Map.entry("next", new String[]{"Next", "Weiter"}),
            Map.entry("back", new String[]{"Back", "Zurück"}),
            Map.entry("submit", new String[]{"Submit answers", "Antworten absenden"}),
            Map.entry("language", new String[]{"Language", "Sprache"}),
            Map.entry("landing.intro", new String[]{
                    "Thank you for helping research into musician's dystonia. This study looks at perfectionism, anxiety and heredity in musicians and their families.",
                    "Vielen Dank, dass Sie die Forschung zur Musikerdystonie unterstützen. Die Studie untersucht Perfektionismus, Angst und Vererbung bei Musikerinnen, Musikern und ihren Familien."}),
            Map.entry("landing.duration", new String[]{"You are invited to answer %d questionnaire(s) with %d questions; this takes about %d minutes.",
                    "Sie sind eingeladen, %d Fragebogen/Fragebögen mit %d Fragen zu beantworten; das dauert etwa %d Minuten."}),
            Map.entry("landing.autosave", new String[]{"Your answers are saved as you go: you can stop at any time and continue later from the same link, on this or another device.",
                    "Ihre Antworten werden laufend gespeichert: Sie können jederzeit unterbrechen und später über denselben Link weitermachen, auf diesem oder einem anderen Gerät."}),
            Map.entry("landing.due", new String[]{"Please answer by %s.", "Bitte antworten Sie bis zum %s."}),
            Map.entry("consent.title", new String[]{"Consent", "Einwilligung"}),
            Map.entry("consent.name", new String[]{"Your full name", "Ihr vollständiger Name"}),
            Map.entry("consent.accept", new String[]{"I have read the information above and agree to take part.", "Ich habe die Information oben gelesen und stimme der Teilnahme zu."}),
            Map.entry("consent.agree", new String[]{"Agree and continue", "Zustimmen und weiter"}),
            Map.entry("consent.given", new String[]{"You gave your consent on %s.", "Sie haben am %s eingewilligt."}),
            Map.entry("consent.download", new String[]{"Download a copy of the consent", "Kopie der Einwilligung herunterladen"}),
            Map.entry("required", new String[]{"Please answer this question.", "Bitte beantworten Sie diese Frage."}),
            Map.entry("saved", new String[]{"Saved", "Gespeichert"}),
            Map.entry("yes", new String[]{"Yes", "Ja"}),
            Map.entry("no", new String[]{"No", "Nein"}),
            Map.entry("progress", new String[]{"Page %d of %d", "Seite %d von %d"}),
            Map.entry("review.title", new String[]{"Review and submit", "Überprüfen und absenden"}),
            Map.entry("review.answered", new String[]{"%s: %d of %d questions answered", "%s: %d von %d Fragen beantwortet"}),
            Map.entry("review.missing", new String[]{"These required questions are not answered yet; please go back and answer them:",
                    "Diese Pflichtfragen sind noch nicht beantwortet; bitte gehen Sie zurück und beantworten Sie sie:"}),
            Map.entry("review.ready", new String[]{"All required questions are answered. After submitting, answers can no longer be changed.",
                    "Alle Pflichtfragen sind beantwortet. Nach dem Absenden können die Antworten nicht mehr geändert werden."}),
            Map.entry("complete", new String[]{"Thank you! Your answers have been submitted.", "Danke! Ihre Antworten wurden übermittelt."}),
            Map.entry("complete.more", new String[]{"You can close this page now. The study team will be in touch if anything else is needed.",
                    "Sie können diese Seite jetzt schließen. Das Studienteam meldet sich, falls noch etwas benötigt wird."}),
            Map.entry("invalid", new String[]{"This link is not valid.", "Dieser Link ist nicht gültig."}),
            Map.entry("invalid.more", new String[]{"Please check that you copied the whole link from your invitation, or contact the study team for a new one.",
                    "Bitte prüfen Sie, ob Sie den ganzen Link aus Ihrer Einladung kopiert haben, oder bitten Sie das Studienteam um einen neuen."}),
            Map.entry("expired", new String[]{"This survey has closed.", "Diese Befragung ist abgeschlossen."}),
            Map.entry("expired.more", new String[]{"The answering period has ended. Please contact the study team if you would still like to take part.",
                    "Der Befragungszeitraum ist vorbei. Bitte wenden Sie sich an das Studienteam, wenn Sie noch teilnehmen möchten."}));

    private SurveyI18n() {
    }

    static String t(String key, String language) {
        String[] t = TEXTS.get(key);
        if (t == null) throw new IllegalArgumentException("no survey text " + key);
        return "de".equals(language) ? t[1] : t[0];
    }

    static String t(String key, String language, Object... args) {
        return String.format(t(key, language), args);
    }
}
