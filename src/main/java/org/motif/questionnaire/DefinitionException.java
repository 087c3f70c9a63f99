package org.motif.questionnaire;

import java.util.List;
import java.util.stream.Collectors;
import org.motif.base.Problem;
import org.motif.base.ValidationException;

/**
 * A definition or text-pack file that cannot be used. The message names the file, and for each fault
 * its line and field, e.g. {@code gad7.yaml line 14, field items[2].type: unknown item type 'radio'; use one of …}.
 */
public class DefinitionException extends ValidationException {
    private final String fileName;

    public DefinitionException(String fileName, List<Problem> problems) {
        super(describe(fileName, problems), problems);
        this.fileName = fileName;
    }

    /** The file (name only, e.g. {@code gad7.yaml}) the problems are in. */
    public String fileName() {
        return fileName;
    }

    private static String describe(String fileName, List<Problem> problems) {
        return "Instrument definition " + fileName + " has " + (problems.size() == 1 ? "an error" : problems.size() + " errors") + ":\n"
                + problems.stream().map(p -> "  " + fileName + (p.line() != null ? " line " + p.line() : "")
                + (p.field() != null ? ", field " + p.field() : "") + ": " + p.message()).collect(Collectors.joining("\n"));
    }
}
