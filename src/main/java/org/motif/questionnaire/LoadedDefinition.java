package org.motif.questionnaire;

/**
 * A validated definition with where it came from.
 *
 * @param fileName    file name the definition was read from (e.g. {@code gad7.yaml})
 * @param source      the YAML text as read
 * @param contentHash SHA-256 (hex) of the parsed content, independent of comments and layout: a
 *                    different hash under the same {@code version} means the author forgot to bump it
 */
public record LoadedDefinition(InstrumentDefinition definition, String fileName, String source, String contentHash) {
}
