package org.motif.genomics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.motif.KaribuTest;
import org.motif.base.DemoContributor;
import org.motif.genomics.DemoVcf;
import org.motif.genomics.VariantQueryService.VariantView;
import org.motif.genomics.VcfImportView;
import org.motif.security.Role;
import org.springframework.beans.factory.annotation.Autowired;

/** The import report's QC and Samples sections and the variant detail, on the demo VCF. */
class GenomicsViewsKaribuIT extends KaribuTest {
    @Autowired
    DSLContext db;
    @Autowired
    List<DemoContributor> contributors;

    @Test
    @SuppressWarnings("unchecked")
    void the_import_report_shows_sample_qc_and_samples_and_a_variant_shows_genotypes_in_the_pedigree() throws Exception {
        String id = DemoVcf.load(db, contributors, false);
        login("admin", Role.GENETICIST);
        UI.getCurrent().navigate("genomics/imports");
        Grid<VcfImportView> imports = _get(Grid.class, spec -> spec.withId("vcf-imports"));
        VcfImportView demo = GridKt._findAll(imports).stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
        imports.select(demo);
        assertThat(_get(Paragraph.class, spec -> spec.withId("vcf-report")).getText()).contains("demo.vcf.gz", "Sex check mismatches: DEMO02_05");
        Grid<?> qc = _get(Grid.class, spec -> spec.withId("vcf-sample-qc"));
        assertThat(qc.isVisible()).isTrue();
        assertThat(GridKt._size(qc)).isEqualTo(66);
        assertThat(_get(VerticalLayout.class, spec -> spec.withId("vcf-samples")).isVisible()).isTrue();
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("vcf-samples-grid")))).isEqualTo(66);

        UI.getCurrent().navigate("genomics/variants");
        _get(TextField.class, spec -> spec.withLabel("Import")).setValue(id);
        _get(TextField.class, spec -> spec.withLabel("Genes (comma-separated)")).setValue("THAP1");
        _get(TextField.class, spec -> spec.withLabel("Carried by an affected member of family")).setValue("DEMO01");
        _get(Button.class, spec -> spec.withId("variant-search")).click();
        Grid<VariantView> variants = _get(Grid.class, spec -> spec.withId("variants"));
        assertThat(GridKt._size(variants)).isEqualTo(1);
        variants.select(GridKt._get(variants, 0));
        VerticalLayout panel = _get(VerticalLayout.class, spec -> spec.withId("variant-detail"));
        StringBuilder detail = new StringBuilder();
        panel.getChildren().forEach(c -> detail.append(c.getElement().getText()).append(c.getElement().getProperty("innerHTML", ""))
                .append(c.getElement()));
        assertThat(detail.toString()).contains("chr8:42836100:G:A", "Pedigree of DEMO01", ">0/1</text>", ">0/0</text>", "GQ ");

        // the shipped dystonia gene list in one click: the demo VCF has 5 variants in ANO3, TOR1A, GNAL and THAP1 (2)
        _get(TextField.class, spec -> spec.withLabel("Carried by an affected member of family")).setValue("");
        _get(Button.class, spec -> spec.withId("dystonia-genes")).click();
        assertThat(_get(TextField.class, spec -> spec.withLabel("Genes (comma-separated)")).getValue()).startsWith("TOR1A, THAP1, GNAL, ANO3");
        _get(Button.class, spec -> spec.withId("variant-search")).click();
        assertThat(GridKt._findAll(variants).stream().map(VariantView::gene).sorted().toList())
                .containsExactly("ANO3", "GNAL", "THAP1", "THAP1", "TOR1A");
    }
}
