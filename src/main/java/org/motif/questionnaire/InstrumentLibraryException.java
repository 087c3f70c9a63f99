package org.motif.questionnaire;

import java.util.List;
import java.util.stream.Collectors;
import org.motif.base.MotifException;

/** One or more definition or text-pack files are broken, or a definition changed without a new version. */
public class InstrumentLibraryException extends MotifException {
    private final List<DefinitionException> files;

    public InstrumentLibraryException(List<DefinitionException> files) {
        super(files.stream().map(DefinitionException::getMessage).collect(Collectors.joining("\n")),
                files.stream().flatMap(f -> f.problems().stream()).toList());
        this.files = List.copyOf(files);
    }

    /** The faults, one exception per file. */
    public List<DefinitionException> files() {
        return files;
    }
}
