package org.motif.questionnaire;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.motif.base.Problem;
import org.motif.base.ValidationException;
import org.motif.questionnaire.InstrumentDefinition.Band;
import org.motif.questionnaire.InstrumentDefinition.Item;
import org.motif.questionnaire.InstrumentDefinition.ResponseSet;
import org.motif.questionnaire.InstrumentDefinition.Scale;

/**
 * The scoring engine: a pure function of a definition and a set of answers. Missing answers are never
 * counted as 0. For each scale: reverse-keyed items are scored min + max − value of their response
 * set; a scale with fewer answered items than its minimum scores null; a sum scale with all items
 * answered is the plain sum; a prorated sum (at least the minimum but not all answered) is the mean
 * of the answered values × the number of items, not rounded; a mean scale is the mean of the answered
 * values. A total sums the scores of the scales marked {@code entersTotal} and is null when any of
 * them is. Answers to items that their {@code showIf} hides count as unanswered.
 */
public final class Scorer {
    private Scorer() {
    }

    /**
     * Scores answers.
     *
     * @param definition the instrument version the answers were given under
     * @param answers    item id → answer (see {@link ItemType} for representations); absent or null = unanswered
     * @return one {@link ScaleScore} per scale, then the total (if the instrument has one)
     * @throws ValidationException naming unknown item ids and answers that do not fit their item
     *                             (e.g. a value outside the response set), one {@link Problem} each
     */
    public static ScoreResult score(InstrumentDefinition definition, Map<String, ?> answers) {
        validate(definition, answers);
        Map<String, Object> visible = visibleAnswers(definition, answers);
        List<ScaleScore> out = new ArrayList<>();
        Map<String, ScaleScore> byId = new HashMap<>();
        for (Scale scale : definition.scales()) {
            ScaleScore s = scale(definition, scale, visible);
            out.add(s);
            byId.put(scale.id(), s);
        }
        if (definition.total() != null) {
            List<ScaleScore> parts = definition.scales().stream().filter(Scale::entersTotal).map(s -> byId.get(s.id())).toList();
            boolean complete = parts.stream().allMatch(p -> p.score() != null);
            Double total = complete ? parts.stream().mapToDouble(ScaleScore::score).sum() : null;
            out.add(new ScaleScore(definition.total().id(), total, parts.stream().mapToInt(ScaleScore::answered).sum(),
                    parts.stream().mapToInt(ScaleScore::of).sum(), parts.stream().anyMatch(ScaleScore::prorated),
                    band(definition.total().bands(), total)));
        }
        return new ScoreResult(definition.id(), definition.version(), List.copyOf(out));
    }

    /**
     * The answers with those to items hidden by their {@code showIf} removed, evaluated in item order
     * (a hidden item's answer does not count for later conditions either).
     */
    public static Map<String, Object> visibleAnswers(InstrumentDefinition definition, Map<String, ?> answers) {
        Map<String, Object> visible = new HashMap<>();
        for (Item item : definition.items()) {
            Object value = answers.get(item.id());
            if (value == null) continue;
            if (item.condition() == null || item.condition().test(visible)) visible.put(item.id(), value);
        }
        return visible;
    }

    private static ScaleScore scale(InstrumentDefinition d, Scale scale, Map<String, Object> answers) {
        List<Double> values = new ArrayList<>();
        for (String itemId : scale.items()) {
            Object a = answers.get(itemId);
            if (a == null) continue;
            double v = ((Number) a).doubleValue();
            if (scale.reverse().contains(itemId)) {
                Item item = d.item(itemId).orElseThrow();
                int min;
                int max;
                if (item.type() == ItemType.YES_NO) {
                    min = 0;
                    max = 1;
                } else {
                    ResponseSet set = d.responseSet(item.responseSet()).orElseThrow();
                    min = set.min();
                    max = set.max();
                }
                v = min + max - v;
            }
            values.add(v);
        }
        int answered = values.size();
        int of = scale.items().size();
        if (answered < scale.minAnswered() || answered == 0) {
            return new ScaleScore(scale.id(), null, answered, of, false, null);
        }
        double sum = values.stream().mapToDouble(Double::doubleValue).sum();
        Double score;
        boolean prorated = false;
        if (scale.method() == ScaleMethod.MEAN) {
            score = sum / answered;
        } else if (answered == of) {
            score = sum;
        } else {
            score = sum / answered * of;
            prorated = true;
        }
        return new ScaleScore(scale.id(), score, answered, of, prorated, band(scale.bands(), score));
    }

    /** The label of the last band whose min ≤ score, if the score is ≤ that band's max; else null. */
    static String band(List<Band> bands, Double score) {
        if (score == null) return null;
        Band found = null;
        for (Band b : bands) {
            if (b.min() <= score) found = b;
        }
        return found != null && score <= found.max() ? found.label() : null;
    }

    /**
     * Checks answers against the definition without scoring.
     *
     * @throws ValidationException listing unknown item ids and unfitting answers
     */
    public static void validate(InstrumentDefinition d, Map<String, ?> answers) {
        List<Problem> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (var e : answers.entrySet()) {
            var item = d.item(e.getKey());
            if (item.isEmpty()) {
                unknown.add(e.getKey());
                continue;
            }
            if (e.getValue() == null) continue;
            String fault = fault(d, item.get(), e.getValue());
            if (fault != null) problems.add(new Problem(null, e.getKey(), fault));
        }
        if (!unknown.isEmpty()) {
            unknown.sort(null);
            problems.add(0, new Problem(null, String.join(", ", unknown), "no such item in " + d.id() + " version " + d.version()));
            throw new ValidationException("Unknown item id" + (unknown.size() > 1 ? "s" : "") + " for instrument " + d.id() + " version " + d.version()
                    + ": " + String.join(", ", unknown) + "; item ids are listed by GET /api/v1/instruments/" + d.id(), problems);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("Answers do not fit instrument " + d.id() + " version " + d.version() + ": "
                    + problems.stream().map(Problem::toString).reduce((a, b) -> a + "; " + b).orElse(""), problems);
        }
    }

    private static String fault(InstrumentDefinition d, Item item, Object value) {
        return switch (item.type()) {
            case SINGLE_CHOICE -> {
                Integer v = whole(value);
                ResponseSet set = d.responseSet(item.responseSet()).orElseThrow();
                yield v != null && set.hasValue(v) ? null : "expected one of the values " + values(set) + ", got " + show(value);
            }
            case MULTIPLE_CHOICE -> {
                ResponseSet set = d.responseSet(item.responseSet()).orElseThrow();
                if (!(value instanceof Collection<?> c)) yield "expected a list of values from " + values(set) + ", got " + show(value);
                yield c.stream().allMatch(x -> whole(x) != null && set.hasValue(whole(x))) ? null : "expected values from " + values(set) + ", got " + show(value);
            }
            case YES_NO -> {
                Integer v = whole(value);
                yield v != null && (v == 0 || v == 1) ? null : "expected 1 (yes) or 0 (no), got " + show(value);
            }
            case INTEGER, YEAR -> {
                Integer v = whole(value);
                if (v == null) yield "expected a whole number, got " + show(value);
                yield range(item, v);
            }
            case DECIMAL -> value instanceof Number n ? range(item, n.doubleValue()) : "expected a number, got " + show(value);
            case SHORT_TEXT, LONG_TEXT -> value instanceof String ? null : "expected text, got " + show(value);
            case DATE -> {
                if (!(value instanceof String s)) yield "expected a date yyyy-MM-dd, got " + show(value);
                try {
                    LocalDate.parse(s);
                    yield null;
                } catch (DateTimeParseException ex) {
                    yield "expected a date yyyy-MM-dd, got " + s;
                }
            }
        };
    }

    /** An answer as the caller wrote it: strings quoted, so "1" and 1 are told apart. */
    private static String show(Object value) {
        if (value instanceof String s) return "'" + s + "' (text)";
        if (value instanceof Collection<?> c) return c.stream().map(Scorer::show).toList().toString();
        return String.valueOf(value);
    }

    private static String range(Item item, double v) {
        if (item.min() != null && v < item.min()) return "must be at least " + fmt(item.min()) + ", got " + fmt(v);
        if (item.max() != null && v > item.max()) return "must be at most " + fmt(item.max()) + ", got " + fmt(v);
        return null;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String values(ResponseSet set) {
        return set.options().stream().map(o -> String.valueOf(o.value())).toList().toString();
    }

    private static Integer whole(Object value) {
        if (!(value instanceof Number n)) return null;
        BigDecimal b = n instanceof BigDecimal bd ? bd : new BigDecimal(n.toString());
        try {
            return b.stripTrailingZeros().scale() <= 0 ? b.intValueExact() : null;
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
