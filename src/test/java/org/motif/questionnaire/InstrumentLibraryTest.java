package org.motif.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.motif.questionnaire.InstrumentLibrary.SourceFile;

class InstrumentLibraryTest {
    static final Path PACKS = Path.of("src/test/resources/instrument-texts");

    static SourceFile shipped(String id) throws IOException {
        return new SourceFile(id + ".yaml", Files.readString(Shipped.DIR.resolve(id + ".yaml")));
    }

    @Test
    void an_installed_text_pack_replaces_the_placeholders() throws IOException {
        var pack = new SourceFile("fmps.en.yaml", Files.readString(PACKS.resolve("fmps.en.yaml")));
        var library = InstrumentLibrary.load(List.of(shipped("fmps")), List.of(pack));
        var d = library.definition("fmps").orElseThrow().definition();
        var texts = new InstrumentTexts(d, "en", library.pack("fmps", "en").orElseThrow());
        assertThat(texts.complete()).isTrue();
        assertThat(texts.title()).isEqualTo("FAKE FMPS title (test fixture)");
        assertThat(texts.item(d.item("fmps_9").orElseThrow())).isEqualTo("FAKE text of FMPS item 9 (test fixture, not the real item)");
        assertThat(texts.option("agreement", d.responseSet("agreement").orElseThrow().options().get(0))).isEqualTo("FAKE label 1");
        assertThat(library.pack("fmps", "de")).isEmpty();
    }

    @Test
    void a_text_pack_naming_an_unknown_item_is_rejected_with_its_line() throws IOException {
        String text = Files.readString(PACKS.resolve("fmps.en.yaml")).replace("  fmps_35:", "  fmps_36:");
        var e = catchThrowableOfType(InstrumentLibraryException.class,
                () -> InstrumentLibrary.load(List.of(shipped("fmps")), List.of(new SourceFile("fmps.en.yaml", text))));
        assertThat(e.getMessage()).contains("fmps.en.yaml line 39, field items.fmps_36: 'fmps_36' is not an item of fmps version 1")
                .contains("field items.fmps_35: text for item 'fmps_35' is missing");
    }

    @Test
    void every_broken_file_is_reported_not_just_the_first() throws IOException {
        var e = catchThrowableOfType(InstrumentLibraryException.class, () -> InstrumentLibrary.load(List.of(
                shipped("gad7"),
                new SourceFile("bad_method.yaml", Files.readString(MalformedDefinitionsTest.BAD.resolve("bad_method.yaml"))),
                new SourceFile("unknown_type.yaml", Files.readString(MalformedDefinitionsTest.BAD.resolve("unknown_type.yaml")))), List.of()));
        assertThat(e.files()).extracting(DefinitionException::fileName).containsExactly("bad_method.yaml", "unknown_type.yaml");
    }
}
