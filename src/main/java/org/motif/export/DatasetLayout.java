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
import org.motif.linkage.FamilyLod;
import org.motif.linkage.MarkerLinkage;

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
    /** Suffix of the Participants sheet's per-variant family LOD columns. */
    public static final String LOD_SUFFIX = ".lod";
    /** The per-family segregation columns of the Variants sheet, {@code <familyId>.<part>} (as {@code GET /variants} names them). */
    public static final List<String> SEGREGATION_PARTS = List.of("affectedCarriers", "affectedGenotyped", "unaffectedCarriers", "unaffectedGenotyped",
            "obligateCarriers", "modes");

    private final ExportOptions options;
    private final List<InstrumentPlan> plans;
    private final List<String> genotypeColumns;
    private final List<Column> participantColumns;
    private final Map<String, Integer> participantIndex = new HashMap<>();
    private final int firstGenotypeColumn;
    private final boolean lodColumns;
    private final List<String> segregationFamilies;
    private final List<Double> linkageThetas;

    /** A layout without per-family LOD columns, segregation column groups or linkage θ columns. */
    public DatasetLayout(ExportOptions options, List<InstrumentPlan> plans, List<String> genotypeColumns) {
        this(options, plans, genotypeColumns, false, List.of(), List.of());
    }

    /**
     * @param plans               instruments × events in column order
     * @param genotypeColumns     variant keys {@code contig:pos:ref:alt} shown as columns of the Participants sheet (empty for none)
     * @param lodColumns          whether each genotype column gets a {@code <variant>.lod} column (the participant's family's max LOD)
     * @param segregationFamilies family ids with a column group of segregation counts in the Variants sheet, in column order
     * @param linkageThetas       the θ values with a {@code lod.<θ>} column in the Linkage sheet, ascending (the union of the runs' grids)
     */
    public DatasetLayout(ExportOptions options, List<InstrumentPlan> plans, List<String> genotypeColumns, boolean lodColumns,
                         List<String> segregationFamilies, List<Double> linkageThetas) {
        this.options = options;
        this.plans = List.copyOf(plans);
        this.genotypeColumns = List.copyOf(genotypeColumns);
        this.lodColumns = lodColumns && !genotypeColumns.isEmpty();
        this.segregationFamilies = List.copyOf(segregationFamilies);
        this.linkageThetas = linkageThetas.stream().sorted().distinct().toList();
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
        if (this.lodColumns) {
            for (String v : this.genotypeColumns) cols.add(Column.decimal(v + LOD_SUFFIX));
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

    /** Family ids with a segregation column group in the Variants sheet. */
    public List<String> segregationFamilies() {
        return segregationFamilies;
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

    /** The Variants sheet: the variant's fields, carriers among the exported participants, then one column group per family. */
    public List<Column> variantColumns() {
        List<Column> cols = new ArrayList<>(List.of(Column.text("variant"), Column.text("contig"), Column.integer("position"), Column.text("ref"),
                Column.text("alt"), Column.text("id"), Column.decimal("qual"), Column.text("filter"), Column.text("gene"), Column.text("consequence"),
                Column.decimal("af"), Column.integer("carriers"), Column.integer("genotyped")));
        for (String f : segregationFamilies) {
            for (String part : SEGREGATION_PARTS) cols.add(part.equals("modes") ? Column.text(f + "." + part) : Column.integer(f + "." + part));
        }
        return cols;
    }

    /** The first 13 cells of a Variants row, followed by the segregation column groups ({@code families} by family id; absent = empty cells). */
    public Object[] variantRow(Object[] variantCells, Map<String, StudyFacts.FamilySegregation> families) {
        Object[] row = java.util.Arrays.copyOf(variantCells, variantCells.length + SEGREGATION_PARTS.size() * segregationFamilies.size());
        int at = variantCells.length;
        for (String f : segregationFamilies) {
            StudyFacts.FamilySegregation s = families.get(f);
            if (s != null) {
                row[at] = s.affectedCarriers();
                row[at + 1] = s.affectedGenotyped();
                row[at + 2] = s.unaffectedCarriers();
                row[at + 3] = s.unaffectedGenotyped();
                row[at + 4] = s.obligateCarriers();
                row[at + 5] = String.join(";", s.modes());
            }
            at += SEGREGATION_PARTS.size();
        }
        return row;
    }

    /** The Linkage sheet (long: one row per run × variant × family, then the run's ALL row). */
    public List<Column> linkageColumns() {
        List<Column> cols = new ArrayList<>(List.of(Column.text("runId"), Column.text("importId"), Column.text("model"),
                Column.decimal("diseaseAlleleFrequency"), Column.decimal("f0"), Column.decimal("f1"), Column.decimal("f2"),
                Column.text("alleleFrequencies"), Column.text("variant"), Column.text("gene"), Column.decimal("markerAltFrequency"),
                Column.text("family"), Column.text("status"), Column.text("note"), Column.decimal("maxLod"), Column.decimal("thetaAtMax")));
        for (double t : linkageThetas) cols.add(Column.decimal(lodColumn(t)));
        cols.addAll(List.of(Column.decimal("hlod"), Column.decimal("hlodTheta"), Column.decimal("alpha")));
        return cols;
    }

    /** The Linkage sheet's column of one θ: {@code lod.0}, {@code lod.0.01}, … */
    public static String lodColumn(double theta) {
        String s = java.math.BigDecimal.valueOf(theta).stripTrailingZeros().toPlainString();
        return "lod." + ("-0".equals(s) ? "0" : s);
    }

    /**
     * The Linkage rows of one marker of one run: a row per family of the run for which {@code familyInScope} holds
     * (the run's family order), then the {@code ALL} row (the sum over every family of the run that is not NA) with the
     * HLOD and α at the θ maximising the HLOD. LODs are numbers; NA (inconsistent, not analysable) and −∞ are empty
     * cells whose status and note say why.
     */
    public List<Object[]> linkageRows(StudyFacts.LinkageRun run, String gene, MarkerLinkage m, java.util.function.Predicate<String> familyInScope) {
        List<Object[]> rows = new ArrayList<>(m.families().size() + 1);
        int width = 16 + linkageThetas.size() + 3;
        double[] thetas = m.thetas();
        int i = 0;
        for (FamilyLod f : m.families()) {
            String familyId = i < run.familyIds().size() ? run.familyIds().get(i) : f.family();
            String problem = i < run.problems().size() ? run.problems().get(i) : null;
            i++;
            if (!familyInScope.test(familyId)) continue;
            Object[] row = linkageStart(run, gene, m, width, f.family());
            String minusInf = minusInfinity(thetas, f.lods());
            switch (f.status()) {
                case SCORED -> {
                    row[12] = minusInf == null ? "scored" : "scored_minus_inf";
                    row[13] = minusInf == null ? null : "likelihood 0 (LOD −∞, empty cells) at θ = " + minusInf;
                }
                case UNINFORMATIVE -> {
                    row[12] = "uninformative";
                    row[13] = "at most one genotyped member: LOD 0 at every θ";
                }
                case INCONSISTENT -> {
                    row[12] = "inconsistent";
                    row[13] = "Mendelian inconsistency in this family at this marker: NA";
                }
                case NOT_ANALYSABLE -> {
                    row[12] = "not_analysable";
                    row[13] = problem == null ? "the family cannot be peeled: NA" : problem;
                }
            }
            putLods(row, thetas, f.lods());
            rows.add(row);
        }
        Object[] all = linkageStart(run, gene, m, width, "ALL");
        String minusInf = minusInfinity(thetas, m.totalLods());
        all[12] = minusInf == null ? "scored" : "scored_minus_inf";
        all[13] = minusInf == null ? "sum over the run's families that are not NA" : "likelihood 0 (LOD −∞, empty cells) at θ = " + minusInf;
        putLods(all, thetas, m.totalLods());
        int h = 0;
        for (int t = 1; t < m.hlods().length; t++) if (m.hlods()[t] > m.hlods()[h]) h = t;
        if (m.hlods().length > 0) {
            all[width - 3] = finite(m.hlods()[h]);
            all[width - 2] = thetas[h];
            all[width - 1] = m.alphas()[h];
        }
        rows.add(all);
        return rows;
    }

    private static Object[] linkageStart(StudyFacts.LinkageRun run, String gene, MarkerLinkage m, int width, String family) {
        Object[] row = new Object[width];
        row[0] = run.runId();
        row[1] = run.importId();
        row[2] = run.preset() == null ? "custom" : run.preset();
        row[3] = run.diseaseAlleleFrequency();
        row[4] = run.f0();
        row[5] = run.f1();
        row[6] = run.f2();
        row[7] = run.alleleFrequencies();
        row[8] = m.variant();
        row[9] = gene;
        row[10] = m.altFrequency();
        row[11] = family;
        return row;
    }

    private void putLods(Object[] row, double[] thetas, double[] lods) {
        int best = -1;
        for (int t = 0; t < lods.length; t++) {
            if (Double.isNaN(lods[t])) continue;
            if (best < 0 || lods[t] > lods[best]) best = t;
        }
        if (best >= 0 && Double.isFinite(lods[best])) {
            row[14] = lods[best];
            row[15] = thetas[best];
        }
        for (int t = 0; t < thetas.length; t++) {
            int at = linkageThetas.indexOf(thetas[t]);
            if (at >= 0) row[16 + at] = finite(lods[t]);
        }
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    /** The θ values (comma-separated) where the LOD is −∞, or null when there is none. */
    private static String minusInfinity(double[] thetas, double[] lods) {
        StringJoiner j = new StringJoiner(", ");
        for (int t = 0; t < lods.length; t++) if (lods[t] == Double.NEGATIVE_INFINITY) j.add(plain(thetas[t]));
        return j.length() == 0 ? null : j.toString();
    }

    /** The largest LOD of a family at a marker over the θ grid, or NaN when it is NA or −∞ (for the Participants sheet's LOD columns). */
    public static double maxLod(FamilyLod f) {
        if (!f.counted()) return Double.NaN;
        double best = Double.NaN;
        for (double v : f.lods()) if (!Double.isNaN(v) && (Double.isNaN(best) || v > best)) best = v;
        return Double.isFinite(best) ? best : Double.NaN;
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
        return participantRow(p, answers, scores, genotypes, null);
    }

    /**
     * The Participants row of one participant with the family LOD columns.
     *
     * @param lods per genotype column the max LOD of the participant's family at that variant (NaN = empty), or null for none
     */
    public Object[] participantRow(StudyFacts.Participant p, List<StudyFacts.Answer> answers, List<StudyFacts.Score> scores, byte[] genotypes,
                                   double[] lods) {
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
        if (lodColumns && lods != null) {
            int first = firstGenotypeColumn + genotypeColumns.size();
            for (int i = 0; i < genotypeColumns.size(); i++) row[first + i] = Double.isNaN(lods[i]) ? null : lods[i];
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
            if (lodColumns) {
                for (String v : genotypeColumns) {
                    rows.add(new DictionaryRow(v + LOD_SUFFIX, sheet, null, "Max LOD of the participant's family at " + v, "decimal", null, "LOD (log10)",
                            null, "two-point LOD of the family's group (FID or FID#k) maximised over the run's θ grid, from the exported linkage run "
                            + "of the variant's import (About sheet); empty = no run, family not scored, NA (inconsistent / not analysable) or −∞"));
                }
            }
        }
        for (ExportSheet s : List.of(ExportSheet.RESPONSES, ExportSheet.SCORES, ExportSheet.PHENOTYPES, ExportSheet.PEDIGREE, ExportSheet.VARIANTS,
                ExportSheet.GENOTYPES, ExportSheet.LINKAGE)) {
            if (!sheets.contains(s)) continue;
            List<Column> cols = switch (s) {
                case RESPONSES -> responseColumns();
                case SCORES -> scoreColumns();
                case PHENOTYPES -> phenotypeColumns();
                case PEDIGREE -> pedigreeColumns();
                case VARIANTS -> variantColumns();
                case LINKAGE -> linkageColumns();
                default -> genotypeColumns();
            };
            for (Column c : cols) {
                if (s == ExportSheet.VARIANTS || s == ExportSheet.LINKAGE) {
                    DictionaryRow r = genomicsRow(s, c);
                    if (r != null) {
                        rows.add(r);
                        continue;
                    }
                }
                String note = c.type() == CellType.DATE || c.type() == CellType.DATETIME ? dateNote : null;
                if (s == ExportSheet.RESPONSES && c.name().equals("value")) note = "choice codes; multiple choice ;-joined";
                if (s == ExportSheet.PEDIGREE && c.name().equals("SEX")) note = "1 male, 2 female, 0 unknown";
                if (s == ExportSheet.PEDIGREE && c.name().equals("PHENO")) note = "2 affected, 1 unaffected, 0 unknown";
                rows.add(new DictionaryRow(c.name(), s.title(), null, c.name(), c.type().code(), null, null, null, note));
            }
        }
        return rows;
    }

    /** Dictionary rows of the Variants segregation columns and the Linkage sheet, or null for a column described by its name alone. */
    private static DictionaryRow genomicsRow(ExportSheet s, Column c) {
        String sheet = s.title();
        String n = c.name();
        String t = c.type().code();
        if (s == ExportSheet.VARIANTS) {
            int dot = n.lastIndexOf('.');
            if (n.equals("carriers")) return new DictionaryRow(n, sheet, null, "Carriers (0/1 or 1/1) among the exported participants", t, null, "people", null, null);
            if (n.equals("genotyped")) return new DictionaryRow(n, sheet, null, "Exported participants with a call", t, null, "people", null, null);
            if (dot < 0) return null;
            String family = n.substring(0, dot);
            String part = n.substring(dot + 1);
            String note = "as GET /api/v1/variants reports it for family " + family + " (carrier = 0/1 or 1/1; members of unknown affection enter no count; "
                    + "participants withdrawn with scope no_use count as untyped of unknown affection); empty = no member of the family in the variant's import";
            return switch (part) {
                case "affectedCarriers" -> new DictionaryRow(n, sheet, null, "Family " + family + ": affected carriers", t, null, "people", null, note);
                case "affectedGenotyped" -> new DictionaryRow(n, sheet, null, "Family " + family + ": affected members with a call", t, null, "people", null, note);
                case "unaffectedCarriers" -> new DictionaryRow(n, sheet, null, "Family " + family + ": unaffected carriers", t, null, "people", null, note);
                case "unaffectedGenotyped" -> new DictionaryRow(n, sheet, null, "Family " + family + ": unaffected members with a call", t, null, "people", null, note);
                case "obligateCarriers" -> new DictionaryRow(n, sheet, null, "Family " + family + ": untyped members who must carry the variant", t, null, "people",
                        null, note);
                case "modes" -> new DictionaryRow(n, sheet, null, "Family " + family + ": inheritance modes the genotypes fit", t,
                        "dominant_complete_penetrance | dominant_reduced_penetrance | recessive | de_novo | x_linked", null, null, "joined with ;; " + note);
                default -> null;
            };
        }
        String naNote = "empty when NA (inconsistent, not analysable) or −∞; status and note say which";
        if (n.startsWith("lod.")) {
            return new DictionaryRow(n, sheet, null, "LOD at θ = " + n.substring(4), t, null, "LOD (log10)", null,
                    "log10 L(θ) − log10 L(½), as lods.tsv of the run; " + naNote + "; empty also when the run's θ grid lacks this θ");
        }
        return switch (n) {
            case "runId" -> new DictionaryRow(n, sheet, null, "Linkage run (GET /api/v1/linkage/runs/{id}); its parameters are on the About sheet", t, null, null, null, null);
            case "importId" -> new DictionaryRow(n, sheet, null, "VCF import the run scored", t, null, null, null, null);
            case "model" -> new DictionaryRow(n, sheet, null, "Disease model: preset id (genomics/linkage-models.yaml) or custom", t, null, null, null, null);
            case "diseaseAlleleFrequency" -> new DictionaryRow(n, sheet, null, "Disease allele frequency q", t, null, null, "0–1", null);
            case "f0", "f1", "f2" -> new DictionaryRow(n, sheet, null, "Penetrance with " + n.charAt(1) + " disease allele(s)", t, null, null, "0–1", null);
            case "alleleFrequencies" -> new DictionaryRow(n, sheet, null, "Source of the marker allele frequencies", t, "founders | all | info", null, null, null);
            case "variant" -> new DictionaryRow(n, sheet, null, "Variant contig:pos:ref:alt (contig as in the VCF, 1-based position)", t, null, null, null, null);
            case "gene" -> new DictionaryRow(n, sheet, null, "Gene of the variant", t, null, null, null, null);
            case "markerAltFrequency" -> new DictionaryRow(n, sheet, null, "ALT allele frequency used (floored at 0.001, renormalised)", t, null, null, "0–1", null);
            case "family" -> new DictionaryRow(n, sheet, null, "PED family id, FID#k for the k-th unconnected group of a family, or ALL", t, null, null, null,
                    "ALL sums every family of the run that is not NA, also families left out by the families option");
            case "status" -> new DictionaryRow(n, sheet, null, "How the family was scored at this marker", t,
                    "scored | scored_minus_inf (likelihood 0 at some θ) | uninformative (≤ 1 genotyped member, LOD 0) | inconsistent (Mendelian "
                            + "inconsistency, NA) | not_analysable (loop, NA)", null, null, null);
            case "note" -> new DictionaryRow(n, sheet, null, "Why a LOD is empty: the loop, the inconsistency, or the θ values where LOD = −∞", t, null, null, null, null);
            case "maxLod" -> new DictionaryRow(n, sheet, null, "Largest LOD over the run's θ grid", t, null, "LOD (log10)", null, naNote);
            case "thetaAtMax" -> new DictionaryRow(n, sheet, null, "θ of maxLod (the smallest on ties)", t, null, "recombination fraction", "0–0.5", null);
            case "hlod" -> new DictionaryRow(n, sheet, null, "Heterogeneity LOD (admixture) at hlodTheta; ALL rows only", t, null, "LOD (log10)", null,
                    "max over α on the grid 0, 0.01, …, 1 and over θ; as hlod.tsv");
            case "hlodTheta" -> new DictionaryRow(n, sheet, null, "θ at which the HLOD is largest; ALL rows only", t, null, "recombination fraction", "0–0.5", null);
            case "alpha" -> new DictionaryRow(n, sheet, null, "Share of linked families α maximising the HLOD at hlodTheta; ALL rows only", t, null, null, "0–1", null);
            default -> null;
        };
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
