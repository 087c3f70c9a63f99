package org.motif.questionnaire.redcap;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV reader and writer: comma-separated, fields in double quotes may hold commas,
 * line breaks and doubled quotes; CRLF or LF line ends; a UTF-8 byte-order mark is skipped.
 */
public final class Csv {
    private Csv() {
    }

    /**
     * One record.
     *
     * @param line 1-based line of the file where the record starts
     */
    public record Row(int line, List<String> fields) {
        public String get(int i) {
            return i < fields.size() ? fields.get(i) : "";
        }
    }

    /** A quote that is never closed, or text after a closing quote. */
    public static final class CsvException extends Exception {
        private final int line;

        CsvException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * Reads every record; blank lines are skipped.
     *
     * @throws CsvException naming the line of a malformed quoted field
     */
    public static List<Row> read(String text) throws CsvException {
        List<Row> rows = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                if (i < n && text.charAt(i) == '"') {
                    int quoteLine = line;
                    i++;
                    while (true) {
                        if (i >= n) throw new CsvException(quoteLine, "a quoted field starting on line " + quoteLine + " is never closed; add the closing \"");
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                            } else {
                                i++;
                                break;
                            }
                        } else {
                            if (c == '\n') line++;
                            field.append(c);
                            i++;
                        }
                    }
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        throw new CsvException(line, "text after a closing quote; double the quotes inside a quoted field (\"\")");
                    }
                } else {
                    while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') field.append(text.charAt(i++));
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i >= n) {
                    endOfRecord = true;
                } else if (text.charAt(i) == ',') {
                    i++;
                } else {
                    if (text.charAt(i) == '\r') i++;
                    if (i < n && text.charAt(i) == '\n') i++;
                    line++;
                    endOfRecord = true;
                }
            }
            if (!(fields.size() == 1 && fields.get(0).isEmpty())) rows.add(new Row(start, List.copyOf(fields)));
        }
        return rows;
    }

    /** Writes records with CRLF line ends, quoting fields that need it. */
    public static String write(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int j = 0; j < row.size(); j++) {
                if (j > 0) out.append(',');
                String f = row.get(j) == null ? "" : row.get(j);
                if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                    out.append('"').append(f.replace("\"", "\"\"")).append('"');
                } else {
                    out.append(f);
                }
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
