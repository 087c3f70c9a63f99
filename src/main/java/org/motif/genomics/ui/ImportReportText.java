package org.motif.genomics.ui;

import org.motif.genomics.VcfImportView;

/** The import report as one readable text. */
final class ImportReportText {
    private ImportReportText() {
    }

    static String of(VcfImportView v) {
        StringBuilder sb = new StringBuilder();
        sb.append(v.fileName()).append(": ").append(v.status()).append(". ")
                .append(v.records()).append(" records read, ").append(v.variants()).append(" variants stored, ")
                .append(v.matchedSamples()).append(" of ").append(v.samples()).append(" samples matched");
        if (v.referenceBuild() != null) sb.append(", reference ").append(v.referenceBuild());
        sb.append(". ");
        if (!v.skipped().isEmpty()) sb.append("Skipped: ").append(v.skipped()).append(". ");
        if (!v.unmatchedVcfSamples().isEmpty()) {
            sb.append("VCF samples matching no participant (map them or add the participants): ")
                    .append(String.join(", ", v.unmatchedVcfSamples())).append(". ");
        }
        if (!v.unmatchedParticipants().isEmpty()) {
            sb.append("Participants of these families without a VCF column: ").append(String.join(", ", v.unmatchedParticipants())).append(". ");
        }
        if (v.error() != null) sb.append("Error: ").append(v.error());
        return sb.toString();
    }
}
