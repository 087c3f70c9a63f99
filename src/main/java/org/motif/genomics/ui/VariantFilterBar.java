package org.motif.genomics.ui;

import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import org.motif.base.MotifException;
import org.motif.genomics.DystoniaGenes;
import org.motif.genomics.FilterSetService;
import org.motif.genomics.VariantQueryService.VariantQuery;

/** The variant browser's filters, with saved filter sets: pick one to fill the fields, or save the fields under a name. */
class VariantFilterBar extends HorizontalLayout {
    private final FilterSetService filterSets;
    private final ComboBox<String> filterSet = new ComboBox<>("Filter set");
    final TextField importId = new TextField("Import");
    final TextField genes = new TextField("Genes (comma-separated)");
    private final TextField region = new TextField("Region (chr9:1000-2000)");
    private final NumberField maxAf = new NumberField("Max AF");
    private final NumberField minQual = new NumberField("Min QUAL");
    private final Checkbox pass = new Checkbox("FILTER = PASS");
    private final TextField consequence = new TextField("Consequence (comma-separated)");
    final TextField family = new TextField("Carried by an affected member of family");
    private final TextField saveName = new TextField("Save filters as");

    VariantFilterBar(FilterSetService filterSets, Runnable search) {
        this.filterSets = filterSets;
        filterSet.setId("filter-set");
        filterSet.setClearButtonVisible(true);
        filterSet.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                fill(filterSets.get(e.getValue()).filter());
                search.run();
            }
        });
        Button go = new Button("Search", e -> search.run());
        go.setId("variant-search");
        // the shipped list of dystonia genes (genomics/dystonia-genes.txt) in one click
        Button dystonia = new Button("Dystonia genes", e -> genes.setValue(String.join(", ", DystoniaGenes.list())));
        dystonia.setId("dystonia-genes");
        dystonia.setTooltipText(DystoniaGenes.list().size() + " genes with published associations to dystonia");
        Button save = new Button("Save", e -> save());
        save.setId("filter-set-save");
        add(filterSet, importId, genes, dystonia, region, maxAf, minQual, pass, consequence, family, go, saveName, save);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        reloadSets();
    }

    VariantQuery query() {
        return new VariantQuery(importId.getValue(), list(genes), region.getValue(), maxAf.getValue(), family.getValue(),
                minQual.getValue(), pass.getValue() ? Boolean.TRUE : null, list(consequence));
    }

    private void fill(VariantQuery q) {
        importId.setValue(q.importId() == null ? "" : q.importId());
        genes.setValue(q.genes() == null ? "" : String.join(", ", q.genes()));
        region.setValue(q.region() == null ? "" : q.region());
        maxAf.setValue(q.maxAf());
        minQual.setValue(q.minQual());
        pass.setValue(Boolean.TRUE.equals(q.passOnly()));
        consequence.setValue(q.consequences() == null ? "" : String.join(", ", q.consequences()));
        family.setValue(q.family() == null ? "" : q.family());
    }

    private void save() {
        try {
            var saved = filterSets.save(saveName.getValue(), query());
            reloadSets();
            filterSet.setValue(saved.name());
            saveName.clear();
            Notification.show("Filter set '" + saved.name() + "' saved");
        } catch (MotifException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE);
        }
    }

    private void reloadSets() {
        filterSet.setItems(filterSets.list().stream().map(FilterSetService.FilterSet::name).toList());
    }

    private static List<String> list(TextField f) {
        return f.isEmpty() ? null : Arrays.stream(f.getValue().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
