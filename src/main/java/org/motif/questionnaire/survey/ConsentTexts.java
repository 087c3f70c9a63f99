package org.motif.questionnaire.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The versioned consent texts of {@code questionnaires/consent/consent-<version>.<lang>.md}. The
 * current version is {@value #CURRENT_VERSION}; a new text is a new file with a new version, so each
 * stored consent keeps pointing at exactly the text that was agreed to.
 */
@Component
public class ConsentTexts {
    public static final String CURRENT_VERSION = "1";
    public static final List<String> LANGUAGES = List.of("en", "de");

    /** The consent text (Markdown) of a version and language; throws if the file is missing. */
    public String text(String version, String language) {
        String path = "/questionnaires/consent/consent-" + version + "." + language + ".md";
        try (InputStream in = ConsentTexts.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("Consent text " + path + " is missing from the build.");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String current(String language) {
        return text(CURRENT_VERSION, LANGUAGES.contains(language) ? language : "en");
    }
}
