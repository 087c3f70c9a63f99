package org.motif.questionnaire;

import static org.motif.db.Tables.INSTRUMENT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.motif.base.MotifException;
import org.motif.base.NotFoundException;
import org.motif.base.Problem;
import org.motif.security.audit.AuditService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The study's instruments: the current definitions (read at start-up from {@code questionnaires/*.yaml}
 * on the class path, or from the directory {@code motif.questionnaires} when set), every earlier
 * version stored in table {@code instrument}, the licensed text packs of {@code motif.instrument-texts},
 * and scoring without storing. Reading is open to every caller (staff views, the API and the
 * participant survey); the API's URL rules restrict it to staff.
 */
@Service
@Transactional
public class InstrumentService {
    private static final Logger log = LoggerFactory.getLogger(InstrumentService.class);

    private final DSLContext db;
    private final AuditService audit;
    private final InstrumentLibrary library;
    private final String textPackDirectory;
    private final Map<String, InstrumentDefinition> olderVersions = new ConcurrentHashMap<>();

    public InstrumentService(DSLContext db, AuditService audit, @Value("${motif.questionnaires:${MOTIF_QUESTIONNAIRES:}}") String definitionDirectory,
                             @Value("${motif.instrument-texts:${MOTIF_INSTRUMENT_TEXTS:}}") String textPackDirectory) {
        this.db = db;
        this.audit = audit;
        this.textPackDirectory = textPackDirectory.isBlank() ? null : textPackDirectory;
        this.library = InstrumentLibrary.load(definitionFiles(definitionDirectory), textPackFiles(this.textPackDirectory));
        log.info("Loaded {} instrument definitions{}", library.definitions().size(),
                this.textPackDirectory == null ? " (no text-pack directory configured)" : " and text packs from " + this.textPackDirectory);
    }

    /**
     * Stores each loaded definition version that is not stored yet; called once at start-up.
     *
     * @throws InstrumentLibraryException when a file's content changed but its version did not
     */
    public void registerLoadedVersions() {
        List<DefinitionException> errors = new ArrayList<>();
        for (LoadedDefinition d : library.definitions()) {
            var def = d.definition();
            var stored = db.selectFrom(INSTRUMENT).where(INSTRUMENT.INSTRUMENT_ID.eq(def.id()), INSTRUMENT.VERSION.eq(def.version())).fetchOptional();
            if (stored.isEmpty()) {
                db.insertInto(INSTRUMENT).set(INSTRUMENT.INSTRUMENT_ID, def.id()).set(INSTRUMENT.VERSION, def.version())
                        .set(INSTRUMENT.CONTENT_HASH, d.contentHash()).set(INSTRUMENT.FILE_NAME, d.fileName())
                        .set(INSTRUMENT.DEFINITION, d.source()).execute();
                audit.record("instrument.version.registered", "instrument", def.id(), Map.of("version", def.version(), "contentHash", d.contentHash()));
            } else if (!stored.get().getContentHash().equals(d.contentHash())) {
                errors.add(new DefinitionException(d.fileName(), List.of(new Problem(lineOfVersion(d.source()), "version",
                        "the content of " + def.id() + " changed but its version is still '" + def.version() + "' (stored on "
                                + stored.get().getLoadedAt().toLocalDate() + "); answers given under version '" + def.version()
                                + "' must stay scoreable by it, so give the changed definition a new version, e.g. version: \"" + nextVersion(def.version()) + "\""))));
            }
        }
        if (!errors.isEmpty()) throw new InstrumentLibraryException(errors);
    }

    /** Every current instrument, in file-name order. */
    @Transactional(readOnly = true)
    public List<InstrumentSummary> list() {
        return library.definitions().stream().map(LoadedDefinition::definition)
                .sorted(Comparator.comparing(InstrumentDefinition::id))
                .map(d -> new InstrumentSummary(d.id(), d.version(), d.title().get("en"), d.licence(), d.items().size(), d.scaleIds(), textsInstalled(d.id())))
                .toList();
    }

    /**
     * The current definition.
     *
     * @throws NotFoundException naming the id and the known ids
     */
    @Transactional(readOnly = true)
    public InstrumentDefinition get(String instrumentId) {
        return library.definition(instrumentId).map(LoadedDefinition::definition)
                .orElseThrow(() -> new NotFoundException("No instrument '" + instrumentId + "'; known instruments: "
                        + String.join(", ", library.definitions().stream().map(d -> d.definition().id()).sorted().toList())));
    }

    /**
     * A definition by version; null or the current version gives the current definition.
     *
     * @throws NotFoundException when the instrument or the version is unknown
     */
    @Transactional(readOnly = true)
    public InstrumentDefinition get(String instrumentId, String version) {
        InstrumentDefinition current = get(instrumentId);
        if (version == null || version.equals(current.version())) return current;
        return olderVersions.computeIfAbsent(instrumentId + "@" + version, k -> {
            var row = db.selectFrom(INSTRUMENT).where(INSTRUMENT.INSTRUMENT_ID.eq(instrumentId), INSTRUMENT.VERSION.eq(version)).fetchOptional()
                    .orElseThrow(() -> new NotFoundException("Instrument " + instrumentId + " has no version '" + version + "'; known versions: "
                            + String.join(", ", versions(instrumentId))));
            return DefinitionLoader.load(row.getFileName(), row.getDefinition()).definition();
        });
    }

    /** Versions of an instrument that were ever loaded, oldest first. */
    @Transactional(readOnly = true)
    public List<String> versions(String instrumentId) {
        return db.select(INSTRUMENT.VERSION).from(INSTRUMENT).where(INSTRUMENT.INSTRUMENT_ID.eq(instrumentId))
                .orderBy(INSTRUMENT.LOADED_AT, INSTRUMENT.ID).fetch(INSTRUMENT.VERSION);
    }

    /**
     * Scores answers without storing anything.
     *
     * @param version the version the answers were given under; null for the current one
     * @throws org.motif.base.ValidationException for unknown item ids or answers that do not fit
     */
    @Transactional(readOnly = true)
    public ScoreResult score(String instrumentId, String version, Map<String, ?> answers) {
        return Scorer.score(get(instrumentId, version), answers);
    }

    /** The texts to show for an instrument in a language ({@code en} or {@code de}). */
    @Transactional(readOnly = true)
    public InstrumentTexts texts(String instrumentId, String language) {
        return new InstrumentTexts(get(instrumentId), language, library.pack(instrumentId, language).orElse(null));
    }

    /** The texts to show for a given definition version in a language ({@code en} or {@code de}). */
    public InstrumentTexts texts(InstrumentDefinition definition, String language) {
        return new InstrumentTexts(definition, language, library.pack(definition.id(), language).orElse(null));
    }

    /** Whether every item has a text in English (own texts or an installed pack). */
    @Transactional(readOnly = true)
    public boolean textsInstalled(String instrumentId) {
        return texts(instrumentId, "en").complete();
    }

    /**
     * The current definition as a REDCap data dictionary (CSV), with labels in {@code language}.
     */
    @Transactional(readOnly = true)
    public String redcapDictionary(String instrumentId, String language) {
        return org.motif.questionnaire.redcap.RedcapDictionary.export(texts(instrumentId, language));
    }

    /**
     * Converts a REDCap data dictionary into a definition file (nothing is stored: review the YAML and
     * add it to questionnaires/). Unsupported features come back by row.
     *
     * @throws org.motif.base.ValidationException when the file is not a usable dictionary
     */
    public org.motif.questionnaire.redcap.RedcapImport importRedcap(String fileName, String csv, String form) {
        return org.motif.questionnaire.redcap.RedcapDictionary.importDictionary(fileName, csv, form);
    }

    /** The configured text-pack directory, or null. */
    public String textPackDirectory() {
        return textPackDirectory;
    }

    // ---- reading files

    private static List<InstrumentLibrary.SourceFile> definitionFiles(String directory) {
        if (!directory.isBlank()) return readDirectory(Path.of(directory), "[a-z][a-z0-9_]*\\.yaml");
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:questionnaires/*.yaml");
            List<InstrumentLibrary.SourceFile> files = new ArrayList<>();
            for (Resource r : Arrays.stream(resources).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
                try (var in = r.getInputStream()) {
                    files.add(new InstrumentLibrary.SourceFile(r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            if (files.isEmpty()) throw new MotifException("No instrument definitions found on the class path (questionnaires/*.yaml); set motif.questionnaires to their directory");
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<InstrumentLibrary.SourceFile> textPackFiles(String directory) {
        if (directory == null) return List.of();
        Path dir = Path.of(directory);
        if (!Files.isDirectory(dir)) {
            throw new MotifException("Text-pack directory " + dir.toAbsolutePath() + " (MOTIF_INSTRUMENT_TEXTS / motif.instrument-texts) does not exist; create it or unset the setting");
        }
        return readDirectory(dir, "[a-z][a-z0-9_]*\\.(en|de)\\.yaml");
    }

    private static List<InstrumentLibrary.SourceFile> readDirectory(Path dir, String pattern) {
        if (!Files.isDirectory(dir)) throw new MotifException("Directory " + dir.toAbsolutePath() + " does not exist");
        try (Stream<Path> s = Files.list(dir)) {
            List<InstrumentLibrary.SourceFile> out = new ArrayList<>();
            for (Path p : s.filter(p -> p.getFileName().toString().matches(pattern)).sorted().toList()) {
                out.add(new InstrumentLibrary.SourceFile(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineOfVersion(String source) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].startsWith("version:")) return i + 1;
        return 1;
    }

    private static String nextVersion(String version) {
        return version.matches("\\d+") ? String.valueOf(Integer.parseInt(version) + 1) : version + ".1";
    }
}
