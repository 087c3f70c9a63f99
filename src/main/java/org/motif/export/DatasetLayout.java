package org.motif.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.motif.export.ExportOptions.BirthYear;
import org.motif.export.ExportOptions.GenotypeFormat;
import org.motif.export.ExportOptions.Labels;
import org.motif.export.ExportOptions.MultipleChoice;
import org.motif.questionnaire.InstrumentDefinition;
import org.motif.questionnaire.InstrumentDefinition.Item;
import org.motif.questionnaire.InstrumentDefinition.ResponseOption;
import org.motif.questionnaire.InstrumentDefinition.ResponseSet;
import org.motif.questionnaire.InstrumentTexts;
import org.motif.questionnaire.ItemType;

/**
 * The layout of the dataset workbook (and of the CSV zip): which columns each sheet has, how a value is
 * written (codes or labels, joined or split multiple choice, shifted dates, coarsened birth years), and
 * the data dictionary. Plain Java: the service feeds it facts and writes the rows it returns.
 */
public final class DatasetLayout {
    /** One instrument answered at one event, with its texts in the export's language. */
    public record InstrumentPlan(String event, InstrumentTexts texts) {
        public InstrumentDefinition definition() {
            return texts.definition();
        }
    }

    /** Excel's limits (rows include the header row). */
    public static final int MAX_COLUMNS = 16_384;
    public static final int MAX_ROWS = 1_048_576;

    private static final List<String> SCORE_PARTS = List.of("", ".answered", ".prorated", ".band");

    private final ExportOptions options;
    private final List<InstrumentPlan> plans;
    private final List<String> genotypeColumns;
    private final List<Column> participantColumns;
    private final Map<String, Integer> participantIndex = new HashMap<>();
    private final int firstGenotypeColumn;

    /**
     * @param plans           instruments × events in column order
     * @param genotypeColumns variant keys {@code contig:pos:ref:alt} shown as columns of the Participants sheet (empty for none)
     */
    public DatasetLayout(ExportOptions options, List<InstrumentPlan> plans, List<String> genotypeColumns) {
        this.options = options;
        this.plans = List.copyOf(plans);
        this.genotypeColumns = List.copyOf(genotypeColumns);
        List<Column> cols = new ArrayList<>(List.of(Column.text("participantId"), Column.text("familyId"), Column.text("fatherId"),
                Column.text("motherId"), Column.text("sex"), Column.integer("birthYear"), Column.bool("proband"), Column.text("role"),
                Column.bool("deceased"), Column.text("affection"), Column.text("dystoniaType"), Column.text("bodyRegion"),
                Column.text("side"), Column.text("instrument"), Column.integer("ageAtOnset"), Column.text("certainty"),
                Column.date("phenotypeRecordedOn"), Column.text("consentStatus"), Column.date("consentDate")));
        if (options.withContacts()) {
            cols.addAll(List.of(Column.text("fullName"), Column.text("email"), Column.text("phone"), Column.text("postalAddress")));
        }
        for (InstrumentPlan plan : this.plans) {
            for (String scale : plan.definition().scaleIds()) {
                String base = plan.event() + "." + plan.definition().id() + "." + scale;
                cols.add(Column.decimal(base));
                cols.add(Column.integer(base + ".answered"));
                cols.add(Column.bool(base + ".prorated"));
                cols.add(Column.text(base + ".band"));
            }
            if (options.items()) {
                for (Item item : plan.definition().items()) {
                    if (!exported(item)) continue;
                    String base = plan.event() + "." + item.id();
                    if (item.type() == ItemType.MULTIPLE_CHOICE && options.multipleChoice() == MultipleChoice.COLUMNS) {
                        for (ResponseOption o : options(plan, item)) cols.add(Column.integer(base + "." + o.value()));
                    } else {
                        cols.add(new Column(base, wideType(item)));
                    }
                }
            }
        }
        firstGenotypeColumn = cols.size();
        for (String v : this.genotypeColumns) {
            cols.add(options.genotypeFormat() == GenotypeFormat.DOSAGE ? Column.integer(v) : Column.text(v));
        }
        this.participantColumns = List.copyOf(cols);
        for (int i = 0; i < cols.size(); i++) participantIndex.put(cols.get(i).name(), i);
    }

    public ExportOptions options() {
        return options;
    }

    public List<InstrumentPlan> plans() {
        return plans;
    }

    /** Whether an item's answers are exported: free text (short/long text) is left out of de-identified exports. */
    public boolean exported(Item item) {
        return !options.deidentified() || item.type() != ItemType.SHORT_TEXT && item.type() != ItemType.LONG_TEXT;
    }

    // ---- columns ------------------------------------------------------------------------------------------

    public List<Column> participantColumns() {
        return participantColumns;
    }

    public static List<Column> responseColumns() {
        return List.of(Column.text("participantId"), Column.text("event"), Column.text("instrumentId"), Column.text("instrumentVersion"),
                Column.text("itemId"), Column.text("value"), Column.text("label"), new Column("answeredAt", CellType.DATETIME));
    }

    public static List<Column> scoreColumns() {
        return List.of(Column.text("participantId"), Column.text("event"), Column.text("instrumentId"), Column.text("instrumentVersion"),
                Column.text("scaleId"), Column.decimal("score"), Column.integer("answered"), Column.integer("of"), Column.bool("prorated"),
                Column.text("band"), new Column("computedAt", CellType.DATETIME));
    }

    public List<Column> phenotypeColumns() {
        List<Column> cols = new ArrayList<>(List.of(Column.text("participantId"), Column.date("recordedOn"), Column.text("affection"),
                Column.text("dystoniaType"), Column.text("bodyRegion"), Column.text("side"), Column.text("instrument"), Column.text("task"),
                Column.integer("ageAtOnset"), Column.text("certainty"), Column.text("severity"), Column.text("hpoTerms")));
        if (!options.deidentified()) {
            cols.add(Column.text("examiner"));
            cols.add(Column.text("note"));
        }
        return cols;
    }

    /** The extended PED columns (as {@code GET /pedigrees?extended=true} names them); notes and examiners only when identified. */
    public List<Column> pedigreeColumns() {
        List<Column> cols = new ArrayList<>(List.of(Column.text("FID"), Column.text("IID"), Column.text("PAT"), Column.text("MAT"),
                Column.integer("SEX"), Column.integer("PHENO"), Column.integer("birth_year"), Column.bool("proband"), Column.bool("deceased"),
                Column.text("role"), Column.text("dystonia_type"), Column.text("body_region"), Column.text("side"), Column.text("instrument"),
                Column.text("task"), Column.integer("age_at_onset"), Column.text("certainty"), Column.text("severity"), Column.text("hpo_terms"),
                Column.date("recorded_on")));
        if (!options.deidentified()) {
            cols.add(Column.text("examiner"));
            cols.add(Column.text("note"));
        }
        return cols;
    }

    public static List<Column> variantColumns() {
        return List.of(Column.text("variant"), Column.text("contig"), Column.integer("position"), Column.text("ref"), Column.text("alt"),
                Column.text("id"), Column.decimal("qual"), Column.text("filter"), Column.text("gene"), Column.text("consequence"),
                Column.decimal("af"), Column.integer("carriers"), Column.integer("genotyped"));
    }

    public static List<Column> genotypeColumns() {
        return List.of(Column.text("participantId"), Column.text("variant"), Column.text("genotype"), Column.integer("dosage"));
    }

    public static List<Column> dictionaryColumns() {
        return List.of(Column.text("variable"), Column.text("sheet"), Column.text("instrument"), Column.text("label"), Column.text("type"),
                Column.text("codes"), Column.text("units"), Column.text("range"), Column.text("notes"));
    }

    public static List<Column> aboutColumns() {
        return List.of(Column.text("field"), Column.text("value"));
    }

    // ---- rows ---------------------------------------------------------------------------------------------

    /**
     * The Participants row of one participant.
     *
     * @param answers   answers of this participant (of any event); the latest per event and item wins (give them in time order)
     * @param scores    scores of this participant
     * @param genotypes genotype code per {@link #participantColumns() genotype column} (0 HOM_REF, 1 HET, 2 HOM_VAR, 3 NO_CALL), or null when not genotyped
     */
    public Object[] participantRow(StudyFacts.Participant p, List<StudyFacts.Answer> answers, List<StudyFacts.Score> scores, byte[] genotypes) {
        Object[] row = new Object[participantColumns.size()];
        row[0] = p.participantId();
        row[1] = p.familyId();
        row[2] = p.fatherId();
        row[3] = p.motherId();
        row[4] = p.sex();
        row[5] = options.birthYear() == BirthYear.COARSEN ? Deidentification.coarsenBirthYear(p.birthYear()) : p.birthYear();
        row[6] = p.proband();
        row[7] = p.role();
        row[8] = p.deceased();
        StudyFacts.Phenotype ph = p.latest();
        row[9] = ph == null ? "unknown" : ph.affection();
        if (ph != null) {
            row[10] = ph.dystoniaType();
            row[11] = ph.bodyRegion();
            row[12] = ph.side();
            row[13] = ph.instrument();
            row[14] = ph.ageAtOnset();
            row[15] = ph.certainty();
            row[16] = Deidentification.shift(ph.recordedOn(), p.shiftDays());
        }
        row[17] = p.consentStatus();
        row[18] = p.consentAt() == null ? null : Deidentification.shift(p.consentAt(), p.shiftDays()).toLocalDate();
        if (options.withContacts() && p.contact() != null) {
            row[19] = p.contact().fullName();
            row[20] = p.contact().email();
            row[21] = p.contact().phone();
            row[22] = p.contact().postalAddress();
        }
        for (StudyFacts.Score s : scores) {
            Integer at = participantIndex.get(s.event() + "." + s.instrumentId() + "." + s.scaleId());
            if (at == null) continue;
            row[at] = s.score();
            row[at + 1] = s.answered();
            row[at + 2] = s.prorated();
            row[at + 3] = s.band();
        }
        if (options.items()) {
            for (StudyFacts.Answer a : answers) putAnswer(row, a, p.shiftDays());
        }
        if (genotypes != null) {
            for (int i = 0; i < genotypeColumns.size(); i++) row[firstGenotypeColumn + i] = genotypeCell(genotypes[i]);
        }
        return row;
    }

    private void putAnswer(Object[] row, StudyFacts.Answer a, int shiftDays) {
        InstrumentPlan plan = plan(a.event(), a.instrumentId());
        if (plan == null) return;
        Item item = plan.definition().item(a.itemId()).orElse(null);
        if (item == null || !exported(item)) return;
        String base = a.event() + "." + item.id();
        if (item.type() == ItemType.MULTIPLE_CHOICE && options.multipleChoice() == MultipleChoice.COLUMNS) {
            List<?> chosen = a.value() instanceof List<?> l ? l : a.value() == null ? List.of() : List.of(a.value());
            for (ResponseOption o : options(plan, item)) {
                Integer at = participantIndex.get(base + "." + o.value());
                if (at != null) row[at] = chosen.stream().anyMatch(v -> v instanceof Number n && n.intValue() == o.value()) ? 1 : 0;
            }
            return;
        }
        Integer at = participantIndex.get(base);
        if (at != null) row[at] = wideValue(plan, item, a.value(), shiftDays);
    }

    /** A Responses row, or null when the item is not exported (free text when de-identified, unknown item). */
    public Object[] responseRow(String participantId, StudyFacts.Answer a, int shiftDays) {
        InstrumentPlan plan = plan(a.event(), a.instrumentId());
        if (plan == null) return null;
        Item item = plan.definition().item(a.itemId()).orElse(null);
        if (item == null || !exported(item)) return null;
        Object value = a.value();
        String code;
        String label = null;
        if (item.type().hasResponseSet()) {
            code = codes(value);
            label = labels(plan, item, value);
        } else if (item.type() == ItemType.DATE && value instanceof String s) {
            code = shiftedDate(s, shiftDays);
        } else {
            code = value == null ? null : value instanceof Number n ? plain(n) : String.valueOf(value);
        }
        if (item.type() == ItemType.YES_NO && value instanceof Number n) label = yesNo(n.intValue());
        return new Object[] {participantId, a.event(), a.instrumentId(), a.instrumentVersion(), a.itemId(), code, label,
                Deidentification.shift(a.answeredAt(), shiftDays)};
    }

    public Object[] scoreRow(String participantId, StudyFacts.Score s, int shiftDays) {
        return new Object[] {participantId, s.event(), s.instrumentId(), s.instrumentVersion(), s.scaleId(), s.score(), s.answered(), s.of(),
                s.prorated(), s.band(), Deidentification.shift(s.computedAt(), shiftDays)};
    }

    public Object[] phenotypeRow(String participantId, StudyFacts.Phenotype ph, int shiftDays) {
        List<Object> row = new ArrayList<>(List.of());
        row.add(participantId);
        row.add(Deidentification.shift(ph.recordedOn(), shiftDays));
        for (Object o : new Object[] {ph.affection(), ph.dystoniaType(), ph.bodyRegion(), ph.side(), ph.instrument(), ph.task(), ph.ageAtOnset(),
                ph.certainty(), ph.severity(), ph.hpoTerms()}) row.add(o);
        if (!options.deidentified()) {
            row.add(ph.examiner());
            row.add(ph.note());
        }
        return row.toArray();
    }

    /** The extended PED row: SEX 1 male, 2 female, 0 unknown; PHENO 2 affected, 1 unaffected, 0 unknown; missing parents "0". */
    public Object[] pedigreeRow(StudyFacts.Participant p) {
        StudyFacts.Phenotype ph = p.latest();
        String affection = ph == null ? "unknown" : ph.affection();
        List<Object> row = new ArrayList<>();
        row.add(p.familyId());
        row.add(p.participantId());
        row.add(p.fatherId() == null ? "0" : p.fatherId());
        row.add(p.motherId() == null ? "0" : p.motherId());
        row.add("male".equals(p.sex()) ? 1 : "female".equals(p.sex()) ? 2 : 0);
        row.add("affected".equals(affection) ? 2 : "unaffected".equals(affection) ? 1 : 0);
        row.add(options.birthYear() == BirthYear.COARSEN ? Deidentification.coarsenBirthYear(p.birthYear()) : p.birthYear());
        row.add(p.proband());
        row.add(p.deceased());
        row.add(p.role());
        if (ph == null) {
            for (int i = 0; i < 10; i++) row.add(null);
        } else {
            for (Object o : new Object[] {ph.dystoniaType(), ph.bodyRegion(), ph.side(), ph.instrument(), ph.task(), ph.ageAtOnset(), ph.certainty(),
                    ph.severity(), ph.hpoTerms(), Deidentification.shift(ph.recordedOn(), p.shiftDays())}) row.add(o);
        }
        if (!options.deidentified()) {
            row.add(ph == null ? null : ph.examiner());
            row.add(ph == null ? null : ph.note());
        }
        return row.toArray();
    }

    /** A genotype code (0 HOM_REF, 1 HET, 2 HOM_VAR, 3 NO_CALL) as written: {@code 0/0 0/1 1/1} or dosage 0/1/2; no-call → empty. */
    public Object genotypeCell(byte code) {
        if (code < 0 || code > 2) return null;
        return options.genotypeFormat() == GenotypeFormat.DOSAGE ? (Object) (int) code : call(code);
    }

    /** The unphased call of a genotype code: 0/0, 0/1, 1/1, or null for a no-call. */
    public static String call(byte code) {
        return switch (code) {
            case 0 -> "0/0";
            case 1 -> "0/1";
            case 2 -> "1/1";
            default -> null;
        };
    }

    // ---- values -------------------------------------------------------------------------------------------

    private Object wideValue(InstrumentPlan plan, Item item, Object value, int shiftDays) {
        if (value == null) return null;
        if (item.type().hasResponseSet() || item.type() == ItemType.YES_NO) {
            if (options.labels() == Labels.LABELS) {
                return item.type() == ItemType.YES_NO && value instanceof Number n ? yesNo(n.intValue()) : labels(plan, item, value);
            }
            if (value instanceof List<?>) return codes(value);
            return value instanceof Number n ? n.intValue() : value;
        }
        if (item.type() == ItemType.DATE && value instanceof String s) {
            String shifted = shiftedDate(s, shiftDays);
            try {
                return java.time.LocalDate.parse(shifted);
            } catch (RuntimeException e) {
                return shifted;
            }
        }
        if (item.type() == ItemType.INTEGER || item.type() == ItemType.YEAR) return value instanceof Number n ? n.longValue() : value;
        if (item.type() == ItemType.DECIMAL) return value instanceof Number n ? n.doubleValue() : value;
        return String.valueOf(value);
    }

    private CellType wideType(Item item) {
        return switch (item.type()) {
            case SINGLE_CHOICE, YES_NO -> options.labels() == Labels.LABELS ? CellType.TEXT : CellType.INTEGER;
            case MULTIPLE_CHOICE, SHORT_TEXT, LONG_TEXT -> CellType.TEXT;
            case INTEGER, YEAR -> CellType.INTEGER;
            case DECIMAL -> CellType.DECIMAL;
            case DATE -> CellType.DATE;
        };
    }

    private static String shiftedDate(String iso, int shiftDays) {
        try {
            return java.time.LocalDate.parse(iso).plusDays(shiftDays).toString();
        } catch (RuntimeException e) {
            return iso;
        }
    }

    private static String codes(Object value) {
        if (value == null) return null;
        if (value instanceof List<?> list) {
            StringJoiner j = new StringJoiner(";");
            for (Object o : list) j.add(o instanceof Number n ? plain(n) : String.valueOf(o));
            return j.toString();
        }
        return value instanceof Number n ? plain(n) : String.valueOf(value);
    }

    private String labels(InstrumentPlan plan, Item item, Object value) {
        if (value == null) return null;
        List<?> values = value instanceof List<?> l ? l : List.of(value);
        StringJoiner j = new StringJoiner(";");
        for (Object v : values) {
            String label = null;
            if (v instanceof Number n) {
                for (ResponseOption o : options(plan, item)) if (o.value() == n.intValue()) label = plan.texts().option(item.responseSet(), o);
            }
            j.add(label == null || label.isBlank() ? codes(v) : label);
        }
        return j.toString();
    }

    private String yesNo(int v) {
        boolean de = "de".equals(options.language());
        return v == 1 ? de ? "ja" : "yes" : v == 0 ? de ? "nein" : "no" : String.valueOf(v);
    }

    private static List<ResponseOption> options(InstrumentPlan plan, Item item) {
        if (item.responseSet() == null) return List.of();
        return plan.definition().responseSet(item.responseSet()).map(ResponseSet::options).orElse(List.of());
    }

    private InstrumentPlan plan(String event, String instrumentId) {
        for (InstrumentPlan p : plans) if (p.event().equals(event) && p.definition().id().equals(instrumentId)) return p;
        return null;
    }

    private static String plain(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    // ---- dictionary ---------------------------------------------------------------------------------------

    /** The data dictionary rows for the sheets written, in sheet and column order. */
    public List<DictionaryRow> dictionary(java.util.Set<ExportSheet> sheets) {
        boolean de = "de".equals(options.language());
        List<DictionaryRow> rows = new ArrayList<>();
        String dateNote = options.deidentified() ? "shifted by the participant's random offset (1–364 days back, the same in every sheet and export)" : null;
        if (sheets.contains(ExportSheet.PARTICIPANTS)) {
            String sheet = ExportSheet.PARTICIPANTS.title();
            rows.add(new DictionaryRow("participantId", sheet, null, de ? "Pseudonym (PED-Individuen-ID)" : "Pseudonym (PED individual id)", "text", null, null, null, null));
            rows.add(new DictionaryRow("familyId", sheet, null, de ? "Familien-ID" : "Family id (PED)", "text", null, null, null, null));
            rows.add(new DictionaryRow("fatherId", sheet, null, de ? "Vater" : "Father's participant id", "text", null, null, null, "empty when unknown"));
            rows.add(new DictionaryRow("motherId", sheet, null, de ? "Mutter" : "Mother's participant id", "text", null, null, null, "empty when unknown"));
            rows.add(new DictionaryRow("sex", sheet, null, de ? "Geschlecht" : "Sex", "text", "male | female | unknown", null, null, null));
            rows.add(new DictionaryRow("birthYear", sheet, null, de ? "Geburtsjahr" : "Birth year", "integer", null, "year", null,
                    options.birthYear() == BirthYear.COARSEN ? "coarsened to 5-year bins: the first year of the bin (1980 = 1980–1984)" : null));
            rows.add(new DictionaryRow("proband", sheet, null, de ? "Indexperson" : "Proband of the family", "boolean", "TRUE | FALSE", null, null, null));
            rows.add(new DictionaryRow("role", sheet, null, de ? "Rolle" : "Musician or relative", "text", "musician | relative", null, null, null));
            rows.add(new DictionaryRow("deceased", sheet, null, de ? "Verstorben" : "Deceased", "boolean", "TRUE | FALSE", null, null, null));
            rows.add(new DictionaryRow("affection", sheet, null, de ? "Betroffen (aufgabenspezifische Dystonie)" : "Affection (task-specific dystonia), latest record",
                    "text", "affected | unaffected | unknown", null, null, null));
            for (String f : List.of("dystoniaType", "bodyRegion", "side", "instrument", "certainty")) {
                rows.add(new DictionaryRow(f, sheet, null, "Latest phenotype record: " + f, "text", null, null, null, null));
            }
            rows.add(new DictionaryRow("ageAtOnset", sheet, null, de ? "Erkrankungsalter" : "Age at onset", "integer", null, "years", null, null));
            rows.add(new DictionaryRow("phenotypeRecordedOn", sheet, null, de ? "Datum des Phänotyps" : "Date of the latest phenotype record", "date", null, null, null, dateNote));
            rows.add(new DictionaryRow("consentStatus", sheet, null, de ? "Einwilligung" : "Consent status", "text",
                    "given | withdrawn_no_contact | none", null, null, null));
            rows.add(new DictionaryRow("consentDate", sheet, null, de ? "Datum der Einwilligung" : "Date of the latest consent", "date", null, null, null, dateNote));
            if (options.withContacts()) {
                for (String f : List.of("fullName", "email", "phone", "postalAddress")) {
                    rows.add(new DictionaryRow(f, sheet, null, "Contact: " + f, "text", null, null, null, "identifying: handle as personal data"));
                }
            }
            for (InstrumentPlan plan : plans) rows.addAll(instrumentRows(plan, sheet));
            for (String v : genotypeColumns) {
                rows.add(new DictionaryRow(v, sheet, null, "Genotype at " + v, options.genotypeFormat() == GenotypeFormat.DOSAGE ? "integer" : "text",
                        options.genotypeFormat() == GenotypeFormat.DOSAGE ? "0 = hom. ref | 1 = het | 2 = hom. alt" : "0/0 | 0/1 | 1/1",
                        null, options.genotypeFormat() == GenotypeFormat.DOSAGE ? "0–2" : null, "empty = not genotyped or no call"));
            }
        }
        for (ExportSheet s : List.of(ExportSheet.RESPONSES, ExportSheet.SCORES, ExportSheet.PHENOTYPES, ExportSheet.PEDIGREE, ExportSheet.VARIANTS,
                ExportSheet.GENOTYPES)) {
            if (!sheets.contains(s)) continue;
            List<Column> cols = switch (s) {
                case RESPONSES -> responseColumns();
                case SCORES -> scoreColumns();
                case PHENOTYPES -> phenotypeColumns();
                case PEDIGREE -> pedigreeColumns();
                case VARIANTS -> variantColumns();
                default -> genotypeColumns();
            };
            for (Column c : cols) {
                String note = c.type() == CellType.DATE || c.type() == CellType.DATETIME ? dateNote : null;
                if (s == ExportSheet.RESPONSES && c.name().equals("value")) note = "choice codes; multiple choice ;-joined";
                if (s == ExportSheet.PEDIGREE && c.name().equals("SEX")) note = "1 male, 2 female, 0 unknown";
                if (s == ExportSheet.PEDIGREE && c.name().equals("PHENO")) note = "2 affected, 1 unaffected, 0 unknown";
                rows.add(new DictionaryRow(c.name(), s.title(), null, c.name(), c.type().code(), null, null, null, note));
            }
        }
        return rows;
    }

    private List<DictionaryRow> instrumentRows(InstrumentPlan plan, String sheet) {
        List<DictionaryRow> rows = new ArrayList<>();
        InstrumentDefinition d = plan.definition();
        InstrumentTexts t = plan.texts();
        String version = "version " + d.version();
        for (InstrumentDefinition.Scale s : d.scales()) {
            String notes = version + "; " + s.method().name().toLowerCase(java.util.Locale.ROOT) + " of " + String.join(", ", s.items())
                    + (s.reverse().isEmpty() ? "" : "; reverse-keyed: " + String.join(", ", s.reverse()))
                    + "; needs " + s.minAnswered() + " of " + s.items().size() + " answered" + (s.prorate() ? ", prorated below all" : "");
            rows.addAll(scaleRows(plan, s.id(), text(s.title()), notes, bands(s.bands()), sheet));
        }
        if (d.total() != null) {
            rows.addAll(scaleRows(plan, d.total().id(), text(d.total().title()), version + "; sum of the scales that enter the total",
                    bands(d.total().bands()), sheet));
        }
        if (options.items()) {
            for (Item item : d.items()) {
                if (!exported(item)) continue;
                String base = plan.event() + "." + item.id();
                String label = t.item(item);
                String unit = item.unit() == null ? null : item.unit().get(options.language());
                String range = item.min() == null && item.max() == null ? null : num(item.min()) + "–" + num(item.max());
                List<ResponseOption> opts = options(plan, item);
                if (item.type() == ItemType.MULTIPLE_CHOICE && options.multipleChoice() == MultipleChoice.COLUMNS) {
                    for (ResponseOption o : opts) {
                        rows.add(new DictionaryRow(base + "." + o.value(), sheet, d.id(), label + " — " + t.option(item.responseSet(), o), "integer",
                                "1, chosen | 0, not chosen", null, "0–1", null));
                    }
                    continue;
                }
                String codes = null;
                if (item.type().hasResponseSet()) {
                    StringJoiner j = new StringJoiner(" | ");
                    for (ResponseOption o : opts) j.add(o.value() + ", " + t.option(item.responseSet(), o));
                    codes = j.toString();
                } else if (item.type() == ItemType.YES_NO) {
                    codes = "1, " + yesNo(1) + " | 0, " + yesNo(0);
                }
                String notes = item.type() == ItemType.MULTIPLE_CHOICE ? "codes joined with ;" : null;
                if (item.type() == ItemType.DATE && options.deidentified()) notes = "shifted by the participant's random offset";
                if (item.showIf() != null) notes = (notes == null ? "" : notes + "; ") + "asked only if " + item.showIf();
                rows.add(new DictionaryRow(base, sheet, d.id(), label, item.type().code(), codes, unit, range, notes));
            }
        }
        return rows;
    }

    private List<DictionaryRow> scaleRows(InstrumentPlan plan, String scaleId, String title, String notes, String bands, String sheet) {
        String id = plan.definition().id();
        String base = plan.event() + "." + id + "." + scaleId;
        String label = (title == null ? scaleId : title) + " (" + plan.definition().shortName() + ", " + plan.event() + ")";
        return List.of(new DictionaryRow(base, sheet, id, label, "decimal", bands, null, null, notes),
                new DictionaryRow(base + ".answered", sheet, id, "Items answered: " + label, "integer", null, "items", null, null),
                new DictionaryRow(base + ".prorated", sheet, id, "Prorated: " + label, "boolean", "TRUE | FALSE", null, null, null),
                new DictionaryRow(base + ".band", sheet, id, "Band: " + label, "text", bands, null, null, null));
    }

    private String text(Map<String, String> texts) {
        if (texts == null) return null;
        return texts.getOrDefault(options.language(), texts.get("en"));
    }

    private static String bands(List<InstrumentDefinition.Band> bands) {
        if (bands == null || bands.isEmpty()) return null;
        StringJoiner j = new StringJoiner(" | ");
        for (var b : bands) j.add(num(b.min()) + "–" + num(b.max()) + ", " + b.label());
        return j.toString();
    }

    private static String num(Double d) {
        return d == null ? "" : plain(d);
    }

    /** Counts of the participant sheet for the Excel limit check. */
    public int participantColumnCount() {
        return participantColumns.size();
    }

    static Map<String, Integer> indexOf(List<Column> columns) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) m.put(columns.get(i).name(), i);
        return m;
    }
}
