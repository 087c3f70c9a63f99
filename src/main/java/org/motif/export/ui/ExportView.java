package org.motif.export.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.motif.base.MotifException;
import org.motif.export.ExportOptions;
import org.motif.export.ExportService;
import org.motif.export.ExportService.ExportFormat;
import org.motif.export.ExportService.ExportLogEntry;
import org.motif.export.ExportSheet;
import org.motif.security.CurrentUser;
import org.motif.security.Role;
import org.springframework.security.access.AccessDeniedException;

/** Coordinators and geneticists download the combined dataset (xlsx or CSV zip) and see the export history. */
@Route("export")
@PageTitle("Export · Motif")
@Menu(title = "Export", order = 60, icon = "vaadin:download")
@RolesAllowed({Role.COORDINATOR_NAME, Role.GENETICIST_NAME})
public class ExportView extends VerticalLayout {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    private final ExportService exports;
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span status = new Span();
    private final Grid<ExportLogEntry> history = new Grid<>(ExportLogEntry.class, false);
    private volatile ExportOptions options;

    public ExportView(ExportService exports) {
        this.exports = exports;
        addClassName("motif-page");
        boolean coordinator = CurrentUser.hasRole(Role.COORDINATOR);
        boolean geneticist = CurrentUser.hasRole(Role.GENETICIST);
        List<ExportSheet> visible = ExportSheet.choosable().stream()
                .filter(s -> s.visibleTo(coordinator, geneticist)).toList();
        var form = new ExportForm(visible, exports.families(), exports.events(), coordinator, exports.filterSetNames(), exports.linkageRunIds(),
                o -> options = o);
        options = form.options();

        var xlsx = download(ExportFormat.XLSX, "Download Excel workbook (.xlsx)", "export-xlsx");
        var zip = download(ExportFormat.ZIP, "Download CSV files (.zip)", "export-zip");
        progress.setId("export-progress");
        progress.setVisible(false);
        progress.setWidth("20em");
        status.setId("export-status");
        var actions = new HorizontalLayout(xlsx, zip, progress, status);
        actions.setAlignItems(Alignment.CENTER);

        history.setId("export-history");
        history.addColumn(e -> WHEN.format(e.createdAt().withOffsetSameInstant(ZoneOffset.UTC))).setHeader("When").setAutoWidth(true);
        history.addColumn(ExportLogEntry::createdBy).setHeader("Who").setAutoWidth(true);
        history.addColumn(ExportLogEntry::format).setHeader("Format").setAutoWidth(true);
        history.addColumn(ExportLogEntry::sheets).setHeader("Sheets").setFlexGrow(1);
        history.addColumn(ExportLogEntry::status).setHeader("Status").setAutoWidth(true);
        history.addColumn(e -> e.deidentified() ? "yes" : "NO").setHeader("De-identified").setAutoWidth(true);
        history.addColumn(ExportLogEntry::participants).setHeader("Participants").setAutoWidth(true);
        history.addColumn(ExportLogEntry::options).setHeader("Options").setFlexGrow(1);
        history.setAllRowsVisible(true);

        add(new H2("Export the study dataset"),
                new Paragraph("One workbook with a sheet per kind of data, a data dictionary and an About sheet. De-identified by default: "
                        + "pseudonyms only, dates shifted per participant, no free text. Large studies: use the CSV zip."),
                form, actions, new H3("Export history"), history);
        refreshHistory();
    }

    private Anchor download(ExportFormat format, String text, String id) {
        DownloadHandler handler = event -> send(format, event);
        var anchor = new Anchor(handler, text);
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        anchor.addClassName("export-download");
        anchor.getElement().addEventListener("click", e -> started());
        return anchor;
    }

    private void started() {
        progress.setValue(0);
        progress.setVisible(true);
        status.setText("Preparing the export…");
        UI.getCurrent().setPollInterval(500);
    }

    /** Runs in the download request: checks first (an error becomes a message), then streams. */
    void send(ExportFormat format, DownloadEvent event) throws java.io.IOException {
        UI ui = event.getUI();
        ExportService.ExportPlan plan;
        try {
            plan = exports.prepare(options, format);
        } catch (MotifException | AccessDeniedException e) {
            exports.refused(options, format, e.getMessage());
            event.getResponse().setStatus(e instanceof AccessDeniedException ? 403 : 422);
            event.setContentType("text/plain; charset=UTF-8");
            event.getOutputStream().write(e.getMessage().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            finished(ui, e.getMessage(), false);
            return;
        }
        event.setFileName(plan.fileName());
        event.setContentType(format.contentType());
        exports.write(plan, event.getOutputStream(), share -> {
            if (ui != null) ui.access(() -> progress.setValue(share));
        });
        finished(ui, "Exported " + plan.participants() + " participants as " + plan.fileName() + ".", true);
    }

    private void finished(UI ui, String message, boolean ok) {
        if (ui == null) return;
        ui.access(() -> {
            progress.setVisible(false);
            status.setText(message);
            status.getElement().getThemeList().set("error", !ok);
            refreshHistory();
            ui.setPollInterval(-1);
        });
    }

    ExportOptions currentOptions() {
        return options;
    }

    private void refreshHistory() {
        history.setItems(exports.history(50));
    }
}
