package org.motif.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShowIfTest {

    static boolean eval(String expr, Map<String, ?> answers) throws ShowIf.ParseException {
        return ShowIf.parse(expr).test(answers);
    }

    @Test
    void comparisons_work_on_numbers_and_strings() throws Exception {
        var a = Map.of("x_a", 2, "x_b", "violin", "x_c", 2.5);
        assertThat(eval("x_a == 2", a)).isTrue();
        assertThat(eval("x_a == 2.0", a)).isTrue();
        assertThat(eval("x_a != 2", a)).isFalse();
        assertThat(eval("x_a < 3 and x_a <= 2 and x_a > 1 and x_a >= 2", a)).isTrue();
        assertThat(eval("x_c > x_a", a)).isTrue();
        assertThat(eval("x_b == 'violin'", a)).isTrue();
        assertThat(eval("x_b == \"viola\"", a)).isFalse();
        assertThat(eval("x_b == 2", a)).isFalse();
        assertThat(eval("x_b < 2", a)).isFalse();
    }

    @Test
    void and_binds_tighter_than_or_and_parentheses_override() throws Exception {
        var a = Map.of("x_a", 1, "x_b", 0, "x_c", 0);
        // x_a == 1 or (x_b == 1 and x_c == 1) -> true
        assertThat(eval("x_a == 1 or x_b == 1 and x_c == 1", a)).isTrue();
        // (x_a == 1 or x_b == 1) and x_c == 1 -> false
        assertThat(eval("(x_a == 1 or x_b == 1) and x_c == 1", a)).isFalse();
        assertThat(eval("not x_b == 1", a)).isTrue();
        assertThat(eval("not (x_a == 1 and x_b == 0)", a)).isFalse();
        assertThat(eval("not not x_a == 1", a)).isTrue();
    }

    @Test
    void in_lists_match_any_value() throws Exception {
        assertThat(eval("x_a in [1, 2, 3]", Map.of("x_a", 2))).isTrue();
        assertThat(eval("x_a in [1, 3]", Map.of("x_a", 2))).isFalse();
        assertThat(eval("x_a in ['a', 'b']", Map.of("x_a", "b"))).isTrue();
    }

    @Test
    void tests_on_unanswered_items_are_false_so_not_makes_them_true() throws Exception {
        assertThat(eval("x_a == 1", Map.of())).isFalse();
        assertThat(eval("x_a != 1", Map.of())).isFalse();
        assertThat(eval("x_a in [1]", Map.of())).isFalse();
        assertThat(eval("not (x_a == 1)", Map.of())).isTrue();
    }

    @Test
    void multiple_choice_answers_match_when_any_chosen_value_matches() throws Exception {
        var a = Map.of("x_m", List.of(1, 4));
        assertThat(eval("x_m == 4", a)).isTrue();
        assertThat(eval("x_m != 4", a)).isFalse();
        assertThat(eval("x_m != 2", a)).isTrue();
        assertThat(eval("x_m in [2, 4]", a)).isTrue();
        assertThat(eval("x_m > 0", a)).isFalse();
    }

    @Test
    void referenced_items_are_listed_in_order() throws Exception {
        assertThat(ShowIf.parse("x_b == 1 or (x_a in [1] and x_b > x_c)").referencedItems()).containsExactly("x_b", "x_a", "x_c");
    }

    @ParameterizedTest(name = "''{0}'' fails at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            x_a = 1          | 5  | '=' is not an operator; use '==' or '!='
            x_a == 1 &&  x_b | 10 | '&' is not an operator; write 'and' / 'or'
            x_a ==           | 7  | expected an item id, a number or a string, found the end of the expression
            (x_a == 1        | 10 | expected ')' to close the '(' at position 1
            x_a == 1 x_b     | 10 | unexpected 'x_b' after a complete condition
            x_a in 1         | 8  | expected '[' after 'in'
            x_a in [1, x_b]  | 12 | expected a number or a string in the 'in [...]' list
            x_a in [1 2]     | 11 | expected ',' or ']'
            x_a == 'open     | 8  | string starting here is not closed
            X_A == 1         | 1  | 'X_A' is not an item id
            x_a              | 4  | expected a comparison (== != < <= > >=) or 'in [...]' after 'x_a'
            x_a == 1 and     | 13 | expected an item id, a number or a string
            x_a ! 1          | 5  | '!' is not an operator
            x_a == 1 # x     | 10 | unexpected character '#'
            """)
    void syntax_errors_name_the_position_and_the_fix(String expression, int position, String message) {
        var e = catchThrowableOfType(ShowIf.ParseException.class, () -> ShowIf.parse(expression.strip()));
        assertThat(e).isNotNull();
        assertThat(e.position()).isEqualTo(position);
        assertThat(e.getMessage()).contains(message);
    }
}
