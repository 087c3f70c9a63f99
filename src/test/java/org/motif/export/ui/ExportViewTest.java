package org.motif.export.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.junit.jupiter.api.Test;
import org.motif.KaribuTest;
import org.motif.export.ExportOptions;
import org.motif.export.ExportService;
import org.springframework.beans.factory.annotation.Autowired;
import org.motif.export.ExportSheet;
import org.motif.security.Role;

class ExportViewTest extends KaribuTest {
    ExportView open(Role... roles) {
        login(ADMIN, roles);
        UI.getCurrent().navigate("export");
        return _get(ExportView.class);
    }

    @SuppressWarnings("unchecked")
    static CheckboxGroup<ExportSheet> sheets() {
        return _get(CheckboxGroup.class, s -> s.withId("export-sheets"));
    }

    @Test
    void a_coordinator_chooses_among_coordinator_sheets_and_may_ask_for_contacts_only_when_identified() {
        ExportView view = open(Role.COORDINATOR);
        assertThat(sheets().getListDataView().getItems()).containsExactly(ExportSheet.PARTICIPANTS, ExportSheet.RESPONSES, ExportSheet.SCORES,
                ExportSheet.PHENOTYPES, ExportSheet.PEDIGREE);
        Checkbox contacts = _get(Checkbox.class, s -> s.withId("export-contacts"));
        assertThat(contacts.isVisible()).isTrue();
        assertThat(contacts.isEnabled()).isFalse();
        _get(Checkbox.class, s -> s.withId("export-deidentified")).setValue(false);
        assertThat(contacts.isEnabled()).isTrue();
        contacts.setValue(true);
        assertThat(view.currentOptions().withContacts()).isTrue();
        assertThat(_get(Anchor.class, s -> s.withId("export-xlsx")).getHref()).isNotBlank();
        assertThat(_get(Anchor.class, s -> s.withId("export-zip")).getHref()).isNotBlank();
    }

    @Test
    void a_geneticist_sees_genotype_sheets_but_no_contact_choice_or_responses() {
        ExportView view = open(Role.GENETICIST);
        assertThat(sheets().getListDataView().getItems()).contains(ExportSheet.GENOTYPES, ExportSheet.VARIANTS).doesNotContain(ExportSheet.RESPONSES);
        assertThat(_find(Checkbox.class, s -> s.withId("export-contacts"))).as("hidden").isEmpty();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ExportOptions.GenotypeFormat> format = _get(RadioButtonGroup.class, s -> s.withId("export-genotype-format"));
        format.setValue(ExportOptions.GenotypeFormat.DOSAGE);
        assertThat(view.currentOptions().genotypeFormat()).isEqualTo(ExportOptions.GenotypeFormat.DOSAGE);
        assertThat(view.currentOptions().deidentified()).isTrue();
    }

    @Autowired
    ExportService exports;
    @Autowired
    org.motif.genomics.FilterSetService filterSets;

    @Test
    @SuppressWarnings("unchecked")
    void a_geneticist_may_choose_the_linkage_sheet_and_a_saved_filter_set() {
        login(ADMIN, Role.GENETICIST);
        filterSets.find("export-view-tor1a").ifPresent(f -> filterSets.delete("export-view-tor1a"));
        filterSets.save("export-view-tor1a", new org.motif.genomics.VariantQueryService.VariantQuery(null, java.util.List.of("TOR1A"), null, null, null));
        UI.getCurrent().navigate("export");
        ExportView view = _get(ExportView.class);
        assertThat(sheets().getListDataView().getItems()).contains(ExportSheet.LINKAGE);
        com.vaadin.flow.component.combobox.ComboBox<String> filterSet = _get(com.vaadin.flow.component.combobox.ComboBox.class,
                s -> s.withId("export-filter-set"));
        assertThat(filterSet.getListDataView().getItems()).contains("export-view-tor1a");
        filterSet.setValue("export-view-tor1a");
        assertThat(view.currentOptions().filterSet()).isEqualTo("export-view-tor1a");
        assertThat(view.currentOptions().include()).contains(ExportSheet.LINKAGE);
    }

    @Test
    void the_history_lists_earlier_exports_newest_first() throws Exception {
        open(Role.COORDINATOR);
        var plan = exports.prepare(ExportOptions.parse(java.util.Map.of("include", "pedigree", "families", "none-such")), ExportService.ExportFormat.ZIP);
        exports.write(plan, new java.io.ByteArrayOutputStream(), null);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("export");
        Grid<?> history = _get(Grid.class, s -> s.withId("export-history"));
        assertThat(GridKt._size(history)).isGreaterThanOrEqualTo(1);
        assertThat(GridKt._getFormattedRow(history, 0)).contains("admin", "zip", "pedigree,dictionary,about", "yes");
        assertThat(_find(com.vaadin.flow.component.progressbar.ProgressBar.class)).as("shown only while exporting").isEmpty();
    }
}
