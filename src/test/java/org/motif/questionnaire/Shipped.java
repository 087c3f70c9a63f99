package org.motif.questionnaire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The definitions shipped in {@code questionnaires/}, loaded for tests. */
final class Shipped {
    static final Path DIR = Path.of("questionnaires");
    static final List<String> IDS = List.of("gad7", "fmps", "stai", "musical_background", "dystonia_history", "treatment_outcome", "family_history");

    private Shipped() {
    }

    static InstrumentDefinition load(String id) {
        return loaded(id).definition();
    }

    static LoadedDefinition loaded(String id) {
        try {
            return DefinitionLoader.load(id + ".yaml", Files.readString(DIR.resolve(id + ".yaml"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers {@code prefix_1..prefix_n} with the given values (null = unanswered). */
    static Map<String, Object> answers(String prefix, Integer... values) {
        Map<String, Object> a = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) a.put(prefix + "_" + (i + 1), values[i]);
        }
        return a;
    }

    static Integer[] repeat(int value, int n) {
        Integer[] v = new Integer[n];
        java.util.Arrays.fill(v, value);
        return v;
    }
}
