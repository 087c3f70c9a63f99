package org.motif.linkage.run;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.motif.linkage.FamilyLod;
import org.motif.linkage.MarkerLinkage;

/**
 * Packs one marker's results into the byte columns of {@code linkage_result} and back (layout in V006):
 * big-endian IEEE doubles, NaN for NA, -Infinity where the likelihood is 0; one status byte per family.
 */
public final class LinkageResultCodec {
    private LinkageResultCodec() {
    }

    /** @return family LODs (family-major) followed by the ALL block */
    public static byte[] lods(MarkerLinkage m) {
        int nt = m.thetas().length;
        ByteBuffer b = ByteBuffer.allocate((m.families().size() + 1) * nt * 8);
        for (FamilyLod f : m.families()) for (double v : f.lods()) b.putDouble(v);
        for (double v : m.totalLods()) b.putDouble(v);
        return b.array();
    }

    public static byte[] statuses(MarkerLinkage m) {
        byte[] s = new byte[m.families().size()];
        for (int i = 0; i < s.length; i++) s[i] = (byte) m.families().get(i).status().ordinal();
        return s;
    }

    /** @return per θ (hlod, alpha) */
    public static byte[] hlods(MarkerLinkage m) {
        int nt = m.thetas().length;
        ByteBuffer b = ByteBuffer.allocate(nt * 16);
        for (int t = 0; t < nt; t++) b.putDouble(m.hlods()[t]).putDouble(m.alphas()[t]);
        return b.array();
    }

    /** Index of the θ with the largest HLOD (first on ties). */
    public static int hlodArgMax(MarkerLinkage m) {
        int best = 0;
        for (int t = 1; t < m.hlods().length; t++) if (m.hlods()[t] > m.hlods()[best]) best = t;
        return best;
    }

    /** Rebuilds the science's result record from a stored row, so that its TSV writer can write it. */
    public static MarkerLinkage decode(String variant, double altFrequency, double[] thetas, List<String> familyLabels,
                                       byte[] statuses, byte[] lods, byte[] hlods) {
        int nt = thetas.length;
        ByteBuffer l = ByteBuffer.wrap(lods);
        FamilyLod.Status[] all = FamilyLod.Status.values();
        List<FamilyLod> fams = new ArrayList<>(familyLabels.size());
        for (int f = 0; f < familyLabels.size(); f++) {
            double[] v = new double[nt];
            for (int t = 0; t < nt; t++) v[t] = l.getDouble();
            fams.add(new FamilyLod(familyLabels.get(f), all[statuses[f]], v));
        }
        double[] total = new double[nt];
        for (int t = 0; t < nt; t++) total[t] = l.getDouble();
        ByteBuffer h = ByteBuffer.wrap(hlods);
        double[] hl = new double[nt];
        double[] al = new double[nt];
        for (int t = 0; t < nt; t++) {
            hl[t] = h.getDouble();
            al[t] = h.getDouble();
        }
        return new MarkerLinkage(variant, altFrequency, thetas, fams, total, hl, al);
    }
}
