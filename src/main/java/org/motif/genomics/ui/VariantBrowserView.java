package org.motif.genomics.ui;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.motif.base.MotifException;
import org.motif.genomics.VariantQueryService;
import org.motif.genomics.VariantQueryService.VariantQuery;
import org.motif.genomics.VariantQueryService.VariantView;
import org.motif.security.Role;

/** Variant browser: a lazy grid over the variants of finished imports, with filters and segregation per family. */
@Route("genomics/variants")
@PageTitle("Variants | Motif")
@Menu(title = "Variants", order = 41, icon = "vaadin:table")
@RolesAllowed(Role.GENETICIST_NAME)
public class VariantBrowserView extends VerticalLayout {
    private final VariantQueryService variants;
    private final TextField importId = new TextField("Import");
    private final TextField genes = new TextField("Genes (comma-separated)");
    private final TextField region = new TextField("Region (chr9:1000-2000)");
    private final NumberField maxAf = new NumberField("Max AF");
    private final TextField family = new TextField("Carried by an affected member of family");
    private final Grid<VariantView> grid = new Grid<>(VariantView.class, false);

    public VariantBrowserView(VariantQueryService variants) {
        this.variants = variants;
        add(new H2("Variants"));
        Button search = new Button("Search", e -> search());
        search.setId("variant-search");
        HorizontalLayout filters = new HorizontalLayout(importId, genes, region, maxAf, family, search);
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        filters.setWrap(true);
        grid.addColumn(VariantView::variant).setHeader("Variant").setAutoWidth(true);
        grid.addColumn(VariantView::id).setHeader("ID");
        grid.addColumn(VariantView::gene).setHeader("Gene");
        grid.addColumn(VariantView::consequence).setHeader("Consequence");
        grid.addColumn(VariantView::af).setHeader("AF");
        grid.addColumn(VariantView::filter).setHeader("FILTER");
        grid.addColumn(VariantBrowserView::segregation).setHeader("Segregation (affected carriers/genotyped, unaffected carriers/genotyped, modes)")
                .setFlexGrow(3);
        grid.setId("variants");
        add(filters, grid);
        setSizeFull();
        grid.setSizeFull();
        search();
    }

    private void search() {
        List<String> g = genes.isEmpty() ? null : Arrays.stream(genes.getValue().split(",")).map(String::trim).toList();
        VariantQuery q = new VariantQuery(importId.getValue(), g, region.getValue(), maxAf.getValue(), family.getValue());
        try {
            variants.find(q, null, 1);
        } catch (MotifException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE);
            return;
        }
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
