package org.motif.genomics;

import java.nio.file.Path;

import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;

/**
 * Benchmark (not a test): {@code java -Xmx512m -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.motif.genomics.GenomicsBench big.vcf.gz} prints the time of a bare htsjdk read of all genotypes,
 * of Motif's reader (decode + split + pack, no database, one thread), of the same with htsjdk decoding the site
 * columns of every record (what Motif's own site decoding saves), and the heap used.
 */
public final class GenomicsBench {
    private GenomicsBench() {
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]);
        boolean motifOnly = args.length > 1 && args[1].equals("--motif-only");
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            long gts = 0;
            if (!motifOnly) try (VCFFileReader r = new VCFFileReader(path, false)) {
                for (VariantContext vc : r) {
                    for (Genotype g : vc.getGenotypes()) {
                        if (g.isHet()) gts++;
                    }
                }
            }
            double htsjdk = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            long rows = readAndPack(VcfReader.open(path, path.getFileName().toString(), null));
            double motif = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            long rowsHtsjdk = readAndPack(VcfReader.openWithHtsjdkSites(path, path.getFileName().toString(), null));
            double motifHtsjdkSites = (System.nanoTime() - t0) / 1e9;
            if (rowsHtsjdk != rows) throw new IllegalStateException(rowsHtsjdk + " rows with htsjdk's site decoding, " + rows + " without");
            Runtime rt = Runtime.getRuntime();
            System.out.printf("round %d: htsjdk read of all genotypes %.2f s (%d het); Motif reader+split+pack %.2f s (%d rows),"
                    + " the same with htsjdk decoding every record's site columns %.2f s; heap used %d MB of max %d MB%n",
                    round + 1, htsjdk, gts, motif, rows, motifHtsjdkSites, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        }
    }

    /** Reads every record on one thread and packs its genotype rows as the import does; returns the row count. */
    private static long readAndPack(VcfReader r) throws java.io.IOException {
        long rows = 0;
        try (r) {
            VcfRecord rec;
            while ((rec = r.next()) != null) {
                if (rec.skipReason() != null) continue;
                byte[] gq = Genotypes.packU16(rec.gq());
                byte[] dp = Genotypes.packU16(rec.dp());
                for (int k = 1; k <= rec.alts().size(); k++) {
                    rows += Genotypes.packForAlt(rec.alleles(), k).length + gq.length + dp.length > 0 ? 1 : 0;
                }
            }
        }
        return rows;
    }
}
