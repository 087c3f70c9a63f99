package org.motif.questionnaire.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.motif.base.MotifException;
import org.motif.questionnaire.InstrumentService;
import org.motif.questionnaire.survey.AssignmentService;
import org.motif.questionnaire.survey.AssignmentService.Invitee;
import org.motif.questionnaire.survey.AssignmentService.NewLink;

/** Assigns instruments (in the order chosen) to participants or a whole family, for an event, with an optional due date. */
class AssignDialog extends Dialog {

    AssignDialog(AssignmentService assignments, InstrumentService instruments, String requestBase, Consumer<List<NewLink>> onCreated) {
        setHeaderTitle("Assign questionnaires");
        setWidth("40rem");
        List<Invitee> invitees = assignments.invitable();
        var family = new ComboBox<String>("Whole family");
        family.setId("assign-family");
        family.setItems(invitees.stream().map(Invitee::familyId).distinct().toList());
        family.setClearButtonVisible(true);
        var people = new MultiSelectComboBox<String>("Or participants");
        people.setId("assign-participants");
        people.setItems(invitees.stream().map(Invitee::participantId).toList());
        var chosen = new ArrayList<String>();
        var order = new Paragraph();
        var instrumentBox = new MultiSelectComboBox<String>("Instruments (answered in the order chosen)");
        instrumentBox.setId("assign-instruments");
        instrumentBox.setItems(instruments.list().stream().map(i -> i.id()).toList());
        instrumentBox.addValueChangeListener(e -> {
            chosen.removeIf(id -> !e.getValue().contains(id));
            e.getValue().stream().filter(id -> !chosen.contains(id)).forEach(chosen::add);
            order.setText(chosen.isEmpty() ? "" : "Order: " + String.join(" → ", chosen));
        });
        var event = new TextField("Event");
        event.setId("assign-event");
        event.setValue("baseline");
        var due = new DatePicker("Due date (optional)");
        due.setId("assign-due");
        var form = new FormLayout(family, people, instrumentBox, event, due);
        form.setColspan(instrumentBox, 2);
        add(form, order);
        var create = new Button("Make links", e -> {
            try {
                List<NewLink> links = family.getValue() != null
                        ? assignments.assignFamily(family.getValue(), List.copyOf(chosen), event.getValue(), due.getValue(), requestBase)
                        : assignments.assign(List.copyOf(people.getValue()), List.copyOf(chosen), event.getValue(), due.getValue(), requestBase);
                close();
                onCreated.accept(links);
            } catch (MotifException ex) {
                order.setText(ex.getMessage());
                order.getStyle().set("color", "var(--lumo-error-text-color)");
            }
        });
        create.setId("assign-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), create);
    }
}
