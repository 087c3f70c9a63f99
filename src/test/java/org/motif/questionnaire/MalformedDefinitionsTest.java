package org.motif.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.motif.base.Problem;

/**
 * Each file under src/test/resources/questionnaires/bad/ has one fault; the loader must name the file,
 * the line and the field of it (and never fail with anything but a {@link DefinitionException}).
 */
class MalformedDefinitionsTest {
    static final Path BAD = Path.of("src/test/resources/questionnaires/bad");

    @ParameterizedTest(name = "{0}.yaml: line {1}, field {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            yaml_syntax            | 13 | -                               | YAML syntax error
            duplicate_key          | 16 | items[0].type                   | duplicate key 'type' (first given on line 13)
            unknown_type           | 13 | items[0].type                   | unknown item type 'radio'
            id_mismatch            | 1  | id                              | must equal the file name
            item_prefix            | 12 | items[0].id                     | must start with 'item_prefix_'
            item_id_pattern        | 12 | items[0].id                     | must match [a-z][a-z0-9_]*
            duplicate_item         | 16 | items[1].id                     | is used twice
            response_set_ref       | 14 | items[0].responseSet            | response set 'nope' is not defined
            missing_german         | 15 | items[0].text.de                | the de text is missing
            unknown_field          | 24 | colour                          | unknown field 'colour'
            bad_licence            | 5  | licence                         | unknown licence 'gpl'
            missing_citation       | 1  | citation                        | 'citation' is required
            showif_syntax          | 19 | items[1].showIf                 | position 17 of 'showif_syntax_1 = 1': '=' is not an operator; use '==' or '!='
            showif_later_item      | 15 | items[0].showIf                 | 'showif_later_item_2', which is not an earlier item
            showif_unknown_item    | 19 | items[1].showIf                 | 'showif_unknown_item_9', which is not an earlier item
            scale_unknown_item     | 22 | scales[0].items                 | 'scale_unknown_item_3' is not an item of this instrument
            reverse_outside_scale  | 24 | scales[0].reverse               | 'reverse_outside_scale_2' is not one of the scale's items
            bad_method             | 23 | scales[0].method                | unknown method 'median'; use sum or mean
            sum_without_prorate    | 24 | scales[0].minAnswered           | would count missing answers as 0
            min_answered_too_high  | 24 | scales[0].minAnswered           | must be between 1 and the number of items (2)
            bands_overlap          | 26 | scales[0].bands[1].min          | bands must be in increasing order without overlap
            option_value_decimal   | 9  | responseSets[0].options[0].value | expected a whole number, found '0.5'
            duplicate_option_value | 10 | responseSets[0].options[1].value | option value 0 is used twice
            licensed_with_text     | 15 | items[0].text                   | licensed instruments ship the scoring key only
            range_on_choice        | 15 | items[0].min                    | min applies only to integer, decimal and year items
            total_without_parts    | 24 | total                           | no scale has 'entersTotal: true'
            scale_on_text_item     | 21 | scales[0].items                 | only single-choice and yes-no items can be scored
            required_not_boolean   | 15 | items[0].required               | expected true or false, found 'sometimes'
            missing_version        | 1  | version                         | 'version' is required
            empty_file             | 1  | -                               | the file is empty
            not_a_map              | 1  | -                               | a definition is a map of fields
            """)
    void a_malformed_definition_names_file_line_and_field(String name, int line, String field, String message) throws IOException {
        String file = name + ".yaml";
        String yaml = Files.readString(BAD.resolve(file), StandardCharsets.UTF_8);
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> DefinitionLoader.load(file, yaml));
        assertThat(e).as("%s must be rejected", file).isNotNull();
        assertThat(e.fileName()).isEqualTo(file);
        assertThat(e.problems()).as(e.getMessage()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.message()).contains(message);
        });
        Problem p = e.problems().stream().filter(x -> x.message().contains(message)).findFirst().orElseThrow();
        assertThat(e.getMessage()).contains(file + " line " + line + (field != null ? ", field " + field : "") + ": " + p.message());
    }

    @org.junit.jupiter.api.Test
    void an_item_dropped_for_a_bad_type_causes_no_follow_on_errors_in_scales() throws IOException {
        String yaml = Files.readString(BAD.resolve("unknown_type.yaml"), StandardCharsets.UTF_8);
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> DefinitionLoader.load("unknown_type.yaml", yaml));
        assertThat(e.problems()).hasSize(1);
    }

    @org.junit.jupiter.api.Test
    void the_start_up_report_names_every_broken_file_without_a_stack_trace() throws IOException {
        var e = catchThrowableOfType(InstrumentLibraryException.class, () -> InstrumentLibrary.load(List.of(
                new InstrumentLibrary.SourceFile("bad_method.yaml", Files.readString(BAD.resolve("bad_method.yaml")))), List.of()));
        var analysis = new InstrumentFailureAnalyzer().analyze(new IllegalStateException("context failed", e));
        assertThat(analysis.getDescription()).contains("Motif refuses to start")
                .contains("bad_method.yaml line 23, field scales[0].method: unknown method 'median'; use sum or mean")
                .doesNotContain("Exception");
        assertThat(analysis.getAction()).contains("questionnaires/README.md");
    }

    @org.junit.jupiter.api.Test
    void every_bad_fixture_is_covered_by_the_table() throws IOException {
        try (Stream<Path> files = Files.list(BAD)) {
            assertThat(files.filter(f -> f.toString().endsWith(".yaml")).count()).isEqualTo(31);
        }
    }
}
