package org.motif.questionnaire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current version of every instrument and the installed text packs, validated as a whole: one bad
 * file makes the whole library unusable (the application refuses to start rather than serve half an
 * instrument). Plain Java; the service reads the files and hands them in.
 */
public final class InstrumentLibrary {
    /** A file's name and text. */
    public record SourceFile(String name, String text) {
    }

    private final Map<String, LoadedDefinition> definitions;
    private final Map<String, TextPack> packs;

    private InstrumentLibrary(Map<String, LoadedDefinition> definitions, Map<String, TextPack> packs) {
        this.definitions = definitions;
        this.packs = packs;
    }

    /**
     * Validates every definition file, then every text pack against its definition.
     *
     * @param definitionFiles {@code <id>.yaml} files
     * @param textPackFiles   {@code <id>.<lang>.yaml} files (may be empty)
     * @throws InstrumentLibraryException listing every file's problems with line and field
     */
    public static InstrumentLibrary load(List<SourceFile> definitionFiles, List<SourceFile> textPackFiles) {
        List<DefinitionException> errors = new ArrayList<>();
        Map<String, LoadedDefinition> defs = new LinkedHashMap<>();
        for (SourceFile f : definitionFiles) {
            try {
                LoadedDefinition d = DefinitionLoader.load(f.name(), f.text());
                defs.put(d.definition().id(), d);
            } catch (DefinitionException e) {
                errors.add(e);
            }
        }
        Map<String, TextPack> packs = new LinkedHashMap<>();
        for (SourceFile f : textPackFiles) {
            String instrumentId = f.name().split("\\.")[0];
            LoadedDefinition d = defs.get(instrumentId);
            if (d == null) {
                if (errors.stream().noneMatch(e -> e.fileName().equals(instrumentId + ".yaml"))) {
                    errors.add(new DefinitionException(f.name(), List.of(org.motif.base.Problem.of(
                            "no instrument '" + instrumentId + "' is defined; a text pack is named <instrumentId>.<lang>.yaml"))));
                }
                continue;
            }
            try {
                TextPack p = TextPack.load(f.name(), f.text(), d.definition());
                packs.put(p.instrumentId() + "." + p.language(), p);
            } catch (DefinitionException e) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) throw new InstrumentLibraryException(errors);
        return new InstrumentLibrary(Collections.unmodifiableMap(defs), Collections.unmodifiableMap(packs));
    }

    /** Current definitions in file order. */
    public List<LoadedDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    public Optional<LoadedDefinition> definition(String instrumentId) {
        return Optional.ofNullable(definitions.get(instrumentId));
    }

    /** The text pack of an instrument in a language, if installed. */
    public Optional<TextPack> pack(String instrumentId, String language) {
        return Optional.ofNullable(packs.get(instrumentId + "." + language));
    }
}
