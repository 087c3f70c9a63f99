package org.motif.linkage.ui;

import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.motif.base.ui.JobPolling;
import org.motif.genomics.FilterSetService;
import org.motif.genomics.VcfImportService;
import org.motif.linkage.LodTsvWriter;
import org.motif.linkage.run.LinkageRunView;
import org.motif.linkage.run.LinkageService;
import org.motif.participant.FamilyService;
import org.motif.security.Role;

/** Linkage: start a run, follow runs, results sorted by max LOD (lazy), per-family breakdown with the pedigree. */
@Route("linkage")
@PageTitle("Linkage | Motif")
@Menu(title = "Linkage", order = 45, icon = "vaadin:chart-line")
@RolesAllowed(Role.GENETICIST_NAME)
public class LinkageView extends VerticalLayout {
    private final LinkageService linkage;
    final Grid<LinkageRunView> runs = new Grid<>();
    final Grid<LinkageService.ResultRow> results = new Grid<>();
    private final Paragraph runInfo = new Paragraph();
    private final HorizontalLayout downloads = new HorizontalLayout();
    final LinkageResultPanel detail;

    public LinkageView(LinkageService linkage, VcfImportService imports, FamilyService families, FilterSetService filterSets) {
        this.linkage = linkage;
        this.detail = new LinkageResultPanel(linkage, families);
        add(new H2("Linkage"), new Paragraph("Parametric two-point LOD scores of every variant of a VCF import (or of a saved filter set) on the study's pedigrees "
                + "(exact peeling, equal to FASTLINK's MLINK). Runs go on in the background; this page follows their progress."));
        add(new LinkageRunForm(linkage, imports, filterSets, id -> refresh()));
        Button refresh = new Button("Refresh", e -> refresh());
        refresh.setId("linkage-refresh");
        Button cancel = new Button("Cancel selected run", e -> runs.getSelectedItems().forEach(r -> {
            linkage.cancel(r.id());
            refresh();
        }));
        cancel.setId("linkage-cancel");
        runs.setId("linkage-runs");
        runs.addColumn(LinkageRunView::id).setHeader("Run").setAutoWidth(true);
        runs.addColumn(LinkageRunView::importId).setHeader("Import").setAutoWidth(true);
        runs.addColumn(r -> r.model().preset() != null ? r.model().preset()
                : "q " + LodTsvWriter.formatNumber(r.model().diseaseAlleleFrequency()) + ", f " + r.model().penetrances()).setHeader("Model");
        runs.addColumn(LinkageRunView::alleleFrequencies).setHeader("Frequencies");
        runs.addColumn(r -> r.filterSet() == null ? "all variants" : r.filterSet()).setHeader("Filter set");
        runs.addColumn(LinkageRunView::status).setHeader("Status");
        runs.addComponentColumn(r -> JobPolling.bar(r.progress(), r.status())).setHeader("Progress");
        runs.addColumn(LinkageRunView::variants).setHeader("Variants");
        runs.addColumn(r -> r.families().size()).setHeader("Families");
        runs.addColumn(r -> r.createdAt() == null ? "" : r.createdAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).setHeader("Started");
        runs.setHeight("14rem");
        runs.addSelectionListener(e -> e.getFirstSelectedItem().ifPresentOrElse(this::showRun, () -> results.setVisible(false)));
        results.setId("linkage-results");
        results.addColumn(LinkageService.ResultRow::variant).setHeader("Variant").setAutoWidth(true);
        results.addColumn(r -> r.maxLod() == null ? "-inf" : LodTsvWriter.formatLod(r.maxLod())).setHeader("Max LOD (ALL)");
        results.addColumn(r -> LodTsvWriter.formatNumber(r.thetaAtMax())).setHeader("θ at max");
        results.addColumn(r -> r.maxHlod() == null ? "-inf" : LodTsvWriter.formatLod(r.maxHlod())).setHeader("Max HLOD");
        results.addColumn(r -> LodTsvWriter.formatNumber(r.hlodTheta())).setHeader("θ (HLOD)");
        results.addColumn(r -> LodTsvWriter.formatNumber(r.hlodAlpha())).setHeader("α");
        results.setHeight("22rem");
        results.setVisible(false);
        results.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(r -> runs.getSelectedItems().stream().findFirst()
                .ifPresent(run -> detail.show(run.id(), r.ordinal()))));
        add(new HorizontalLayout(refresh, cancel), runs, runInfo, downloads, results, detail);
        JobPolling.onPoll(this, this::refresh); // also the first load, when the view is attached
    }

    void refresh() {
        var selected = runs.getSelectedItems().stream().findFirst().orElse(null);
        var items = linkage.list();
        runs.setItems(items);
        if (selected != null) items.stream().filter(r -> r.id().equals(selected.id())).findFirst().ifPresent(runs::select);
        JobPolling.follow(this, items.stream().anyMatch(r -> r.status().equals("queued") || r.status().equals("running")));
    }

    private void showRun(LinkageRunView r) {
        StringBuilder info = new StringBuilder("Run " + r.id() + ": θ " + r.thetas() + "; " + r.softwareVersion() + ".");
        r.families().stream().filter(f -> !f.analysable())
                .forEach(f -> info.append(" Family ").append(f.family()).append(" is not analysable: ").append(f.problem()).append('.'));
        if (r.error() != null) info.append(" Error: ").append(r.error());
        runInfo.setText(info.toString());
        downloads.removeAll();
        detail.setVisible(false);
        boolean done = r.status().equals("done");
        results.setVisible(done);
        if (!done) return;
        downloads.add(new Anchor("api/v1/linkage/runs/" + r.id() + "/lods.tsv", "lods.tsv"),
                new Anchor("api/v1/linkage/runs/" + r.id() + "/hlod.tsv", "hlod.tsv"));
        results.setItems(q -> linkage.results(r.id(), q.getOffset(), q.getLimit()).stream(), q -> linkage.resultCount(r.id()));
    }
}
