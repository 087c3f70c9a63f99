package org.motif.pedigree.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.motif.base.MotifException;
import org.motif.participant.NewRelative;
import org.motif.participant.ParticipantService;
import org.motif.participant.ParticipantSummary;
import org.motif.participant.Relation;
import org.motif.pedigree.Sex;
import org.motif.pedigree.StudyRole;

/** Adds a father, mother, sibling, child or partner of a member in one step. */
class AddRelativeDialog extends Dialog {
    AddRelativeDialog(ParticipantService participants, List<ParticipantSummary> members, Runnable done) {
        setHeaderTitle("Add relative");
        var of = new ComboBox<String>("Relative of", members.stream().map(ParticipantSummary::id).toList());
        of.setId("relative-of");
        var relation = new ComboBox<Relation>("Relation", Relation.values());
        relation.setId("relation");
        relation.setItemLabelGenerator(r -> r.name().toLowerCase());
        var sex = new ComboBox<Sex>("Sex", Sex.values());
        sex.setItemLabelGenerator(Sex::label);
        sex.setValue(Sex.UNKNOWN);
        var id = new TextField("Id (empty: next free)");
        var born = new IntegerField("Birth year");
        var error = new Paragraph();
        error.addClassName("motif-error");
        var save = new Button("Add", e -> {
            try {
                participants.addRelative(of.getValue(), relation.getValue(), new NewRelative(id.getValue(), sex.getValue(), born.getValue(),
                        StudyRole.RELATIVE, null));
                close();
                done.run();
            } catch (MotifException | NullPointerException ex) {
                error.setText(ex instanceof MotifException ? ex.getMessage() : "Choose the member and the relation.");
            }
        });
        save.setId("add-relative-save");
        add(new FormLayout(of, relation, sex, id, born), error);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
