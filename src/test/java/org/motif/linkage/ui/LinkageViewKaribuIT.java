package org.motif.linkage.ui;

import org.motif.StudyFixtures;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.motif.db.Tables.VCF_IMPORT;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.motif.KaribuTest;
import org.motif.genomics.FilterSetService;
import org.motif.genomics.VariantQueryService.VariantQuery;
import org.motif.genomics.VcfImportService;
import org.motif.linkage.FamilyLod;
import org.motif.linkage.run.LinkageRunView;
import org.motif.linkage.run.LinkageService;
import org.motif.participant.FamilyService;
import org.motif.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/** The linkage screen on the simulated fixture sim2 (families renamed LKBnn): start a run, see results and a family. */
class LinkageViewKaribuIT extends KaribuTest {
    @Autowired
    FamilyService families;
    @Autowired
    VcfImportService imports;
    @Autowired
    LinkageService linkage;
    @Autowired
    DSLContext db;
    @Autowired
    FilterSetService filterSets;

    private static String resource(String path) throws Exception {
        try (InputStream in = LinkageViewKaribuIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String importSim2() throws Exception {
        families.importPed(resource("/linkage/sim2/fam.ped").replace("FAM", "LKB"), false);
        StudyFixtures.deleteImports(db, VCF_IMPORT.FILE_NAME.eq("linkage-sim2.vcf"));
        Path tmp = Files.createTempFile("sim2", ".vcf");
        Files.writeString(tmp, resource("/linkage/sim2/fam.vcf").replace("FAM", "LKB"));
        String id = imports.submit(tmp, "linkage-sim2.vcf").id();
        for (int i = 0; i < 300 && !imports.get(id).status().equals("done"); i++) Thread.sleep(100);
        assertThat(imports.get(id).status()).isEqualTo("done");
        return id;
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_geneticist_starts_a_run_and_sees_variants_by_max_lod_with_the_families_and_a_pedigree() throws Exception {
        login(ADMIN, Role.GENETICIST);
        String importId = importSim2();
        filterSets.find("lkb-region").ifPresent(f -> filterSets.delete("lkb-region"));
        filterSets.save("lkb-region", new VariantQuery(importId, null, "1:47000000-56000000", null, null));
        UI.getCurrent().navigate("linkage");
        LinkageView view = _get(LinkageView.class);
        LinkageRunForm form = _get(LinkageRunForm.class);
        form.importId.setValue(importId);
        form.preset.setValue("dominant-70");
        assertThat(form.f1.getValue()).isEqualTo(0.7);
        form.frequencies.setValue("all");
        _click(_get(Button.class, s -> s.withId("linkage-start")));

        Grid<LinkageRunView> runs = view.runs;
        LinkageRunView run = runs.getGenericDataView().getItems().findFirst().orElseThrow();
        // the page follows the run by polling while it is queued or running (no server push)
        if (!run.status().equals("done")) assertThat(UI.getCurrent().getPollInterval()).isEqualTo(1000);
        for (int i = 0; i < 300 && !linkage.get(run.id()).status().equals("done"); i++) Thread.sleep(100);
        view.refresh();
        run = runs.getGenericDataView().getItems().filter(r -> r.importId().equals(importId)).findFirst().orElseThrow();
        assertThat(run.status()).isEqualTo("done");
        assertThat(run.model().preset()).isEqualTo("dominant-70");
        runs.select(run);

        Grid<LinkageService.ResultRow> results = view.results;
        assertThat(results.isVisible()).isTrue();
        assertThat(GridKt._size(results)).isEqualTo(30);
        double first = GridKt._get(results, 0).maxLod();
        double second = GridKt._get(results, 1).maxLod();
        assertThat(first).isGreaterThanOrEqualTo(second);
        results.select(GridKt._get(results, 0));

        Grid<FamilyLod> perFamily = _get(Grid.class, s -> s.withId("linkage-per-family"));
        assertThat(GridKt._size(perFamily)).isEqualTo(8 + 1);
        assertThat(GridKt._get(perFamily, 8).family()).isEqualTo("ALL");
        perFamily.select(GridKt._get(perFamily, 0));
        assertThat(_get(Html.class).getInnerHtml()).contains("<svg");
        Grid<?> genotypes = _get(Grid.class, s -> s.withId("linkage-genotypes"));
        assertThat(GridKt._size(genotypes)).isGreaterThan(2);
        assertThat(GridKt._getFormattedRow(genotypes, 0).get(0)).startsWith("LKB01_");

        // the same model on the variants of a saved filter set only
        form.filterSet.setValue("lkb-region");
        _click(_get(Button.class, s -> s.withId("linkage-start")));
        view.refresh();
        LinkageRunView filtered = runs.getGenericDataView().getItems().filter(r -> "lkb-region".equals(r.filterSet())).findFirst().orElseThrow();
        for (int i = 0; i < 300 && !linkage.get(filtered.id()).status().equals("done"); i++) Thread.sleep(100);
        assertThat(linkage.get(filtered.id()).variants()).as("the 6 variants of sim2 in 1:47000000-56000000").isEqualTo(6);
    }
}
