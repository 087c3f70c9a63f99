package org.motif.questionnaire.redcap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.motif.base.Problem;
import org.motif.base.ValidationException;
import org.motif.questionnaire.DefinitionLoader;
import org.motif.questionnaire.InstrumentDefinition;
import org.motif.questionnaire.InstrumentDefinition.Item;
import org.motif.questionnaire.InstrumentDefinition.ResponseOption;
import org.motif.questionnaire.InstrumentDefinition.ResponseSet;
import org.motif.questionnaire.InstrumentDefinition.Section;
import org.motif.questionnaire.InstrumentTexts;
import org.motif.questionnaire.ItemType;
import org.motif.questionnaire.LoadedDefinition;
import org.motif.questionnaire.ShowIf;

/**
 * REDCap data dictionaries (the 18-column CSV of REDCap's Data Dictionary page) to and from Motif
 * instrument definitions. Field types: radio and dropdown → single-choice; checkbox → multiple-choice;
 * yesno and truefalse → yes-no; notes → long-text; text → short-text, or integer / decimal / date by its
 * validation (integer; number, number_1dp…; date_ymd, date_dmy, date_mdy), with min/max; a year is text
 * with integer validation and the annotation {@code @MOTIF-YEAR}. Choices are {@code 1, Label | 2, Label}
 * with whole-number codes; "y" in Required Field?; Section Header starts a section; Field Note is the unit
 * of a number. Branching logic in the common forms ({@code [field] = 'value'}, {@code <>}, {@code < <= > >=},
 * {@code and}/{@code or}, parentheses, checkboxes as {@code [field(code)] = '1'}) becomes {@code showIf}.
 * Everything else is reported by row, never silently dropped. Plain Java.
 */
public final class RedcapDictionary {
    /** REDCap's exact header texts, in order. */
    public static final List<String> HEADER = List.of("Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
            "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number", "Text Validation Min",
            "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)", "Required Field?", "Custom Alignment",
            "Question Number (surveys only)", "Matrix Group Name", "Matrix Ranking?", "Field Annotation");
    static final int VAR = 0, FORM = 1, SECTION = 2, TYPE = 3, LABEL = 4, CHOICES = 5, NOTE = 6, VALIDATION = 7, MIN = 8, MAX = 9,
            IDENTIFIER = 10, BRANCHING = 11, REQUIRED = 12, ALIGNMENT = 13, QUESTION_NUMBER = 14, MATRIX_GROUP = 15, MATRIX_RANKING = 16,
            ANNOTATION = 17;
    /** Marks a text field with integer validation as a Motif year item. */
    public static final String YEAR_ANNOTATION = "@MOTIF-YEAR";

    private RedcapDictionary() {
    }

    // ------------------------------------------------------------------ import

    /**
     * Imports one form of a data dictionary as a definition (version "1", licence study-own; the
     * labels become the English and the German text, German marked {@code unverified}).
     *
     * @param fileName the dictionary's file name, for messages
     * @param csv      the dictionary
     * @param form     the Form Name to import (it becomes the instrument id), or null when the
     *                 dictionary holds one form
     * @throws ValidationException naming line and field when the CSV is malformed, the header is not
     *                             REDCap's, the form is missing or ambiguous, or no field can be imported
     */
    public static RedcapImport importDictionary(String fileName, String csv, String form) {
        List<Csv.Row> rows;
        try {
            rows = Csv.read(csv);
        } catch (Csv.CsvException e) {
            throw new ValidationException(fileName + " line " + e.line() + ": " + e.getMessage(), List.of(new Problem(e.line(), null, e.getMessage())));
        }
        if (rows.isEmpty()) throw new ValidationException(fileName + " is empty; export the data dictionary from REDCap (Project Setup → Data Dictionary).");
        checkHeader(fileName, rows.get(0));
        List<Csv.Row> data = rows.subList(1, rows.size());
        Set<String> forms = data.stream().map(r -> r.get(FORM).trim()).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        if (form == null) {
            if (forms.size() != 1) {
                throw new ValidationException(fileName + " holds " + forms.size() + " forms (" + String.join(", ", forms) + "); name the form to import.");
            }
            form = forms.iterator().next();
        } else if (!forms.contains(form)) {
            throw new ValidationException(fileName + " has no form '" + form + "'; its forms are " + String.join(", ", forms) + ".");
        }
        if (!DefinitionLoader.ID.matcher(form).matches()) {
            throw new ValidationException("Form name '" + form + "' cannot be an instrument id; ids match [a-z][a-z0-9_]*. Rename the form in REDCap.");
        }
        return new Importer(fileName, form).run(data);
    }

    private static void checkHeader(String fileName, Csv.Row header) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < HEADER.size(); i++) {
            String got = header.get(i).trim();
            if (!got.equals(HEADER.get(i))) {
                problems.add(new Problem(header.line(), "column " + (i + 1), "expected header '" + HEADER.get(i) + "', found '" + got + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(fileName + " line 1 is not a REDCap data dictionary header: " + problems.get(0).message()
                    + "; download the dictionary from REDCap unchanged.", problems);
        }
    }

    private static final class Importer {
        final String fileName;
        final String form;
        final String prefix;
        final List<Problem> unsupported = new ArrayList<>();
        final Map<String, String> setIdsByChoices = new LinkedHashMap<>();
        final Map<String, List<int[]>> setOptions = new LinkedHashMap<>();
        final Map<String, List<String>> setLabels = new LinkedHashMap<>();
        final Map<String, String> renamed = new LinkedHashMap<>();
        final Set<String> multipleChoice = new HashSet<>();
        final StringBuilder items = new StringBuilder();
        final List<String[]> sections = new ArrayList<>();
        final List<List<String>> sectionItems = new ArrayList<>();
        int imported;

        Importer(String fileName, String form) {
            this.fileName = fileName;
            this.form = form;
            this.prefix = form + "_";
        }

        void note(Csv.Row r, String field, String message) {
            unsupported.add(new Problem(r.line(), field, message));
        }

        RedcapImport run(List<Csv.Row> data) {
            // ids first, so branching logic can be renamed consistently
            for (Csv.Row r : data) {
                if (!r.get(FORM).trim().equals(form)) continue;
                String v = r.get(VAR).trim();
                if (!v.startsWith(prefix) && DefinitionLoader.ID.matcher(v).matches()) renamed.put(v, prefix + v);
                if (r.get(TYPE).trim().equals("checkbox")) multipleChoice.add(id(v));
            }
            Set<String> earlier = new HashSet<>();
            Set<String> seen = new HashSet<>();
            for (Csv.Row r : data) {
                if (!r.get(FORM).trim().equals(form)) continue;
                String v = r.get(VAR).trim();
                if (!DefinitionLoader.ID.matcher(v).matches()) {
                    note(r, v, "variable name '" + v + "' is not a valid item id ([a-z][a-z0-9_]*); the field was not imported");
                    continue;
                }
                if (!seen.add(v)) {
                    note(r, v, "variable '" + v + "' appears twice; the second row was not imported");
                    continue;
                }
                if (renamed.containsKey(v)) note(r, v, "renamed to '" + renamed.get(v) + "' (item ids start with '" + prefix + "')");
                if (field(r, v, earlier)) earlier.add(id(v));
            }
            if (imported == 0) {
                throw new ValidationException(fileName + ": no field of form '" + form + "' could be imported: "
                        + unsupported.stream().map(Problem::toString).collect(Collectors.joining("; ")), unsupported);
            }
            String yaml = yaml();
            LoadedDefinition def = DefinitionLoader.load(form + ".yaml", yaml);
            return new RedcapImport(yaml, def, List.copyOf(unsupported));
        }

        String id(String variable) {
            return renamed.getOrDefault(variable, variable);
        }

        /** Imports one field; false when it was skipped. */
        boolean field(Csv.Row r, String v, Set<String> earlier) {
            String type = r.get(TYPE).trim();
            String validation = r.get(VALIDATION).trim();
            String annotation = r.get(ANNOTATION).trim();
            String itemType;
            String setId = null;
            boolean range = false;
            switch (type) {
                case "radio", "dropdown", "checkbox" -> {
                    setId = responseSet(r, v);
                    if (setId == null) return false;
                    itemType = type.equals("checkbox") ? "multiple-choice" : "single-choice";
                }
                case "yesno", "truefalse" -> itemType = "yes-no";
                case "notes" -> itemType = "long-text";
                case "text" -> {
                    if (validation.isEmpty()) {
                        itemType = "short-text";
                    } else if (validation.equals("integer")) {
                        itemType = annotation.contains(YEAR_ANNOTATION) ? "year" : "integer";
                        range = true;
                    } else if (validation.equals("number") || validation.matches("number_\\d+dp(_comma_decimal)?") || validation.equals("number_comma_decimal")) {
                        itemType = "decimal";
                        range = true;
                    } else if (validation.matches("date_(ymd|dmy|mdy)")) {
                        itemType = "date";
                    } else {
                        itemType = "short-text";
                        note(r, v, "text validation '" + validation + "' is not supported; imported as short text without validation");
                    }
                }
                default -> {
                    note(r, v, "field type '" + type + "' is not supported (Motif imports radio, dropdown, checkbox, yesno, truefalse, text, notes); the field was not imported");
                    return false;
                }
            }
            String label = r.get(LABEL).trim();
            if (label.isEmpty()) {
                note(r, v, "the field has no label; the field was not imported");
                return false;
            }
            String min = null;
            String max = null;
            if (range) {
                min = number(r, v, MIN, "Text Validation Min");
                max = number(r, v, MAX, "Text Validation Max");
            } else {
                for (int col : new int[] {MIN, MAX}) {
                    if (!r.get(col).isBlank()) note(r, v, HEADER.get(col) + " '" + r.get(col).trim() + "' applies only to numbers in Motif; it was not imported");
                }
            }
            String unit = null;
            if (!r.get(NOTE).isBlank()) {
                if (itemType.equals("integer") || itemType.equals("decimal")) unit = r.get(NOTE).trim();
                else note(r, v, "field note '" + r.get(NOTE).trim() + "' was not imported (Motif keeps field notes only as the unit of a number)");
            }
            if (!r.get(SECTION).isBlank()) {
                sections.add(new String[] {"section_" + (sections.size() + 1), r.get(SECTION).trim()});
                sectionItems.add(new ArrayList<>());
            }
            if (!sectionItems.isEmpty()) sectionItems.get(sectionItems.size() - 1).add(id(v));
            String showIf = null;
            if (!r.get(BRANCHING).isBlank()) showIf = branching(r, v, r.get(BRANCHING).trim(), earlier);
            if (r.get(IDENTIFIER).trim().equalsIgnoreCase("y")) note(r, v, "the identifier flag was not imported; Motif keeps identifying data only in participant contact details");
            for (int col : new int[] {ALIGNMENT, QUESTION_NUMBER, MATRIX_GROUP, MATRIX_RANKING}) {
                if (!r.get(col).isBlank()) note(r, v, HEADER.get(col) + " '" + r.get(col).trim() + "' is not supported; it was not imported");
            }
            String otherAnnotation = annotation.replace(YEAR_ANNOTATION, "").trim();
            if (!otherAnnotation.isEmpty()) note(r, v, "field annotation '" + otherAnnotation + "' is not supported; it was not imported");

            items.append("  - id: ").append(id(v)).append('\n');
            items.append("    type: ").append(itemType).append('\n');
            if (setId != null) items.append("    responseSet: ").append(setId).append('\n');
            if (r.get(REQUIRED).trim().equalsIgnoreCase("y")) items.append("    required: true\n");
            if (showIf != null) items.append("    showIf: ").append(q(showIf)).append('\n');
            if (min != null) items.append("    min: ").append(min).append('\n');
            if (max != null) items.append("    max: ").append(max).append('\n');
            if (unit != null) items.append("    unit: ").append(texts(unit)).append('\n');
            items.append("    text: ").append(texts(label)).append('\n');
            imported++;
            return true;
        }

        String number(Csv.Row r, String v, int col, String name) {
            String s = r.get(col).trim();
            if (s.isEmpty()) return null;
            try {
                Double.parseDouble(s);
                return s;
            } catch (NumberFormatException e) {
                note(r, v, name + " '" + s + "' is not a number; it was not imported");
                return null;
            }
        }

        String responseSet(Csv.Row r, String v) {
            String choices = r.get(CHOICES).trim();
            if (choices.isEmpty()) {
                note(r, v, "a " + r.get(TYPE).trim() + " field needs choices (\"1, Label | 2, Label\"); the field was not imported");
                return null;
            }
            List<int[]> codes = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (String part : choices.split("\\|")) {
                String p = part.trim();
                int comma = p.indexOf(',');
                String code = comma < 0 ? p : p.substring(0, comma).trim();
                String label = comma < 0 ? "" : p.substring(comma + 1).trim();
                if (!code.matches("-?\\d+") || label.isEmpty()) {
                    note(r, v, "choice '" + p + "' is not of the form 'code, Label' with a whole-number code; the field was not imported");
                    return null;
                }
                codes.add(new int[] {Integer.parseInt(code)});
                labels.add(label);
            }
            String key = choices.replaceAll("\\s*\\|\\s*", "|").replaceAll("\\s*,\\s*", ",");
            String existing = setIdsByChoices.get(key);
            if (existing != null) return existing;
            String setId = id(v);
            setIdsByChoices.put(key, setId);
            setOptions.put(setId, codes);
            setLabels.put(setId, labels);
            return setId;
        }

        static final Pattern TOKEN = Pattern.compile("\\s*(?:(\\[[a-z][a-z0-9_]*(?:\\(\\d+\\))?])|('[^']*'|\"[^\"]*\")|(-?\\d+(?:\\.\\d+)?)|(<>|!=|<=|>=|==|=|<|>)|(\\(|\\))|([A-Za-z_]+))");
        static final Pattern CHECKBOX = Pattern.compile("\\[([a-z][a-z0-9_]*)\\((\\d+)\\)]");

        /** REDCap branching logic → showIf, or null (reported) when it uses something unsupported. */
        String branching(Csv.Row r, String v, String logic, Set<String> earlier) {
            List<String> tokens = new ArrayList<>();
            Matcher m = TOKEN.matcher(logic);
            int at = 0;
            while (at < logic.length()) {
                if (!m.find(at) || m.start() != at) {
                    if (logic.substring(at).isBlank()) break;
                    note(r, v, "branching logic '" + logic + "' uses something Motif cannot translate at position " + (at + 1) + "; the field is always shown");
                    return null;
                }
                String token = m.group().trim();
                if (token.matches("[A-Za-z_]+") && !token.equalsIgnoreCase("and") && !token.equalsIgnoreCase("or")) {
                    note(r, v, "branching logic '" + logic + "' uses '" + token + "', which Motif cannot translate (functions, smart variables); the field is always shown");
                    return null;
                }
                tokens.add(token);
                at = m.end();
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i);
                Matcher cb = CHECKBOX.matcher(t);
                if (cb.matches() && i + 2 < tokens.size() && (tokens.get(i + 1).equals("=") || tokens.get(i + 1).equals("<>"))) {
                    String value = unquote(tokens.get(i + 2));
                    boolean checked = value.equals("1");
                    if (!checked && !value.equals("0")) {
                        note(r, v, "branching logic '" + logic + "' compares checkbox " + t + " with '" + value + "' (only '1' and '0' are supported); the field is always shown");
                        return null;
                    }
                    boolean eq = tokens.get(i + 1).equals("=") == checked;
                    out.append(id(cb.group(1))).append(eq ? " == " : " != ").append(cb.group(2)).append(' ');
                    i += 2;
                } else if (t.startsWith("[")) {
                    out.append(id(t.substring(1, t.length() - 1))).append(' ');
                } else if (t.startsWith("'") || t.startsWith("\"")) {
                    String s = unquote(t);
                    if (s.matches("-?\\d+(\\.\\d+)?")) out.append(s).append(' ');
                    else if (s.isEmpty()) {
                        note(r, v, "branching logic '" + logic + "' tests for an empty value; Motif has no such test, the field is always shown");
                        return null;
                    } else out.append('\'').append(s).append("' ");
                } else if (t.equals("=")) {
                    out.append("== ");
                } else if (t.equals("<>")) {
                    out.append("!= ");
                } else if (t.equalsIgnoreCase("and") || t.equalsIgnoreCase("or")) {
                    out.append(t.toLowerCase(Locale.ROOT)).append(' ');
                } else if (t.matches("[A-Za-z_]+")) {
                    note(r, v, "branching logic '" + logic + "' uses '" + t + "', which Motif cannot translate (functions, smart variables); the field is always shown");
                    return null;
                } else {
                    out.append(t).append(' ');
                }
            }
            String showIf = out.toString().trim().replace("( ", "(").replace(" )", ")");
            try {
                ShowIf parsed = ShowIf.parse(showIf);
                for (String ref : parsed.referencedItems()) {
                    if (!earlier.contains(ref)) {
                        note(r, v, "branching logic '" + logic + "' refers to '" + ref + "', which is not an earlier imported field; the field is always shown");
                        return null;
                    }
                }
                return showIf;
            } catch (ShowIf.ParseException e) {
                note(r, v, "branching logic '" + logic + "' could not be translated (" + e.getMessage() + "); the field is always shown");
                return null;
            }
        }

        static String unquote(String s) {
            return (s.startsWith("'") || s.startsWith("\"")) ? s.substring(1, s.length() - 1) : s;
        }

        String yaml() {
            StringBuilder y = new StringBuilder();
            y.append("# Imported from a REDCap data dictionary (form ").append(form).append("). Review the texts: the German\n");
            y.append("# texts are copies of the REDCap labels until translated.\n");
            y.append("id: ").append(form).append('\n');
            y.append("version: \"1\"\n");
            y.append("title: ").append(texts(title(form))).append('\n');
            y.append("citation: ").append(q("Imported from a REDCap data dictionary")).append('\n');
            y.append("licence: study-own\n");
            y.append("unverified: [de]\n");
            if (!setOptions.isEmpty()) {
                y.append("responseSets:\n");
                for (var e : setOptions.entrySet()) {
                    y.append("  - id: ").append(e.getKey()).append("\n    options:\n");
                    List<String> labels = setLabels.get(e.getKey());
                    for (int i = 0; i < e.getValue().size(); i++) {
                        y.append("      - {value: ").append(e.getValue().get(i)[0]).append(", label: ").append(texts(labels.get(i))).append("}\n");
                    }
                }
            }
            y.append("items:\n").append(items);
            if (!sections.isEmpty()) {
                y.append("sections:\n");
                for (int i = 0; i < sections.size(); i++) {
                    y.append("  - id: ").append(sections.get(i)[0]).append('\n');
                    y.append("    title: ").append(texts(sections.get(i)[1])).append('\n');
                    y.append("    items: [").append(String.join(", ", sectionItems.get(i))).append("]\n");
                }
            }
            return y.toString();
        }

        static String title(String form) {
            String s = form.replace('_', ' ');
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        static String texts(String text) {
            return "{en: " + q(text) + ", de: " + q(text) + "}";
        }
    }

    /** A YAML double-quoted scalar (JSON string escapes). */
    static String q(String s) {
        return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    // ------------------------------------------------------------------ export

    /**
     * Writes a definition as a REDCap data dictionary, one row per item, with labels in the language
     * of {@code texts} (licensed instruments without a text pack export their placeholders).
     *
     * @return CSV text with REDCap's 18-column header and CRLF line ends
     */
    public static String export(InstrumentTexts texts) {
        InstrumentDefinition d = texts.definition();
        Set<String> multi = d.items().stream().filter(i -> i.type() == ItemType.MULTIPLE_CHOICE).map(Item::id).collect(Collectors.toSet());
        Map<String, Section> sectionStarts = new LinkedHashMap<>();
        for (Section s : d.sections()) {
            d.items().stream().filter(i -> s.items().contains(i.id())).findFirst().ifPresent(i -> sectionStarts.put(i.id(), s));
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Item item : d.items()) {
            String[] row = new String[HEADER.size()];
            java.util.Arrays.fill(row, "");
            row[VAR] = item.id();
            row[FORM] = d.id();
            Section s = sectionStarts.get(item.id());
            if (s != null) row[SECTION] = s.title().getOrDefault(texts.language(), s.title().get("en"));
            row[LABEL] = texts.item(item);
            switch (item.type()) {
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                    row[TYPE] = item.type() == ItemType.SINGLE_CHOICE ? "radio" : "checkbox";
                    ResponseSet set = d.responseSet(item.responseSet()).orElseThrow();
                    List<String> choices = new ArrayList<>();
                    for (ResponseOption o : set.options()) choices.add(o.value() + ", " + texts.option(set.id(), o));
                    row[CHOICES] = String.join(" | ", choices);
                }
                case YES_NO -> row[TYPE] = "yesno";
                case LONG_TEXT -> row[TYPE] = "notes";
                case SHORT_TEXT -> row[TYPE] = "text";
                case DATE -> {
                    row[TYPE] = "text";
                    row[VALIDATION] = "date_ymd";
                }
                case INTEGER, YEAR, DECIMAL -> {
                    row[TYPE] = "text";
                    row[VALIDATION] = item.type() == ItemType.DECIMAL ? "number" : "integer";
                    if (item.min() != null) row[MIN] = plain(item.min());
                    if (item.max() != null) row[MAX] = plain(item.max());
                    if (item.type() == ItemType.YEAR) row[ANNOTATION] = YEAR_ANNOTATION;
                    if (item.unit() != null && !item.unit().isEmpty()) row[NOTE] = item.unit().getOrDefault(texts.language(), item.unit().get("en"));
                }
            }
            if (item.condition() != null) row[BRANCHING] = item.condition().toRedcap(multi);
            row[REQUIRED] = item.required() ? "y" : "";
            rows.add(List.of(row));
        }
        return Csv.write(rows);
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
