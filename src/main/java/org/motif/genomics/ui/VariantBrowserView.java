package org.motif.genomics.ui;

import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.motif.base.MotifException;
import org.motif.genomics.FilterSetService;
import org.motif.genomics.VariantQueryService;
import org.motif.genomics.VariantQueryService.VariantQuery;
import org.motif.genomics.VariantQueryService.VariantView;
import org.motif.participant.FamilyService;
import org.motif.security.Role;

/** Variant browser: a lazy grid over the variants of finished imports, with filters and segregation per family. */
@Route("genomics/variants")
@PageTitle("Variants | Motif")
@Menu(title = "Variants", order = 41, icon = "vaadin:table")
@RolesAllowed(Role.GENETICIST_NAME)
public class VariantBrowserView extends VerticalLayout {
    private final VariantQueryService variants;
    private final VariantFilterBar filters;
    private final VariantDetailPanel detail;
    private final Grid<VariantView> grid = new Grid<>(VariantView.class, false);

    public VariantBrowserView(VariantQueryService variants, FilterSetService filterSets, FamilyService families) {
        this.variants = variants;
        this.filters = new VariantFilterBar(filterSets, this::search);
        this.detail = new VariantDetailPanel(variants, families);
        add(new H2("Variants"));
        // fixed widths: auto-width is measured before the lazy grid has rows, which cut genes and consequences to "T…"
        grid.addColumn(VariantView::variant).setHeader("Variant").setWidth("15em").setFlexGrow(0).setTooltipGenerator(VariantView::variant);
        grid.addColumn(VariantView::id).setHeader("ID").setWidth("8em").setFlexGrow(0);
        grid.addColumn(VariantView::gene).setHeader("Gene").setWidth("7em").setFlexGrow(0);
        grid.addColumn(VariantView::consequence).setHeader("Consequence").setWidth("13em").setFlexGrow(0).setTooltipGenerator(VariantView::consequence);
        grid.addColumn(v -> v.qual() == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", v.qual())).setHeader("QUAL").setWidth("5.5em").setFlexGrow(0);
        grid.addColumn(v -> v.af() == null ? "" : String.format(java.util.Locale.ROOT, "%.3g", v.af())).setHeader("AF").setWidth("6.5em").setFlexGrow(0);
        grid.addColumn(VariantView::filter).setHeader("FILTER").setWidth("6em").setFlexGrow(0);
        grid.addColumn(VariantBrowserView::segregation).setHeader("Segregation per family: affected carriers/genotyped, unaffected carriers/genotyped, modes")
                .setFlexGrow(1).setTooltipGenerator(VariantBrowserView::segregation);
        grid.setId("variants");
        grid.setHeight("280px");
        grid.addSelectionListener(e -> detail.show(e.getFirstSelectedItem().orElse(null), filters.importId.getValue(), filters.family.getValue()));
        add(filters, grid, detail);
        setWidthFull();
        search();
    }

    private void search() {
        VariantQuery q = filters.query();
        try {
            variants.find(q, null, 1);
        } catch (MotifException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE);
            return;
        }
        detail.show(null, null, null);
        // lazy: each window is fetched from the start of the filtered list (keyset cursor inside the service)
        grid.setItems(query -> {
            int end = query.getOffset() + query.getLimit();
            List<VariantView> upTo = variants.find(q, null, Math.min(end, 1000)).items();
            return upTo.stream().skip(query.getOffset()).limit(query.getLimit());
        });
    }

    private static String segregation(VariantView v) {
        return v.families().stream().filter(f -> f.affectedCarriers() + f.unaffectedCarriers() + f.obligateCarriers() > 0)
                .map(f -> f.familyId() + " " + f.affectedCarriers() + "/" + f.affectedGenotyped() + ", " + f.unaffectedCarriers() + "/"
                        + f.unaffectedGenotyped() + (f.obligateCarriers() > 0 ? ", obligate " + f.obligateCarriers() : "")
                        + (f.modes().isEmpty() ? "" : " " + f.modes()))
                .collect(Collectors.joining("; "));
    }
}
