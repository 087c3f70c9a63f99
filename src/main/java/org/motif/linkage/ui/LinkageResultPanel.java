package org.motif.linkage.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.motif.linkage.FamilyLod;
import org.motif.linkage.LodTsvWriter;
import org.motif.linkage.MarkerLinkage;
import org.motif.linkage.run.LinkageService;
import org.motif.participant.FamilyService;
import org.motif.pedigree.PedigreeDrawing;

/** One variant of a run: LOD per family and θ, ALL and HLOD; a chosen family's pedigree with its genotypes. */
class LinkageResultPanel extends VerticalLayout {
    private final LinkageService linkage;
    private final FamilyService families;
    private final H3 title = new H3();
    private final Grid<FamilyLod> perFamily = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Div drawing = new Div();
    private final Grid<Map.Entry<String, String>> genotypes = new Grid<>();
    private String runId;
    private int ordinal;

    LinkageResultPanel(LinkageService linkage, FamilyService families) {
        this.linkage = linkage;
        this.families = families;
        perFamily.setId("linkage-per-family");
        perFamily.setAllRowsVisible(true);
        perFamily.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::showFamily));
        genotypes.addColumn(Map.Entry::getKey).setHeader("Participant");
        genotypes.addColumn(Map.Entry::getValue).setHeader("Genotype");
        genotypes.setAllRowsVisible(true);
        genotypes.setWidth("18rem");
        genotypes.setId("linkage-genotypes");
        drawing.addClassName("motif-linkage-drawing");
        HorizontalLayout family = new HorizontalLayout(drawing, genotypes);
        add(title, summary, perFamily, family);
        setVisible(false);
    }

    void show(String runId, int ordinal) {
        this.runId = runId;
        this.ordinal = ordinal;
        MarkerLinkage m = linkage.result(runId, ordinal);
        if (m == null) {
            setVisible(false);
            return;
        }
        setVisible(true);
        title.setText(m.variant());
        double[] t = m.thetas();
        List<String> hl = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            hl.add("θ " + LodTsvWriter.formatNumber(t[i]) + ": " + LodTsvWriter.formatLod(m.hlods()[i]) + " (α " + LodTsvWriter.formatNumber(m.alphas()[i]) + ")");
        }
        summary.setText("ALT frequency " + String.format(java.util.Locale.ROOT, "%.4f", m.altFrequency()) + " · max LOD "
                + LodTsvWriter.formatLod(m.maxLod()) + " at θ " + LodTsvWriter.formatNumber(m.thetaAtMax()) + " · HLOD " + String.join(", ", hl));
        perFamily.removeAllColumns();
        perFamily.addColumn(FamilyLod::family).setHeader("Family").setAutoWidth(true);
        perFamily.addColumn(f -> switch (f.status()) {
            case SCORED -> "scored";
            case UNINFORMATIVE -> "≤ 1 genotyped";
            case INCONSISTENT -> "Mendelian inconsistency";
            case NOT_ANALYSABLE -> "not analysable (loop)";
        }).setHeader("Status").setAutoWidth(true);
        for (int i = 0; i < t.length; i++) {
            int k = i;
            perFamily.addColumn(f -> LodTsvWriter.formatLod(f.lods()[k])).setHeader("θ " + LodTsvWriter.formatNumber(t[i]));
        }
        List<FamilyLod> rows = new ArrayList<>(m.families());
        rows.add(new FamilyLod("ALL", FamilyLod.Status.SCORED, m.totalLods()));
        perFamily.setItems(rows);
        drawing.removeAll();
        genotypes.setItems(List.of());
    }

    private void showFamily(FamilyLod f) {
        drawing.removeAll();
        if (f.family().equals("ALL")) return;
        String familyId = f.family().contains("#") ? f.family().substring(0, f.family().indexOf('#')) : f.family();
        drawing.add(new Html("<div>" + PedigreeDrawing.svg(families.pedigree(familyId), families.couples(familyId), familyId, null) + "</div>"));
        genotypes.setItems(List.copyOf(linkage.genotypes(runId, ordinal, familyId).entrySet()));
    }
}
