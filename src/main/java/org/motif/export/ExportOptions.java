package org.motif.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.motif.base.Problem;
import org.motif.base.ValidationException;

/**
 * What a dataset export holds and how (the query parameters of {@code GET /api/v1/exports/dataset.xlsx}).
 *
 * @param include        sheets asked for; empty means every sheet the caller may see
 * @param families       family ids to include; empty means all
 * @param events         event labels to include; empty means all
 * @param instruments    instrument ids to include; empty means all
 * @param variants       variant keys {@code contig:pos:ref:alt} to include; empty means all
 * @param labels         choices as codes or as labels
 * @param language       language of labels and the dictionary ({@code en} or {@code de})
 * @param deidentified   pseudonyms only, no free text, dates shifted (default true)
 * @param contacts       contact details asked for (needs COORDINATOR and {@code deidentified=false})
 * @param items          every item answer as a column of the Participants sheet
 * @param multipleChoice one {@code ;}-joined column or one 0/1 column per option
 * @param birthYear      birth years kept or coarsened to 5-year bins
 * @param genotypeFormat genotype cells as {@code 0/1} calls or as alternate-allele dosage
 * @param filterSet      name of a saved variant filter set restricting the variant sheets and genotype columns, or null for none
 * @param linkageRuns    linkage run ids whose results are exported; empty means the latest finished run of each import
 */
public record ExportOptions(Set<ExportSheet> include, List<String> families, List<String> events, List<String> instruments,
                            List<String> variants, Labels labels, String language, boolean deidentified, boolean contacts,
                            boolean items, MultipleChoice multipleChoice, BirthYear birthYear, GenotypeFormat genotypeFormat,
                            String filterSet, List<String> linkageRuns) {

    public enum Labels { CODES, LABELS }

    public enum MultipleChoice { JOINED, COLUMNS }

    public enum BirthYear { KEEP, COARSEN }

    public enum GenotypeFormat { CALLS, DOSAGE }

    public ExportOptions {
        include = include.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(include));
        families = List.copyOf(families);
        events = List.copyOf(events);
        instruments = List.copyOf(instruments);
        variants = List.copyOf(variants);
        filterSet = filterSet == null || filterSet.isBlank() ? null : filterSet.trim();
        linkageRuns = linkageRuns == null ? List.of() : List.copyOf(linkageRuns);
    }

    /** The same options without a filter set and linkage run choice (the form of older callers). */
    public ExportOptions(Set<ExportSheet> include, List<String> families, List<String> events, List<String> instruments,
                         List<String> variants, Labels labels, String language, boolean deidentified, boolean contacts,
                         boolean items, MultipleChoice multipleChoice, BirthYear birthYear, GenotypeFormat genotypeFormat) {
        this(include, families, events, instruments, variants, labels, language, deidentified, contacts, items, multipleChoice, birthYear,
                genotypeFormat, null, List.of());
    }

    /** Every sheet the caller may see, all data, codes, English, de-identified, items as columns. */
    public static ExportOptions defaults() {
        return new ExportOptions(Set.of(), List.of(), List.of(), List.of(), List.of(), Labels.CODES, "en", true, false, true,
                MultipleChoice.JOINED, BirthYear.KEEP, GenotypeFormat.CALLS);
    }

    /**
     * Reads the options from query parameters; absent or blank parameters take their defaults. List parameters
     * ({@code include}, {@code families}, …, {@code linkageRun}) are comma-separated (a repeated parameter joined with commas).
     *
     * @throws ValidationException (422) naming every parameter with a value it does not know
     */
    public static ExportOptions parse(Map<String, String> parameters) {
        List<Problem> problems = new ArrayList<>();
        Set<ExportSheet> include = EnumSet.noneOf(ExportSheet.class);
        for (String id : list(parameters.get("include"))) {
            ExportSheet.fromId(id).filter(ExportSheet.choosable()::contains).ifPresentOrElse(include::add,
                    () -> problems.add(new Problem(null, "include", "unknown sheet '" + id + "'; use any of "
                            + String.join(",", ExportSheet.choosable().stream().map(ExportSheet::id).toList()))));
        }
        var d = defaults();
        return checked(problems, new ExportOptions(include, list(parameters.get("families")), list(parameters.get("events")),
                list(parameters.get("instruments")), list(parameters.get("variants")),
                choice(parameters, "labels", Labels.class, d.labels(), problems),
                language(parameters.get("language"), problems),
                bool(parameters, "deidentified", true, problems), bool(parameters, "contacts", false, problems),
                bool(parameters, "items", true, problems),
                choice(parameters, "multipleChoice", MultipleChoice.class, d.multipleChoice(), problems),
                choice(parameters, "birthYear", BirthYear.class, d.birthYear(), problems),
                choice(parameters, "genotypeFormat", GenotypeFormat.class, d.genotypeFormat(), problems),
                parameters.get("filterSet"), list(parameters.get("linkageRun"))));
    }

    /** The options as query parameters (only those that differ from the defaults), for the audit log and the history. */
    public Map<String, String> asParameters() {
        var d = defaults();
        Map<String, String> p = new LinkedHashMap<>();
        if (!include.isEmpty()) p.put("include", String.join(",", EnumSet.copyOf(include).stream().map(ExportSheet::id).toList()));
        if (!families.isEmpty()) p.put("families", String.join(",", families));
        if (!events.isEmpty()) p.put("events", String.join(",", events));
        if (!instruments.isEmpty()) p.put("instruments", String.join(",", instruments));
        if (!variants.isEmpty()) p.put("variants", String.join(",", variants));
        if (labels != d.labels) p.put("labels", lower(labels));
        if (!language.equals(d.language)) p.put("language", language);
        if (!deidentified) p.put("deidentified", "false");
        if (contacts) p.put("contacts", "true");
        if (!items) p.put("items", "false");
        if (multipleChoice != d.multipleChoice) p.put("multipleChoice", lower(multipleChoice));
        if (birthYear != d.birthYear) p.put("birthYear", lower(birthYear));
        if (genotypeFormat != d.genotypeFormat) p.put("genotypeFormat", lower(genotypeFormat));
        if (filterSet != null) p.put("filterSet", filterSet);
        if (!linkageRuns.isEmpty()) p.put("linkageRun", String.join(",", linkageRuns));
        return p;
    }

    /** Whether contact details go into the export (asked for and not de-identified; the role is checked by the service). */
    public boolean withContacts() {
        return contacts && !deidentified;
    }

    private static ExportOptions checked(List<Problem> problems, ExportOptions options) {
        if (!problems.isEmpty()) throw new ValidationException("Export options: " + problems.get(0).message(), problems);
        return options;
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) return List.of();
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String language(String value, List<Problem> problems) {
        if (value == null || value.isBlank()) return "en";
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("en") || v.equals("de")) return v;
        problems.add(new Problem(null, "language", "unknown language '" + value + "'; use en or de"));
        return "en";
    }

    private static boolean bool(Map<String, String> parameters, String name, boolean fallback, List<Problem> problems) {
        String v = parameters.get(name);
        if (v == null || v.isBlank()) return fallback;
        if (v.trim().equalsIgnoreCase("true")) return true;
        if (v.trim().equalsIgnoreCase("false")) return false;
        problems.add(new Problem(null, name, "'" + v + "' is not true or false"));
        return fallback;
    }

    private static <E extends Enum<E>> E choice(Map<String, String> parameters, String name, Class<E> type, E fallback, List<Problem> problems) {
        String v = parameters.get(name);
        if (v == null || v.isBlank()) return fallback;
        Function<E, String> code = ExportOptions::lower;
        for (E e : type.getEnumConstants()) if (code.apply(e).equalsIgnoreCase(v.trim())) return e;
        problems.add(new Problem(null, name, "unknown value '" + v + "'; use "
                + String.join(" or ", Arrays.stream(type.getEnumConstants()).map(code).toList())));
        return fallback;
    }
}
