package org.motif.genomics;

import org.motif.StudyFixtures;
import static org.motif.db.Tables.VCF_IMPORT;
import static org.motif.db.Tables.VCF_SAMPLE_ALIAS;

import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.motif.base.DemoContributor;

/** Test helper: the demo families and the demo VCF loaded through their DemoContributors, waited for. */
public final class DemoVcf {
    private DemoVcf() {
    }

    /** Loads (again when {@code fresh}) the demo VCF and returns its import id once the job has ended. */
    public static String load(DSLContext db, List<DemoContributor> contributors, boolean fresh) throws InterruptedException {
        if (fresh) {
            StudyFixtures.deleteImports(db, VCF_IMPORT.FILE_NAME.eq("demo.vcf.gz"));
            db.deleteFrom(VCF_SAMPLE_ALIAS).where(VCF_SAMPLE_ALIAS.SAMPLE_NAME.eq("LAB-2231")).execute();
        }
        List<DemoContributor> ours = new ArrayList<>(contributors.stream()
                .filter(c -> c.getClass().getSimpleName().equals("PedigreeDemoData") || c instanceof GenomicsDemoData).toList());
        ours.sort((a, b) -> Integer.compare(a.order(), b.order()));
        ours.forEach(DemoContributor::load);
        String id = db.select(VCF_IMPORT.IMPORT_ID).from(VCF_IMPORT).where(VCF_IMPORT.FILE_NAME.eq("demo.vcf.gz")).fetchOne(VCF_IMPORT.IMPORT_ID);
        for (int i = 0; i < 300; i++) {
            String s = db.select(VCF_IMPORT.STATUS).from(VCF_IMPORT).where(VCF_IMPORT.IMPORT_ID.eq(id)).fetchOne(VCF_IMPORT.STATUS);
            if (!s.equals("queued") && !s.equals("running")) return id;
            Thread.sleep(200);
        }
        throw new AssertionError("demo import " + id + " did not finish");
    }
}
