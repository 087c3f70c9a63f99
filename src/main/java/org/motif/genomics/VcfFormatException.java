package org.motif.genomics;

import java.util.List;

import org.motif.base.Problem;
import org.motif.base.ValidationException;

/**
 * A VCF that cannot be imported: the message names the file, the 1-based line and the field, and
 * says how to fix it. Nothing of the file is stored when this is thrown during an import.
 */
public class VcfFormatException extends ValidationException {
    private final String fileName;
    private final Integer line;
    private final String field;

    /**
     * @param fileName the file's name as uploaded
     * @param line     1-based line number, or null when the fault is not on one line
     * @param field    VCF column or FORMAT/INFO key (POS, REF, GT...), or null
     * @param message  what is wrong and how to fix it
     */
    public VcfFormatException(String fileName, Integer line, String field, String message) {
        super(fileName + (line != null ? ", line " + line : "") + (field != null ? ", field " + field : "") + ": " + message,
                List.of(new Problem(line, field, message)));
        this.fileName = fileName;
        this.line = line;
        this.field = field;
    }

    public String fileName() {
        return fileName;
    }

    public Integer line() {
        return line;
    }

    public String field() {
        return field;
    }
}
