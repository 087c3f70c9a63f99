package org.motif.export;

/**
 * One row of the data dictionary sheet (REDCap-like). Null fields are written as empty cells.
 *
 * @param variable   the column name as it appears in its sheet
 * @param sheet      the sheet title
 * @param instrument the instrument id, or null for non-questionnaire columns
 * @param label      the label in the export's language
 * @param type       the answer/cell type (e.g. single-choice, integer, date)
 * @param codes      "code, label | code, label" for choices (REDCap's notation), or null
 * @param units      the unit, or null
 * @param range      "min–max", or null
 * @param notes      scoring and de-identification notes, or null
 */
public record DictionaryRow(String variable, String sheet, String instrument, String label, String type, String codes,
                            String units, String range, String notes) {
}
