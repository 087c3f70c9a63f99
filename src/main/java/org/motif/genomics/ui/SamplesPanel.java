package org.motif.genomics.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.motif.base.MotifException;
import org.motif.genomics.VcfImportService;
import org.motif.genomics.VcfImportService.SampleRow;
import org.motif.genomics.VcfImportView;

/** Samples of one import with their participants; map an unmatched sample to a participant and match again. */
class SamplesPanel extends VerticalLayout {
    private final VcfImportService imports;
    private final Consumer<VcfImportView> changed;
    private final Grid<SampleRow> grid = new Grid<>(SampleRow.class, false);
    private final ComboBox<String> sample = new ComboBox<>("VCF sample");
    private final TextField participant = new TextField("Participant id");
    private String importId;

    SamplesPanel(VcfImportService imports, Consumer<VcfImportView> changed) {
        this.imports = imports;
        this.changed = changed;
        setPadding(false);
        setId("vcf-samples");
        grid.addColumn(SampleRow::column).setHeader("Column").setAutoWidth(true);
        grid.addColumn(SampleRow::sample).setHeader("VCF sample").setAutoWidth(true);
        grid.addColumn(r -> r.participantId() == null ? "— unmatched" : r.participantId() + (r.viaMapping() ? " (mapped)" : ""))
                .setHeader("Participant").setFlexGrow(1);
        grid.setId("vcf-samples-grid");
        grid.setHeight("240px");
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(r -> {
            sample.setValue(r.sample());
            participant.setValue(r.participantId() == null ? "" : r.participantId());
        }));
        sample.setId("vcf-sample-name");
        participant.setId("vcf-sample-participant");
        Button map = new Button("Map and match again", e -> map());
        map.setId("vcf-sample-map");
        HorizontalLayout form = new HorizontalLayout(sample, participant, map);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H3("Samples"), grid, form);
        setVisible(false);
    }

    void show(VcfImportView v) {
        importId = v == null || !"done".equals(v.status()) ? null : v.id();
        setVisible(importId != null);
        if (importId == null) return;
        var rows = imports.samples(importId);
        grid.setItems(rows);
        sample.setItems(rows.stream().map(SampleRow::sample).toList());
        rows.stream().filter(r -> r.participantId() == null).findFirst().ifPresent(r -> sample.setValue(r.sample()));
    }

    private void map() {
        if (importId == null || sample.isEmpty()) return;
        try {
            VcfImportView v = imports.mapSample(importId, sample.getValue(), participant.getValue());
            Notification.show("Mapped; " + v.matchedSamples() + " of " + v.samples() + " samples matched, QC recomputed");
            participant.clear();
            changed.accept(v);
        } catch (MotifException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE);
        }
    }
}
