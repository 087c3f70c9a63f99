package org.motif.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motif.StudyFixtures.as;
import static org.motif.db.Tables.ASSIGNMENT;
import static org.motif.db.Tables.ASSIGNMENT_INSTRUMENT;
import static org.motif.db.Tables.FAMILY;
import static org.motif.db.Tables.PARTICIPANT;
import static org.motif.db.Tables.RESPONSE;
import static org.motif.db.Tables.SCORE;
import static org.motif.db.Tables.VARIANT;
import static org.motif.db.Tables.VCF_IMPORT;
import static org.motif.db.Tables.VCF_SAMPLE;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.motif.AbstractIT;
import org.motif.TestDatabase;
import org.motif.export.ExportService.ExportFormat;
import org.motif.questionnaire.InstrumentDefinition;
import org.motif.questionnaire.InstrumentDefinition.Item;
import org.motif.questionnaire.InstrumentService;
import org.motif.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark (not part of the test run; README "Export"): 10,000 participants with one completed
 * baseline assignment of several instruments (≈300 item/score columns in the Participants sheet), 100
 * variants × 10,000 samples = 1,000,000 genotype cells. Rows are inserted with jOOQ batches (not through
 * the services: too slow at this size). Measures the xlsx export and the CSV zip of the same options,
 * time and peak heap (all heap pools, after a GC before each run).
 * Run: {@code MOTIF_TEST_POSTGRES_URL=… mvn verify -DskipUTs -Dit.test=ExportBenchmarkIT -DexcludedGroups=none -DargLine=-Xmx512m}
 */
@Tag("benchmark")
class ExportBenchmarkIT extends AbstractIT {
    static final int PARTICIPANTS = 10_000;
    static final int FAMILY_SIZE = 20;
    static final int VARIANTS = 100;
    static final List<String> INSTRUMENTS = List.of("gad7", "fmps", "stai", "musical_background", "dystonia_history", "treatment_outcome", "family_history");

    @Autowired
    DSLContext db;
    @Autowired
    InstrumentService instruments;
    @Autowired
    ExportService exports;

    @Test
    void ten_thousand_participants_three_hundred_columns_and_a_million_genotype_cells() throws Exception {
        long t0 = System.nanoTime();
        generate();
        System.out.printf("%n== Export benchmark on %s, max heap %d MB, %d cores; data generated in %.1f s%n", TestDatabase.isPostgres() ? "PostgreSQL" : "H2",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), (System.nanoTime() - t0) / 1e9);
        var options = Map.of("families", "", "include", "participants,genotypes", "items", "true");
        for (ExportFormat format : List.of(ExportFormat.XLSX, ExportFormat.ZIP, ExportFormat.XLSX)) {
            Path file = Files.createTempFile("export-bench", "." + format.extension());
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            var plan = as("bench", () -> exports.prepare(ExportOptions.parse(options), format), Role.ADMIN);
            as("bench", () -> {
                try (OutputStream out = Files.newOutputStream(file)) {
                    exports.write(plan, out, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            }, Role.ADMIN);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
            }
            System.out.printf("%s: %d participants, Participants sheet %d columns, %d genotype cells; %.1f s, peak heap %d MB, file %d MB%n",
                    format.extension(), plan.participants(), plan.layout().participantColumnCount(), (long) plan.participants() * VARIANTS, seconds,
                    peak >> 20, Files.size(file) >> 20);
            assertThat(plan.participants()).isEqualTo(PARTICIPANTS);
            Files.delete(file);
        }
    }

    private void generate() {
        Random random = new Random(42);
        List<Long> familyPks = new ArrayList<>();
        for (int f = 0; f < PARTICIPANTS / FAMILY_SIZE; f++) {
            familyPks.add(db.insertInto(FAMILY).set(FAMILY.FAMILY_ID, String.format("B%04d", f)).returning(FAMILY.ID).fetchOne(FAMILY.ID));
        }
        var people = db.batch(db.insertInto(PARTICIPANT, PARTICIPANT.PARTICIPANT_ID, PARTICIPANT.FAMILY_PK, PARTICIPANT.SEX, PARTICIPANT.BIRTH_YEAR,
                PARTICIPANT.ROLE).values((String) null, (Long) null, null, null, null));
        for (int i = 0; i < PARTICIPANTS; i++) {
            people.bind(String.format("B%04d-%02d", i / FAMILY_SIZE, i % FAMILY_SIZE), familyPks.get(i / FAMILY_SIZE), i % 2 == 0 ? "female" : "male",
                    1950 + random.nextInt(50), "musician");
        }
        people.execute();
        List<Long> pks = db.select(PARTICIPANT.ID).from(PARTICIPANT).where(PARTICIPANT.PARTICIPANT_ID.like("B%")).orderBy(PARTICIPANT.ID).fetch(PARTICIPANT.ID);

        List<InstrumentDefinition> defs = INSTRUMENTS.stream().map(instruments::get).toList();
        var assignments = db.batch(db.insertInto(ASSIGNMENT, ASSIGNMENT.ASSIGNMENT_ID, ASSIGNMENT.PARTICIPANT_PK, ASSIGNMENT.EVENT_LABEL,
                ASSIGNMENT.CREATED_BY, ASSIGNMENT.COMPLETED_AT, ASSIGNMENT.CURRENT_STEP).values((String) null, (Long) null, null, null, null, null));
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 0; i < pks.size(); i++) assignments.bind("bench" + i, pks.get(i), "baseline", "bench", now, "complete");
        assignments.execute();
        List<Long> assignmentPks = db.select(ASSIGNMENT.ID).from(ASSIGNMENT).where(ASSIGNMENT.ASSIGNMENT_ID.like("bench%")).orderBy(ASSIGNMENT.ID)
                .fetch(ASSIGNMENT.ID);
        var ai = db.batch(db.insertInto(ASSIGNMENT_INSTRUMENT, ASSIGNMENT_INSTRUMENT.ASSIGNMENT_PK, ASSIGNMENT_INSTRUMENT.POSITION,
                ASSIGNMENT_INSTRUMENT.INSTRUMENT_ID, ASSIGNMENT_INSTRUMENT.INSTRUMENT_VERSION).values((Long) null, null, null, null));
        for (long a : assignmentPks) for (int k = 0; k < defs.size(); k++) ai.bind(a, k, defs.get(k).id(), defs.get(k).version());
        ai.execute();
        // one INSERT … SELECT per item and scale: 10,000 rows each, generated by the database
        var bench = db.select(ASSIGNMENT.ID).from(ASSIGNMENT).where(ASSIGNMENT.ASSIGNMENT_ID.like("bench%"));
        for (InstrumentDefinition d : defs) {
            for (Item item : d.items()) {
                db.insertInto(RESPONSE, RESPONSE.ASSIGNMENT_PK, RESPONSE.INSTRUMENT_ID, RESPONSE.ITEM_ID, RESPONSE.VALUE_JSON, RESPONSE.REVISION)
                        .select(db.select(ASSIGNMENT.ID, DSL.val(d.id()), DSL.val(item.id()), DSL.val(answer(d, item, random)), DSL.val(1L)).from(ASSIGNMENT)
                                .where(ASSIGNMENT.ASSIGNMENT_ID.like("bench%"))).execute();
            }
            for (String scale : d.scaleIds()) {
                db.insertInto(SCORE, SCORE.ASSIGNMENT_PK, SCORE.INSTRUMENT_ID, SCORE.SCALE_ID, SCORE.INSTRUMENT_VERSION, SCORE.SCORING_VERSION, SCORE.SCORE_,
                                SCORE.ANSWERED, SCORE.OF_ITEMS, SCORE.PRORATED)
                        .select(db.select(ASSIGNMENT.ID, DSL.val(d.id()), DSL.val(scale), DSL.val(d.version()), DSL.val("bench"),
                                DSL.val((double) random.nextInt(40)), DSL.val(7), DSL.val(7), DSL.val(false)).from(ASSIGNMENT)
                                .where(ASSIGNMENT.ASSIGNMENT_ID.like("bench%"))).execute();
            }
        }
        assertThat(bench.fetch()).hasSize(PARTICIPANTS);

        long imp = db.insertInto(VCF_IMPORT).set(VCF_IMPORT.IMPORT_ID, "imp_bench").set(VCF_IMPORT.FILE_NAME, "bench.vcf.gz").set(VCF_IMPORT.SHA256, "b".repeat(64))
                .set(VCF_IMPORT.STATUS, "done").set(VCF_IMPORT.CREATED_BY, "bench").returning(VCF_IMPORT.ID).fetchOne(VCF_IMPORT.ID);
        var samples = db.batch(db.insertInto(VCF_SAMPLE, VCF_SAMPLE.IMPORT_PK, VCF_SAMPLE.COLUMN_INDEX, VCF_SAMPLE.NAME, VCF_SAMPLE.PARTICIPANT_PK)
                .values((Long) null, null, null, null));
        for (int i = 0; i < pks.size(); i++) samples.bind(imp, i, "S" + i, pks.get(i));
        samples.execute();
        var variants = db.batch(db.insertInto(VARIANT, VARIANT.IMPORT_PK, VARIANT.CONTIG, VARIANT.POSITION, VARIANT.REF, VARIANT.ALT, VARIANT.GT)
                .values((Long) null, null, null, null, null, null));
        for (int v = 0; v < VARIANTS; v++) {
            byte[] gt = new byte[pks.size()];
            for (int i = 0; i < gt.length; i++) gt[i] = (byte) (random.nextInt(10) < 7 ? 0 : random.nextInt(4));
            variants.bind(imp, "chr9", 130_000_000 + v * 100, "G", "A", gt);
        }
        variants.execute();
    }

    private static String answer(InstrumentDefinition d, Item item, Random random) {
        return switch (item.type()) {
            case SINGLE_CHOICE -> String.valueOf(d.responseSet(item.responseSet()).orElseThrow().options().get(0).value());
            case MULTIPLE_CHOICE -> "[1,2]";
            case YES_NO -> String.valueOf(random.nextInt(2));
            case INTEGER, YEAR -> String.valueOf(item.min() == null ? 1 : item.min().intValue());
            case DECIMAL -> "1.5";
            case DATE -> "\"2020-01-01\"";
            case SHORT_TEXT, LONG_TEXT -> "\"text\"";
        };
    }
}
