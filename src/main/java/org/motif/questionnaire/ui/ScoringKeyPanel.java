package org.motif.questionnaire.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.stream.Collectors;
import org.motif.questionnaire.InstrumentDefinition;
import org.motif.questionnaire.InstrumentDefinition.Band;
import org.motif.questionnaire.InstrumentDefinition.Scale;
import org.motif.questionnaire.ScaleMethod;

/** The scoring key of an instrument: per scale its items (reverse-keyed marked R), method, missing-data rule and bands. */
class ScoringKeyPanel extends Div {

    ScoringKeyPanel(InstrumentDefinition d) {
        addClassName("motif-scoring-key");
        setId("scoring-key");
        add(new H4("Scoring key"));
        if (d.scales().isEmpty()) {
            add(new Paragraph("Not scored: answers are reported item by item."));
            return;
        }
        String prefix = d.id() + "_";
        for (Scale s : d.scales()) {
            var box = new Div();
            box.addClassName("motif-scale");
            box.setId("scale-" + s.id());
            String title = s.title() != null && s.title().containsKey("en") ? s.title().get("en") + " (" + s.id() + ")" : s.id();
            box.add(new Span(title));
            String items = s.items().stream().map(i -> i.substring(prefix.length()) + (s.reverse().contains(i) ? "R" : ""))
                    .collect(Collectors.joining(", "));
            var list = new UnorderedList(
                    new ListItem("Items: " + items + (s.reverse().isEmpty() ? "" : " (R = reverse-keyed: min + max − value)")),
                    new ListItem("Method: " + (s.method() == ScaleMethod.SUM ? "sum" : "mean") + " of " + s.items().size() + " items"),
                    new ListItem(rule(s)));
            if (s.entersTotal()) list.add(new ListItem("Enters the total"));
            if (!s.bands().isEmpty()) list.add(new ListItem("Bands: " + bands(s.bands())));
            box.add(list);
            add(box);
        }
        if (d.total() != null) {
            var box = new Div(new Span("Total (" + d.total().id() + ")"));
            box.addClassName("motif-scale");
            box.setId("scale-" + d.total().id());
            var list = new UnorderedList(new ListItem("Sum of: " + d.scales().stream().filter(Scale::entersTotal).map(Scale::id).collect(Collectors.joining(", "))),
                    new ListItem("No score when any of them has none"));
            if (!d.total().bands().isEmpty()) list.add(new ListItem("Bands: " + bands(d.total().bands())));
            box.add(list);
            add(box);
        }
    }

    private static String rule(Scale s) {
        int n = s.items().size();
        if (s.minAnswered() >= n) return "All " + n + " items must be answered; otherwise no score (missing answers never count as 0)";
        if (s.prorate()) {
            return "Prorated when " + (n - s.minAnswered() == 1 ? "1 item is" : "1–" + (n - s.minAnswered()) + " items are")
                    + " missing: mean of answered × " + n + " (not rounded); no score when more are missing";
        }
        return "Mean of the answered items; no score below " + s.minAnswered() + " answered";
    }

    private static String bands(List<Band> bands) {
        return bands.stream().map(b -> fmt(b.min()) + "–" + fmt(b.max()) + " " + b.label()).collect(Collectors.joining(", "));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
