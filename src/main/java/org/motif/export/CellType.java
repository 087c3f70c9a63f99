package org.motif.export;

/**
 * How a column's values are written: numbers as numeric cells, dates as date cells (yyyy-mm-dd),
 * timestamps as date-time cells (UTC), booleans as TRUE/FALSE cells, text as text. Missing values are empty cells.
 */
public enum CellType {
    TEXT("text"), INTEGER("integer"), DECIMAL("decimal"), DATE("date"), DATETIME("datetime"), BOOLEAN("boolean");

    private final String code;

    CellType(String code) {
        this.code = code;
    }

    /** The type as written in the data dictionary. */
    public String code() {
        return code;
    }
}
