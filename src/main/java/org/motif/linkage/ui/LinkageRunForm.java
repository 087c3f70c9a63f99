package org.motif.linkage.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import org.motif.base.MotifException;
import org.motif.genomics.FilterSetService;
import org.motif.genomics.VcfImportService;
import org.motif.genomics.VcfImportView;
import org.motif.linkage.LinkagePresets;
import org.motif.linkage.LodTsvWriter;
import org.motif.linkage.run.LinkageService;

/** Starts a run: import, preset or custom model (q, f0, f1, f2), θ grid, allele frequency source, optional filter set. */
class LinkageRunForm extends FormLayout {
    static final String CUSTOM = "custom";
    final Select<String> importId = new Select<>();
    final Select<String> preset = new Select<>();
    final NumberField q = new NumberField("Disease allele frequency q");
    final NumberField f0 = new NumberField("f0 (phenocopy rate)");
    final NumberField f1 = new NumberField("f1 (one disease allele)");
    final NumberField f2 = new NumberField("f2 (two disease alleles)");
    final TextField thetas = new TextField("θ grid (comma-separated, 0 to 0.5)");
    final Select<String> frequencies = new Select<>();
    final ComboBox<String> filterSet = new ComboBox<>("Filter set (none: every variant)");
    final Button start = new Button("Start run");

    LinkageRunForm(LinkageService linkage, VcfImportService imports, FilterSetService filterSets, Consumer<String> started) {
        LinkagePresets presets = linkage.presets();
        importId.setLabel("VCF import");
        importId.setItems(imports.list().stream().filter(v -> v.status().equals("done")).map(VcfImportView::id).toList());
        importId.setId("linkage-import");
        List<String> ids = new ArrayList<>(presets.models().stream().map(LinkagePresets.Preset::id).toList());
        ids.add(CUSTOM);
        preset.setLabel("Disease model");
        preset.setItems(ids);
        preset.setItemLabelGenerator(id -> id.equals(CUSTOM) ? "Custom model" : presets.preset(id).title());
        preset.addValueChangeListener(e -> {
            if (e.getValue() == null || e.getValue().equals(CUSTOM)) return;
            var m = presets.preset(e.getValue()).model();
            q.setValue(m.diseaseAlleleFrequency());
            f0.setValue(m.f0());
            f1.setValue(m.f1());
            f2.setValue(m.f2());
        });
        preset.setId("linkage-preset");
        preset.setValue(presets.models().get(0).id());
        for (NumberField f : List.of(q, f0, f1, f2)) {
            f.setStep(0.0001);
            f.addValueChangeListener(e -> {
                if (e.isFromClient()) preset.setValue(CUSTOM);
            });
        }
        thetas.setValue(presets.thetas().stream().map(LodTsvWriter::formatNumber).collect(Collectors.joining(", ")));
        thetas.setId("linkage-thetas");
        frequencies.setLabel("Marker allele frequencies");
        frequencies.setItems("founders", "all", "info");
        frequencies.setItemLabelGenerator(v -> switch (v) {
            case "founders" -> "Genotyped founders (pooled)";
            case "all" -> "All genotyped members";
            default -> "VCF INFO AF";
        });
        frequencies.setValue("founders");
        filterSet.setId("linkage-filter-set");
        filterSet.setItems(filterSets.list().stream().map(FilterSetService.FilterSet::name).toList());
        filterSet.setClearButtonVisible(true);
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setId("linkage-start");
        start.addClickListener(e -> {
            try {
                String p = preset.getValue() == null || preset.getValue().equals(CUSTOM) ? null : preset.getValue();
                var s = linkage.start(new LinkageService.StartRequest(p, q.getValue(), Arrays.asList(f0.getValue(), f1.getValue(), f2.getValue()),
                        parseThetas(thetas.getValue()), frequencies.getValue(), importId.getValue(), filterSet.getValue()));
                Notification.show("Linkage run " + s.id() + " queued");
                started.accept(s.id());
            } catch (MotifException ex) {
                Notification.show(ex.getMessage(), 10000, Notification.Position.MIDDLE);
            }
        });
        add(importId, preset, q, f0, f1, f2, thetas, frequencies, filterSet, start);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 4));
    }

    /** @return the θ values, or null (the default grid) when blank; a non-number becomes NaN (refused by the service) */
    static List<Double> parseThetas(String text) {
        if (text == null || text.isBlank()) return null;
        List<Double> out = new ArrayList<>();
        for (String t : text.split("[,;\\s]+")) {
            if (t.isBlank()) continue;
            try {
                out.add(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                out.add(Double.NaN);
            }
        }
        return out;
    }
}
