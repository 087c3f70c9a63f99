package org.motif.questionnaire.redcap;

import java.util.List;
import org.motif.base.Problem;
import org.motif.questionnaire.LoadedDefinition;

/**
 * The result of importing a REDCap data dictionary.
 *
 * @param yaml        the definition file text (questionnaires/README.md format), ready to review and commit
 * @param definition  the same definition, validated by the loader
 * @param unsupported what could not be carried over, one problem per dictionary row (line) and field
 *                    (variable name): skipped fields, dropped validations, branching logic, annotations, renames
 */
public record RedcapImport(String yaml, LoadedDefinition definition, List<Problem> unsupported) {
}
