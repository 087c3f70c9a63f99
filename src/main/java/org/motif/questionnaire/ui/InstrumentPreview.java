package org.motif.questionnaire.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.shared.HasTooltip;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashMap;
import java.util.Map;
import org.motif.questionnaire.InstrumentDefinition;
import org.motif.questionnaire.InstrumentDefinition.Item;
import org.motif.questionnaire.InstrumentDefinition.ResponseOption;
import org.motif.questionnaire.InstrumentDefinition.Section;
import org.motif.questionnaire.InstrumentTexts;

/**
 * An instrument as a participant would see it, read-only: one input per item (its id is the item id),
 * options in response-set order, section titles, and a note on each conditional item.
 */
class InstrumentPreview extends Div {

    InstrumentPreview(InstrumentTexts texts) {
        addClassName("motif-instrument-preview");
        setId("instrument-preview");
        InstrumentDefinition d = texts.definition();
        if (texts.instructions() != null) {
            var p = new Paragraph(texts.instructions());
            p.addClassName("motif-instrument-instructions");
            add(p);
        }
        Map<String, Section> sectionStart = new HashMap<>();
        for (Section s : d.sections()) {
            d.items().stream().filter(i -> s.items().contains(i.id())).findFirst().ifPresent(i -> sectionStart.put(i.id(), s));
        }
        boolean de = "de".equals(texts.language());
        for (Item item : d.items()) {
            Section s = sectionStart.get(item.id());
            if (s != null) add(new H4(s.title().getOrDefault(texts.language(), s.title().get("en"))));
            var box = new Div(field(texts, item, de));
            box.addClassName("motif-preview-item");
            if (item.showIf() != null) {
                var cond = new Span((de ? "Nur wenn: " : "Shown if: ") + item.showIf());
                cond.addClassName("motif-preview-condition");
                box.add(cond);
            }
            add(box);
        }
    }

    private static Component field(InstrumentTexts texts, Item item, boolean de) {
        String label = texts.item(item);
        Component c = switch (item.type()) {
            case SINGLE_CHOICE -> {
                var g = new RadioButtonGroup<ResponseOption>(label);
                g.setItems(texts.definition().responseSet(item.responseSet()).orElseThrow().options());
                g.setItemLabelGenerator(o -> texts.option(item.responseSet(), o));
                g.setReadOnly(true);
                yield g;
            }
            case MULTIPLE_CHOICE -> {
                var g = new CheckboxGroup<ResponseOption>(label);
                g.setItems(texts.definition().responseSet(item.responseSet()).orElseThrow().options());
                g.setItemLabelGenerator(o -> texts.option(item.responseSet(), o));
                g.setReadOnly(true);
                yield g;
            }
            case YES_NO -> {
                var g = new RadioButtonGroup<String>(label);
                g.setItems(de ? "Ja" : "Yes", de ? "Nein" : "No");
                g.setReadOnly(true);
                yield g;
            }
            case INTEGER, YEAR -> {
                var f = new IntegerField(label);
                f.setReadOnly(true);
                f.setHelperText(range(item));
                if (item.unit() != null && !item.unit().isEmpty()) f.setSuffixComponent(new Span(unit(item, texts)));
                yield f;
            }
            case DECIMAL -> {
                var f = new NumberField(label);
                f.setReadOnly(true);
                f.setHelperText(range(item));
                if (item.unit() != null && !item.unit().isEmpty()) f.setSuffixComponent(new Span(unit(item, texts)));
                yield f;
            }
            case SHORT_TEXT -> {
                var f = new TextField(label);
                f.setReadOnly(true);
                yield f;
            }
            case LONG_TEXT -> {
                var f = new TextArea(label);
                f.setReadOnly(true);
                f.setWidthFull();
                yield f;
            }
            case DATE -> {
                var f = new DatePicker(label);
                f.setReadOnly(true);
                yield f;
            }
        };
        c.setId(item.id());
        if (c instanceof com.vaadin.flow.component.HasValue<?, ?> hv) hv.setRequiredIndicatorVisible(item.required());
        if (c instanceof HasTooltip t) t.setTooltipText(item.id());
        if (c instanceof HasLabel) c.getElement().getClassList().add("motif-preview-field");
        return c;
    }

    private static String unit(Item item, InstrumentTexts texts) {
        return item.unit().getOrDefault(texts.language(), item.unit().get("en"));
    }

    private static String range(Item item) {
        if (item.min() == null && item.max() == null) return null;
        return (item.min() == null ? "…" : fmt(item.min())) + "–" + (item.max() == null ? "…" : fmt(item.max()));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
