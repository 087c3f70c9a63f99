package org.motif.pedigree.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.motif.base.MotifException;
import org.motif.base.Problem;
import org.motif.participant.FamilyService;
import org.motif.participant.ImportReport;

/** PED file upload: imports all or nothing and lists every problem with its line. */
class PedUpload extends VerticalLayout {
    private final Div result = new Div();

    PedUpload(FamilyService families, Runnable afterImport) {
        setPadding(false);
        var buffer = new MemoryBuffer();
        var upload = new Upload(buffer);
        upload.setId("ped-upload");
        upload.setAcceptedFileTypes(".ped", ".fam", ".txt", "text/plain");
        var prefix = new Checkbox("Ids are numbers per family (make them <FID>-<IID>)");
        result.setId("ped-import-result");
        upload.addSucceededListener(e -> {
            try {
                String text = new String(buffer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                show(e.getFileName(), families.importPed(text, prefix.getValue()));
                afterImport.run();
            } catch (MotifException ex) {
                showProblems(e.getFileName(), ex);
            } catch (IOException ex) {
                result.removeAll();
                result.add(new Paragraph("Could not read " + e.getFileName() + ": " + ex.getMessage()));
            }
        });
        add(upload, prefix, result);
    }

    void show(String file, ImportReport r) {
        result.removeAll();
        result.add(new Paragraph(file + " imported: families " + r.families().created() + " created, " + r.families().updated() + " updated, "
                + r.families().unchanged() + " unchanged; participants " + r.participants().created() + " created, " + r.participants().updated()
                + " updated, " + r.participants().unchanged() + " unchanged."));
        if (!r.warnings().isEmpty()) result.add(list(r.warnings()));
    }

    void showProblems(String file, MotifException ex) {
        result.removeAll();
        var p = new Paragraph(file + ": " + ex.getMessage());
        p.addClassName("motif-error");
        result.add(p);
        if (!ex.problems().isEmpty()) result.add(list(ex.problems()));
    }

    private static UnorderedList list(java.util.List<Problem> problems) {
        var ul = new UnorderedList();
        ul.addClassName("ped-problems");
        problems.forEach(p -> ul.add(new ListItem(p.toString())));
        return ul;
    }
}
