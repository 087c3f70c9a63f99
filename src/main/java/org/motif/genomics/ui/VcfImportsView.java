package org.motif.genomics.ui;

import java.io.File;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.motif.base.MotifException;
import org.motif.base.ui.JobPolling;
import org.motif.genomics.VcfImportService;
import org.motif.genomics.VcfImportView;
import org.motif.security.Role;

/** VCF imports: upload (streamed to a temporary file, never held in memory), the list with progress and the report. */
@Route("genomics/imports")
@PageTitle("VCF imports | Motif")
@Menu(title = "VCF imports", order = 40, icon = "vaadin:upload")
@RolesAllowed(Role.GENETICIST_NAME)
public class VcfImportsView extends VerticalLayout {
    private final VcfImportService imports;
    private final Grid<VcfImportView> grid = new Grid<>(VcfImportView.class, false);
    private final Paragraph report = new Paragraph();
    private final SampleQcGrid sampleQc = new SampleQcGrid();
    private final SamplesPanel samples;

    public VcfImportsView(VcfImportService imports) {
        this.imports = imports;
        this.samples = new SamplesPanel(imports, v -> {
            refresh();
            showReport(v);
        });
        add(new H2("VCF imports"));
        add(new Paragraph("Upload a multi-sample VCF (.vcf, .vcf.gz, .bgz). Sample names are matched to participant ids; "
                + "the import runs in the background; this page follows its progress."));
        Upload upload = new Upload(UploadHandler.toTempFile((meta, file) -> accept(meta.fileName(), file)));
        upload.setId("vcf-upload");
        upload.setAcceptedFileTypes(".vcf", ".gz", ".bgz", ".bcf");
        Button refresh = new Button("Refresh", e -> refresh());
        refresh.setId("vcf-refresh");
        grid.addColumn(VcfImportView::id).setHeader("Import").setAutoWidth(true);
        grid.addColumn(VcfImportView::fileName).setHeader("File").setAutoWidth(true);
        grid.addColumn(VcfImportView::status).setHeader("Status");
        grid.addComponentColumn(v -> JobPolling.bar(v.progress(), v.status())).setHeader("Progress");
        grid.addColumn(VcfImportView::records).setHeader("Records");
        grid.addColumn(VcfImportView::variants).setHeader("Variants");
        grid.addColumn(v -> v.matchedSamples() + " / " + v.samples()).setHeader("Matched samples");
        grid.addColumn(v -> v.createdAt() == null ? "" : v.createdAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .setHeader("Started");
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresentOrElse(this::showReport, () -> {
            report.setText("");
            sampleQc.show(java.util.List.of());
            samples.show(null);
        }));
        grid.setId("vcf-imports");
        report.setId("vcf-report");
        add(upload, refresh, grid, report, sampleQc, samples);
        JobPolling.onPoll(this, this::refresh);
    }

    private void accept(String fileName, File file) {
        getUI().ifPresent(ui -> ui.access(() -> {
            try {
                VcfImportService.Started s = imports.submit(file.toPath(), fileName);
                Notification.show("Import " + s.id() + " queued");
            } catch (MotifException e) {
                Notification.show(e.getMessage(), 10000, Notification.Position.MIDDLE);
            }
            refresh();
        }));
    }

    private void refresh() {
        String selected = grid.asSingleSelect().getValue() == null ? null : grid.asSingleSelect().getValue().id();
        var items = imports.list();
        grid.setItems(items);
        if (selected != null) items.stream().filter(v -> v.id().equals(selected)).findFirst().ifPresent(grid::select);
        JobPolling.follow(this, items.stream().anyMatch(v -> v.status().equals("queued") || v.status().equals("running")));
    }

    private void showReport(VcfImportView v) {
        report.setText(ImportReportText.of(v));
        sampleQc.show(v.sampleQc() == null ? java.util.List.of() : v.sampleQc());
        samples.show(v);
    }
}
