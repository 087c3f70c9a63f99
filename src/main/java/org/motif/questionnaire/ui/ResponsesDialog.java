package org.motif.questionnaire.ui;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Map;
import org.motif.questionnaire.ScaleScore;
import org.motif.questionnaire.survey.AssignmentService;

/** Read-only answers and stored scores of one assignment. */
class ResponsesDialog extends Dialog {

    ResponsesDialog(AssignmentService assignments, String participantId, String assignmentId) {
        setHeaderTitle("Answers of " + participantId);
        setWidth("min(50rem, 95vw)");
        var assignment = assignments.responses(participantId).stream().filter(a -> a.assignmentId().equals(assignmentId)).findFirst().orElseThrow();
        add(new Paragraph("Event " + assignment.event() + " · status " + assignment.status()));
        for (var instrument : assignment.instruments()) {
            add(new H3(instrument.id() + " (version " + instrument.version() + ")"));
            var scores = new Grid<ScaleScore>();
            scores.addColumn(ScaleScore::id).setHeader("Scale");
            scores.addColumn(s -> s.score() == null ? "no score" : String.valueOf(s.score())).setHeader("Score");
            scores.addColumn(s -> s.answered() + " of " + s.of() + (s.prorated() ? ", prorated" : "")).setHeader("Answered");
            scores.addColumn(s -> s.band() == null ? "" : s.band()).setHeader("Band");
            scores.setItems(instrument.scores());
            scores.setAllRowsVisible(true);
            var answers = new Grid<Map.Entry<String, Object>>();
            answers.addColumn(Map.Entry::getKey).setHeader("Item");
            answers.addColumn(e -> String.valueOf(e.getValue())).setHeader("Answer");
            answers.setItems(instrument.answers().entrySet());
            answers.setAllRowsVisible(true);
            if (!instrument.scores().isEmpty()) add(scores);
            add(answers);
        }
        add(new com.vaadin.flow.component.button.Button("Close", e -> close()));
    }
}
