package org.motif.questionnaire.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.nio.charset.StandardCharsets;
import org.motif.base.MotifException;
import org.motif.base.Problem;
import org.motif.questionnaire.InstrumentService;
import org.motif.questionnaire.redcap.RedcapImport;

/**
 * Converts an uploaded REDCap data dictionary into a definition file to review and add to
 * questionnaires/ (nothing is stored), listing what could not be carried over by row and field.
 */
class RedcapImportDialog extends Dialog {
    private final InstrumentService instruments;
    private final TextArea yaml = new TextArea("Definition file (review, then save as questionnaires/<id>.yaml)");
    private final Grid<Problem> report = new Grid<>(Problem.class, false);
    private final Span status = new Span();

    RedcapImportDialog(InstrumentService instruments) {
        this.instruments = instruments;
        setHeaderTitle("Import a REDCap data dictionary");
        setWidth("min(60rem, 95vw)");
        UI ui = UI.getCurrent();
        var upload = new Upload(UploadHandler.inMemory((meta, bytes) -> ui.access(() -> show(meta.fileName(), bytes))));
        upload.setId("redcap-upload");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        status.setId("redcap-status");
        yaml.setId("redcap-yaml");
        yaml.setReadOnly(true);
        yaml.setWidthFull();
        yaml.setMaxHeight("20rem");
        report.setId("redcap-report");
        report.addColumn(Problem::line).setHeader("Row").setAutoWidth(true).setFlexGrow(0);
        report.addColumn(Problem::field).setHeader("Field").setAutoWidth(true);
        report.addColumn(Problem::message).setHeader("Not carried over").setFlexGrow(1);
        report.setAllRowsVisible(true);
        add(new Paragraph("The dictionary's 18 columns must carry REDCap's header texts (Project Setup → Data Dictionary → download)."),
                upload, status, yaml, report);
        getFooter().add(new Button("Close", e -> close()));
    }

    /** Converts one uploaded file and shows the definition and the report. */
    void show(String fileName, byte[] bytes) {
        try {
            RedcapImport result = instruments.importRedcap(fileName, new String(bytes, StandardCharsets.UTF_8), null);
            yaml.setValue(result.yaml());
            report.setItems(result.unsupported());
            status.setText("Converted " + result.definition().definition().items().size() + " fields of form '"
                    + result.definition().definition().id() + "'; " + result.unsupported().size() + " features not carried over (listed below).");
        } catch (MotifException e) {
            yaml.clear();
            report.setItems(e.problems());
            status.setText(e.getMessage());
        }
    }
}
