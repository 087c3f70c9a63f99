package org.motif.genomics.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.motif.base.MotifException;
import org.motif.genomics.VariantQueryService;
import org.motif.genomics.VariantQueryService.VariantGenotypes;
import org.motif.genomics.VariantQueryService.VariantView;
import org.motif.participant.FamilyService;
import org.motif.pedigree.Individual;
import org.motif.pedigree.PedigreeDrawing;

/** Variant detail: each carrier family's pedigree with every member's genotype and GQ/DP under the symbol. */
class VariantDetailPanel extends VerticalLayout {
    private static final int MAX_FAMILIES = 3;
    private final VariantQueryService variants;
    private final FamilyService families;

    VariantDetailPanel(VariantQueryService variants, FamilyService families) {
        this.variants = variants;
        this.families = families;
        setId("variant-detail");
        setPadding(false);
        setVisible(false);
    }

    void show(VariantView v, String importId, String onlyFamily) {
        removeAll();
        if (v == null) {
            setVisible(false);
            return;
        }
        setVisible(true);
        add(new H3(v.variant() + (v.gene() == null ? "" : " · " + v.gene()) + (v.consequence() == null ? "" : " · " + v.consequence())));
        VariantGenotypes g;
        try {
            g = variants.genotypes(importId, v.variant());
        } catch (MotifException e) {
            add(new Paragraph(e.getMessage()));
            return;
        }
        List<String> shown = new ArrayList<>();
        for (var f : v.families()) {
            if (onlyFamily != null && !onlyFamily.isBlank() ? f.familyId().equals(onlyFamily)
                    : f.affectedCarriers() + f.unaffectedCarriers() + f.obligateCarriers() > 0) {
                shown.add(f.familyId());
            }
        }
        if (shown.isEmpty() && !v.families().isEmpty()) shown.add(v.families().get(0).familyId());
        if (shown.size() > MAX_FAMILIES) {
            add(new Paragraph(shown.size() + " families carry it; the first " + MAX_FAMILIES + " are drawn (filter by family to see another)."));
            shown = shown.subList(0, MAX_FAMILIES);
        }
        for (String familyId : shown) {
            List<Individual> members = families.pedigree(familyId);
            String svg = PedigreeDrawing.svg(members, families.couples(familyId), familyId, null, lines(members, g));
            Html drawing = new Html("<div class=\"variant-pedigree\">" + svg + "</div>");
            add(drawing);
        }
    }

    /**
     * Two lines per genotyped member: the genotype, then "GQ n · DP n"; "not in VCF" for members without a column,
     * "withdrawn: not used" for those whose data must not be used.
     */
    static Map<String, List<String>> lines(List<Individual> members, VariantGenotypes g) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Individual i : members) {
            if (i.placeholder()) continue;
            var call = g.byParticipant().get(i.id());
            if (g.notUsed().contains(i.id())) {
                out.put(i.id(), List.of("withdrawn: not used"));
            } else if (call == null) {
                out.put(i.id(), List.of("not in VCF"));
            } else {
                out.put(i.id(), List.of(call.gt(), "GQ " + (call.gq() == null ? "." : call.gq()) + " · DP " + (call.dp() == null ? "." : call.dp())));
            }
        }
        return out;
    }
}
