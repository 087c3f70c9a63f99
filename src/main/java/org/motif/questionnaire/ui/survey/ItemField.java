package org.motif.questionnaire.ui.survey;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiConsumer;
import org.motif.questionnaire.InstrumentDefinition.Item;
import org.motif.questionnaire.InstrumentDefinition.ResponseOption;
import org.motif.questionnaire.InstrumentDefinition.ResponseSet;
import org.motif.questionnaire.InstrumentTexts;

/**
 * The input for one item, chosen by its type: radio group (single choice, yes/no; the radios are
 * exactly the response set's options, in order), checkbox group (multiple choice), integer/decimal
 * field with range and unit, text field or area, date picker. The component's id is the item id.
 * Answers reach {@code onAnswer} as the survey stores them (Integer, Double, String, List of Integer).
 */
final class ItemField {
    private final Item item;
    private final HasValue<?, ?> field;
    private boolean loading;

    ItemField(Item item, InstrumentTexts texts, String language, BiConsumer<ItemField, Object> onAnswer) {
        this.item = item;
        this.field = create(item, texts, language);
        Component c = (Component) field;
        c.setId(item.id());
        c.addClassName("survey-item");
        ((com.vaadin.flow.component.HasSize) c).setWidthFull();
        field.addValueChangeListener(e -> {
            if (!loading && e.isFromClient()) onAnswer.accept(this, answer());
        });
    }

    Item item() {
        return item;
    }

    Component component() {
        return (Component) field;
    }

    /** Shows a stored answer without treating it as a new one. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void show(Object answer) {
        loading = true;
        try {
            if (answer == null) {
                field.clear();
            } else if (field instanceof CheckboxGroup group) {
                group.setValue(new LinkedHashSet<>(((List<?>) answer).stream().map(v -> ((Number) v).intValue()).toList()));
            } else if (field instanceof IntegerField f) {
                f.setValue(((Number) answer).intValue());
            } else if (field instanceof NumberField f) {
                f.setValue(((Number) answer).doubleValue());
            } else if (field instanceof DatePicker f) {
                f.setValue(LocalDate.parse(answer.toString()));
            } else if (field instanceof RadioButtonGroup group) {
                group.setValue(((Number) answer).intValue());
            } else {
                ((HasValue) field).setValue(answer.toString());
            }
        } finally {
            loading = false;
        }
    }

    /** The current answer in stored form, or null when empty. */
    Object answer() {
        Object v = field.getValue();
        if (v == null) return null;
        if (v instanceof java.util.Set<?> set) {
            if (set.isEmpty()) return null;
            List<Integer> values = new ArrayList<>(set.stream().map(o -> (Integer) o).sorted().toList());
            return values;
        }
        if (v instanceof String s) return s.isBlank() ? null : s.trim();
        if (v instanceof LocalDate d) return d.toString();
        return v;
    }

    void setError(String message) {
        ((HasValidation) field).setErrorMessage(message);
        ((HasValidation) field).setInvalid(message != null);
    }

    private static HasValue<?, ?> create(Item item, InstrumentTexts texts, String language) {
        String number = item.id().substring(texts.definition().id().length() + 1);
        // published instruments number their items (gad7_3 is question 3): show the number as on paper
        String label = number.matches("\\d+") ? number + ". " + texts.item(item) : texts.item(item);
        String unit = item.unit() == null || item.unit().isEmpty() ? null : item.unit().getOrDefault(language, item.unit().get("en"));
        return switch (item.type()) {
            case SINGLE_CHOICE -> {
                RadioButtonGroup<Integer> g = new RadioButtonGroup<>(label);
                ResponseSet set = texts.definition().responseSet(item.responseSet()).orElseThrow();
                g.setItems(set.options().stream().map(ResponseOption::value).toList());
                g.setItemLabelGenerator(v -> texts.option(set.id(), set.options().stream().filter(o -> o.value() == v).findFirst().orElseThrow()));
                g.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
                yield g;
            }
            case YES_NO -> {
                RadioButtonGroup<Integer> g = new RadioButtonGroup<>(label);
                g.setItems(1, 0);
                g.setItemLabelGenerator(v -> SurveyI18n.t(v == 1 ? "yes" : "no", language));
                g.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
                yield g;
            }
            case MULTIPLE_CHOICE -> {
                CheckboxGroup<Integer> g = new CheckboxGroup<>(label);
                ResponseSet set = texts.definition().responseSet(item.responseSet()).orElseThrow();
                g.setItems(set.options().stream().map(ResponseOption::value).toList());
                g.setItemLabelGenerator(v -> texts.option(set.id(), set.options().stream().filter(o -> o.value() == v).findFirst().orElseThrow()));
                g.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
                yield g;
            }
            case INTEGER, YEAR -> {
                IntegerField f = new IntegerField(label);
                if (item.min() != null) f.setMin(item.min().intValue());
                if (item.max() != null) f.setMax(item.max().intValue());
                f.setHelperText(range(item, language));
                if (unit != null) f.setSuffixComponent(new Span(unit));
                yield f;
            }
            case DECIMAL -> {
                NumberField f = new NumberField(label);
                if (item.min() != null) f.setMin(item.min());
                if (item.max() != null) f.setMax(item.max());
                f.setHelperText(range(item, language));
                if (unit != null) f.setSuffixComponent(new Span(unit));
                yield f;
            }
            case SHORT_TEXT -> {
                TextField f = new TextField(label);
                f.setMaxLength(500);
                yield f;
            }
            case LONG_TEXT -> {
                TextArea f = new TextArea(label);
                f.setMaxLength(4000);
                yield f;
            }
            case DATE -> new DatePicker(label);
        };
    }

    private static String range(Item item, String language) {
        if (item.min() == null && item.max() == null) return null;
        String min = item.min() == null ? null : format(item.min());
        String max = item.max() == null ? null : format(item.max());
        if (min != null && max != null) return ("de".equals(language) ? "Von " : "From ") + min + ("de".equals(language) ? " bis " : " to ") + max;
        return min != null ? "≥ " + min : "≤ " + max;
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
