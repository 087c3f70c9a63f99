package org.motif.participant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.motif.base.MotifException;
import org.motif.participant.PhenotypeService;
import org.motif.pedigree.Affection;
import org.motif.pedigree.Certainty;
import org.motif.pedigree.DystoniaType;
import org.motif.pedigree.PhenotypeDetail;

/** Adds a phenotype record (geneticists). */
class PhenotypeForm extends FormLayout {
    PhenotypeForm(PhenotypeService phenotypes, String participantId, Runnable saved) {
        var affection = new ComboBox<Affection>("Affection", Affection.values());
        affection.setItemLabelGenerator(Affection::label);
        affection.setId("phenotype-affection");
        var type = new ComboBox<DystoniaType>("Dystonia type", DystoniaType.values());
        type.setItemLabelGenerator(DystoniaType::title);
        var region = new TextField("Body region");
        var side = new ComboBox<String>("Side", "left", "right", "bilateral");
        var instrument = new TextField("Instrument at onset");
        var task = new TextField("Task at onset");
        var onset = new IntegerField("Age at onset (years)");
        var certainty = new ComboBox<Certainty>("Certainty", Certainty.values());
        certainty.setItemLabelGenerator(Certainty::code);
        var severity = new TextField("Severity");
        var hpo = new TextField("HPO terms (HP:0000000, comma-separated)");
        hpo.setId("phenotype-hpo");
        var examiner = new TextField("Examiner");
        var date = new DatePicker("Date", LocalDate.now());
        var note = new TextField("Note");
        var message = new Paragraph();
        message.setId("phenotype-message");
        var save = new Button("Add record", e -> {
            try {
                List<String> terms = Arrays.stream(hpo.getValue().split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
                phenotypes.add(participantId, affection.getValue(), new PhenotypeDetail(type.getValue(), blank(region.getValue()), side.getValue(),
                        blank(instrument.getValue()), blank(task.getValue()), onset.getValue(), certainty.getValue(), blank(severity.getValue()), terms,
                        blank(examiner.getValue()), date.getValue(), blank(note.getValue())));
                message.setText("Added.");
                saved.run();
            } catch (MotifException ex) {
                message.setText(ex.getMessage());
            }
        });
        save.setId("phenotype-save");
        add(affection, type, region, side, instrument, task, onset, certainty, severity, hpo, examiner, date, note, save, message);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
