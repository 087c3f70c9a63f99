package org.motif.export.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.motif.export.ExportOptions;
import org.motif.export.ExportOptions.BirthYear;
import org.motif.export.ExportOptions.GenotypeFormat;
import org.motif.export.ExportOptions.Labels;
import org.motif.export.ExportOptions.MultipleChoice;
import org.motif.export.ExportSheet;

/** The export options; tells its listener the options whenever a field changes. */
class ExportForm extends FormLayout {
    final CheckboxGroup<ExportSheet> sheets = new CheckboxGroup<>("Sheets");
    final MultiSelectComboBox<String> families = new MultiSelectComboBox<>("Families (none chosen: all)");
    final MultiSelectComboBox<String> events = new MultiSelectComboBox<>("Events (none chosen: all)");
    final RadioButtonGroup<Labels> labels = new RadioButtonGroup<>("Choices as");
    final RadioButtonGroup<String> language = new RadioButtonGroup<>("Language of labels");
    final RadioButtonGroup<MultipleChoice> multipleChoice = new RadioButtonGroup<>("Multiple choice");
    final RadioButtonGroup<BirthYear> birthYear = new RadioButtonGroup<>("Birth year");
    final RadioButtonGroup<GenotypeFormat> genotypeFormat = new RadioButtonGroup<>("Genotypes as");
    final Checkbox items = new Checkbox("Every item answer as a column of Participants", true);
    final Checkbox deidentified = new Checkbox("De-identified (pseudonyms, shifted dates, no free text)", true);
    final Checkbox contacts = new Checkbox("Include contact details", false);
    final ComboBox<String> filterSet = new ComboBox<>("Variant filter set (none: all variants)");
    final MultiSelectComboBox<String> linkageRuns = new MultiSelectComboBox<>("Linkage runs (none chosen: the latest of each import)");

    ExportForm(List<ExportSheet> visible, List<String> familyIds, List<String> eventLabels, boolean coordinator, Consumer<ExportOptions> listener) {
        this(visible, familyIds, eventLabels, coordinator, List.of(), List.of(), listener);
    }

    /**
     * @param filterSetNames saved variant filter sets (the field is hidden when there is none or no variant sheet is visible)
     * @param runIds         finished linkage runs (the field is hidden when there is none or the Linkage sheet is not visible)
     */
    ExportForm(List<ExportSheet> visible, List<String> familyIds, List<String> eventLabels, boolean coordinator, List<String> filterSetNames,
               List<String> runIds, Consumer<ExportOptions> listener) {
        sheets.setId("export-sheets");
        sheets.setItems(visible);
        sheets.setItemLabelGenerator(ExportSheet::title);
        sheets.setValue(Set.copyOf(visible));
        families.setId("export-families");
        families.setItems(familyIds);
        events.setId("export-events");
        events.setItems(eventLabels);
        labels.setId("export-labels");
        labels.setItems(Labels.values());
        labels.setItemLabelGenerator(l -> l == Labels.CODES ? "codes" : "labels");
        labels.setValue(Labels.CODES);
        language.setId("export-language");
        language.setItems("en", "de");
        language.setItemLabelGenerator(l -> l.equals("en") ? "English" : "Deutsch");
        language.setValue("en");
        multipleChoice.setId("export-multiple-choice");
        multipleChoice.setItems(MultipleChoice.values());
        multipleChoice.setItemLabelGenerator(m -> m == MultipleChoice.JOINED ? "one column, codes joined with ;" : "one 0/1 column per option");
        multipleChoice.setValue(MultipleChoice.JOINED);
        birthYear.setId("export-birth-year");
        birthYear.setItems(BirthYear.values());
        birthYear.setItemLabelGenerator(b -> b == BirthYear.KEEP ? "keep" : "5-year bins");
        birthYear.setValue(BirthYear.KEEP);
        genotypeFormat.setId("export-genotype-format");
        genotypeFormat.setItems(GenotypeFormat.values());
        genotypeFormat.setItemLabelGenerator(g -> g == GenotypeFormat.CALLS ? "0/1 calls" : "allele dosage 0–2");
        genotypeFormat.setValue(GenotypeFormat.CALLS);
        genotypeFormat.setVisible(visible.contains(ExportSheet.GENOTYPES));
        items.setId("export-items");
        deidentified.setId("export-deidentified");
        contacts.setId("export-contacts");
        contacts.setVisible(coordinator);
        contacts.setEnabled(false);
        deidentified.addValueChangeListener(e -> {
            contacts.setEnabled(!e.getValue());
            if (e.getValue()) contacts.setValue(false);
        });
        filterSet.setId("export-filter-set");
        filterSet.setItems(filterSetNames);
        filterSet.setClearButtonVisible(true);
        filterSet.setVisible(!filterSetNames.isEmpty() && (visible.contains(ExportSheet.VARIANTS) || visible.contains(ExportSheet.GENOTYPES)));
        linkageRuns.setId("export-linkage-runs");
        linkageRuns.setItems(runIds);
        linkageRuns.setVisible(!runIds.isEmpty() && visible.contains(ExportSheet.LINKAGE));
        add(sheets, 2);
        add(families, events, labels, language, multipleChoice, birthYear, genotypeFormat, filterSet, linkageRuns);
        add(items, 2);
        add(deidentified, contacts);
        for (com.vaadin.flow.component.HasValue<?, ?> field : List.<com.vaadin.flow.component.HasValue<?, ?>>of(sheets, families, events, labels, language, multipleChoice, birthYear, genotypeFormat, items, deidentified, contacts, filterSet, linkageRuns)) {
            field.addValueChangeListener(e -> listener.accept(options()));
        }
    }

    /** The options as chosen; all visible sheets chosen means "every sheet I may see" (no include). */
    ExportOptions options() {
        Set<ExportSheet> chosen = sheets.getValue().isEmpty() ? Set.of() : EnumSet.copyOf(sheets.getValue());
        Map<String, String> p = new java.util.HashMap<>();
        ExportOptions base = ExportOptions.parse(p);
        return new ExportOptions(chosen, List.copyOf(families.getValue().stream().sorted().toList()), List.copyOf(events.getValue().stream().sorted().toList()),
                List.of(), List.of(), labels.getValue(), language.getValue(), deidentified.getValue(), contacts.getValue(), items.getValue(),
                multipleChoice.getValue(), birthYear.getValue(), genotypeFormat.getValue() == null ? base.genotypeFormat() : genotypeFormat.getValue(),
                filterSet.getValue(), linkageRuns.getValue().stream().sorted().toList());
    }
}
