package org.motif.export;

/**
 * One column of a sheet.
 *
 * @param name the header (API.md "Export" column names)
 * @param type how values are written
 */
public record Column(String name, CellType type) {
    public static Column text(String name) {
        return new Column(name, CellType.TEXT);
    }

    public static Column integer(String name) {
        return new Column(name, CellType.INTEGER);
    }

    public static Column decimal(String name) {
        return new Column(name, CellType.DECIMAL);
    }

    public static Column date(String name) {
        return new Column(name, CellType.DATE);
    }

    public static Column bool(String name) {
        return new Column(name, CellType.BOOLEAN);
    }
}
