package org.motif.participant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.motif.questionnaire.survey.AssignmentService;

/** Coordinators record that a participant withdrew consent: links revoked, left out of new exports and linkage runs. */
class WithdrawalForm extends VerticalLayout {

    WithdrawalForm(AssignmentService assignments, String participantId, Runnable onDone) {
        setPadding(false);
        var scope = new RadioButtonGroup<String>("The participant withdrew consent to");
        scope.setId("withdrawal-scope");
        scope.setItems("no_contact", "no_use");
        scope.setItemLabelGenerator(s -> "no_use".equals(s) ? "any further use of their data" : "further contact (data already given may be used)");
        var confirm = new Button("Record withdrawal", e -> {
            if (scope.getValue() == null) {
                scope.setInvalid(true);
                scope.setErrorMessage("Choose what the participant withdrew from.");
                return;
            }
            assignments.withdraw(participantId, scope.getValue());
            onDone.run();
        });
        confirm.setId("withdrawal-record");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(new Paragraph("Recording a withdrawal revokes every open survey link of " + participantId
                + "; they are marked withdrawn and left out of new exports and linkage runs."), scope, confirm);
    }
}
