package org.motif.pedigree;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads PED / PLINK {@code .fam} text: six columns {@code FID IID PAT MAT SEX PHENO} (unknown parent
 * {@code 0}; sex 1 male, 2 female, 0 unknown; affection 2 affected, 1 unaffected, 0 or -9 unknown),
 * plus extra fields named by a {@code #} header line (DESIGN.md "PED semantics").
 * <p>
 * A line starting with {@code #} before the first data line whose first name is {@code FID} (any
 * case) is the header and names every column; other {@code #} lines are comments. A line holding a
 * tab is split at tabs (so values may contain spaces); otherwise at runs of white space. Missing
 * values of extra fields are written {@code .} (an empty field or {@code NA} is read the same way).
 * The reader checks only the text; {@link PedigreeValidator} checks the relations.
 */
public final class PedReader {
    private PedReader() {
    }

    /**
     * Reads PED text. Never throws for bad content: every fault is a problem with its 1-based line.
     *
     * @param text     the file's content (null is read as empty)
     * @param idPrefix when true, ids become {@code <FID>-<IID>} (parents too), for LINKAGE files that
     *                 number people 1..n in each family
     */
    public static PedFile read(String text, boolean idPrefix) {
        List<PedColumn> columns = List.of(PedColumn.STANDARD);
        List<PedRecord> records = new ArrayList<>();
        List<PedigreeIssue> problems = new ArrayList<>();
        boolean headerSeen = false;
        boolean dataSeen = false;
        String[] lines = (text == null ? "" : text).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (line.isBlank()) continue;
            if (line.startsWith("#")) {
                String[] names = split(line.substring(1).trim());
                if (!headerSeen && !dataSeen && names.length > 0 && names[0].equalsIgnoreCase("FID")) {
                    headerSeen = true;
                    List<PedColumn> parsed = header(names, lineNo, problems);
                    if (parsed == null) return new PedFile(columns, List.of(), problems);
                    columns = parsed;
                }
                continue;
            }
            dataSeen = true;
            String[] f = split(line);
            if (f.length != columns.size()) {
                problems.add(PedigreeIssue.error(lineNo, null, f.length > 1 ? List.of(f[1]) : List.of(),
                        f.length + " columns, expected " + columns.size() + " ("
                                + columns.stream().map(PedColumn::header).collect(Collectors.joining(" "))
                                + "); " + (headerSeen ? "give every column the header names, using . for a missing value"
                                : "a PED file without a # header has exactly 6 columns; name extra columns in a # header line")));
                continue;
            }
            Map<PedColumn, String> v = new EnumMap<>(PedColumn.class);
            for (int c = 0; c < f.length; c++) v.put(columns.get(c), f[c]);
            Individual ind = individual(v, lineNo, idPrefix, problems);
            if (ind != null) records.add(new PedRecord(lineNo, ind));
        }
        if (records.isEmpty() && problems.isEmpty()) {
            problems.add(PedigreeIssue.error(null, null, List.of(), "The PED file has no data lines; give one line per individual: FID IID PAT MAT SEX PHENO."));
        }
        return new PedFile(columns, records, problems);
    }

    private static String[] split(String line) {
        String s = line.strip();
        if (s.isEmpty()) return new String[0];
        if (s.indexOf('\t') >= 0) return Arrays.stream(s.split("\t", -1)).map(String::strip).toArray(String[]::new);
        return s.split("\\s+");
    }

    private static List<PedColumn> header(String[] names, int lineNo, List<PedigreeIssue> problems) {
        List<PedColumn> cols = new ArrayList<>();
        int before = problems.size();
        for (int i = 0; i < names.length; i++) {
            PedColumn c = PedColumn.fromHeader(names[i]);
            if (i < 6) {
                if (c != PedColumn.STANDARD[i]) {
                    problems.add(PedigreeIssue.error(lineNo, names[i], List.of(), "header column " + (i + 1) + " is '" + names[i]
                            + "' but must be " + PedColumn.STANDARD[i] + "; a # header starts with FID IID PAT MAT SEX PHENO"));
                }
            } else if (c == null || c.isStandard()) {
                problems.add(PedigreeIssue.error(lineNo, names[i], List.of(), "unknown column name '" + names[i] + "' in the # header; known extra columns: "
                        + Arrays.stream(PedColumn.values()).filter(x -> !x.isStandard()).map(PedColumn::header).collect(Collectors.joining(", "))));
            } else if (cols.contains(c)) {
                problems.add(PedigreeIssue.error(lineNo, names[i], List.of(), "column '" + names[i] + "' is named twice in the # header; keep one"));
            }
            cols.add(c);
        }
        if (names.length < 6) {
            problems.add(PedigreeIssue.error(lineNo, null, List.of(), "the # header names " + names.length + " columns; it must start with FID IID PAT MAT SEX PHENO"));
        }
        return problems.size() > before ? null : cols;
    }

    private static Individual individual(Map<PedColumn, String> v, int line, boolean idPrefix, List<PedigreeIssue> problems) {
        int before = problems.size();
        String fid = v.get(PedColumn.FID);
        String iid = v.get(PedColumn.IID);
        List<String> who = List.of(iid);
        if (fid.isEmpty() || fid.equals("0")) {
            problems.add(PedigreeIssue.error(line, "FID", who, "family id of '" + iid + "' is missing; give the family id (e.g. F001)"));
        }
        if (iid.isEmpty() || iid.equals("0")) {
            problems.add(PedigreeIssue.error(line, "IID", List.of(), "individual id is missing or 0; give each individual an id (e.g. F001-07)"));
        }
        String id = idPrefix ? fid + "-" + iid : iid;
        String father = parent(v.get(PedColumn.PAT), fid, idPrefix);
        String mother = parent(v.get(PedColumn.MAT), fid, idPrefix);
        Sex sex = Sex.fromCode(v.get(PedColumn.SEX));
        if (sex == null) {
            problems.add(PedigreeIssue.error(line, "SEX", List.of(id), "sex '" + v.get(PedColumn.SEX) + "' of '" + id
                    + "' is not a PED code; write 1 (male), 2 (female) or 0 (unknown)"));
        }
        Affection aff = Affection.fromCode(v.get(PedColumn.PHENO));
        if (aff == null) {
            problems.add(PedigreeIssue.error(line, "PHENO", List.of(id), "affection '" + v.get(PedColumn.PHENO) + "' of '" + id
                    + "' is not a PED code; write 2 (affected), 1 (unaffected), 0 or -9 (unknown)"));
        }
        Extra x = new Extra(v, line, id, problems);
        Integer birthYear = x.integer(PedColumn.BIRTH_YEAR, 1800, 2200);
        boolean proband = x.bool(PedColumn.PROBAND);
        boolean deceased = x.bool(PedColumn.DECEASED);
        boolean placeholder = x.bool(PedColumn.PLACEHOLDER);
        StudyRole role = x.parse(PedColumn.ROLE, StudyRole::fromCode, "musician or relative");
        String twinGroup = x.text(PedColumn.TWIN_GROUP);
        String twinType = x.parse(PedColumn.TWIN_TYPE, s -> List.of("monozygotic", "dizygotic", "unknown").contains(s) ? s : null,
                "monozygotic, dizygotic or unknown");
        DystoniaType type = x.parse(PedColumn.DYSTONIA_TYPE, DystoniaType::fromCode,
                Arrays.stream(DystoniaType.values()).map(DystoniaType::code).collect(Collectors.joining(", ")));
        Integer onset = x.integer(PedColumn.AGE_AT_ONSET, 0, 120);
        Certainty certainty = x.parse(PedColumn.CERTAINTY, Certainty::fromCode, "definite, probable, possible or self_report");
        List<String> hpo = x.hpo();
        LocalDate recordedOn = x.date(PedColumn.RECORDED_ON);
        if (problems.size() > before) return null;
        var detail = new PhenotypeDetail(type, x.text(PedColumn.BODY_REGION), x.text(PedColumn.SIDE), x.text(PedColumn.INSTRUMENT),
                x.text(PedColumn.TASK), onset, certainty, x.text(PedColumn.SEVERITY), hpo, x.text(PedColumn.EXAMINER), recordedOn,
                x.text(PedColumn.NOTE));
        return new Individual(fid, id, father, mother, sex, aff, birthYear, proband, deceased, role, placeholder, twinGroup, twinType, detail);
    }

    private static String parent(String value, String fid, boolean idPrefix) {
        if (value.isEmpty() || value.equals("0")) return null;
        return idPrefix ? fid + "-" + value : value;
    }

    /** Parses the extra fields of one line, adding a problem per bad value. */
    private record Extra(Map<PedColumn, String> v, int line, String id, List<PedigreeIssue> problems) {
        String text(PedColumn c) {
            String s = v.get(c);
            if (s == null || s.isEmpty() || s.equals(".") || s.equalsIgnoreCase("NA")) return null;
            return s;
        }

        Integer integer(PedColumn c, int min, int max) {
            String s = text(c);
            if (s == null) return null;
            try {
                int n = Integer.parseInt(s);
                if (n >= min && n <= max) return n;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            problems.add(PedigreeIssue.error(line, c.header(), List.of(id), c.header() + " '" + s + "' of '" + id
                    + "' is not a whole number from " + min + " to " + max + "; fix it or write . when unknown"));
            return null;
        }

        boolean bool(PedColumn c) {
            String s = text(c);
            if (s == null) return false;
            switch (s.toLowerCase()) {
                case "1", "yes", "true", "y" -> { return true; }
                case "0", "no", "false", "n" -> { return false; }
                default -> {
                    problems.add(PedigreeIssue.error(line, c.header(), List.of(id), c.header() + " '" + s + "' of '" + id + "' is not 1 (yes) or 0 (no)"));
                    return false;
                }
            }
        }

        <T> T parse(PedColumn c, java.util.function.Function<String, T> parser, String allowed) {
            String s = text(c);
            if (s == null) return null;
            T t = parser.apply(s);
            if (t == null) {
                problems.add(PedigreeIssue.error(line, c.header(), List.of(id), c.header() + " '" + s + "' of '" + id + "' is not one of: " + allowed));
            }
            return t;
        }

        List<String> hpo() {
            String s = text(PedColumn.HPO_TERMS);
            if (s == null) return List.of();
            List<String> terms = Arrays.stream(s.split("[,;]")).map(String::strip).filter(t -> !t.isEmpty()).toList();
            for (String t : terms) {
                if (!PhenotypeDetail.HPO_ID.matcher(t).matches()) {
                    problems.add(PedigreeIssue.error(line, "hpo_terms", List.of(id), "HPO term '" + t + "' of '" + id
                            + "' is not an HPO id; write HP: and 7 digits (e.g. HP:0002071), several separated by commas"));
                }
            }
            return terms;
        }

        LocalDate date(PedColumn c) {
            String s = text(c);
            if (s == null) return null;
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                problems.add(PedigreeIssue.error(line, c.header(), List.of(id), c.header() + " '" + s + "' of '" + id + "' is not a date; write YYYY-MM-DD"));
                return null;
            }
        }
    }
}
