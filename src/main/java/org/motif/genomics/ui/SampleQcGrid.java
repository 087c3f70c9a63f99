package org.motif.genomics.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.grid.Grid;
import org.motif.genomics.SampleQc;

/** Per-sample QC of one import: worst Mendelian samples first, sex-check mismatches marked. */
class SampleQcGrid extends Grid<SampleQc.Result> {
    SampleQcGrid() {
        super(SampleQc.Result.class, false);
        addColumn(SampleQc.Result::sample).setHeader("VCF sample").setAutoWidth(true);
        addColumn(r -> r.participantId() == null ? "— unmatched" : r.participantId()).setHeader("Participant").setAutoWidth(true);
        addColumn(SampleQc.Result::mendelianErrors).setHeader("Mendelian errors").setAutoWidth(true);
        addColumn(r -> String.format(Locale.ROOT, "%.1f %%", r.callRate() * 100)).setHeader("Call rate").setAutoWidth(true);
        addColumn(r -> r.meanDepth() == null ? "" : String.valueOf(r.meanDepth())).setHeader("Mean DP").setAutoWidth(true);
        addColumn(SampleQc.Result::recordedSex).setHeader("Recorded sex").setAutoWidth(true);
        addColumn(r -> r.xHetRate() == null ? "" : r.xHet() + "/" + r.xNonRefCalls()).setHeader("chrX het / non-ref").setAutoWidth(true);
        addColumn(r -> r.sexCheck().equals("ok") ? "ok" : r.sexCheck().replace('_', ' ') + (r.sexCheckNote() == null ? "" : ": " + r.sexCheckNote()))
                .setHeader("Sex check").setFlexGrow(1).setTooltipGenerator(r -> r.sexCheckNote() == null ? "" : r.sexCheckNote());
        setPartNameGenerator(r -> r.sexCheck().equals("mismatch") || r.mendelianErrors() > 0 ? "qc-flag" : null);
        setAllRowsVisible(true);
        setId("vcf-sample-qc");
        setVisible(false);
    }

    void show(List<SampleQc.Result> rows) {
        setItems(rows);
        setVisible(!rows.isEmpty());
    }
}
