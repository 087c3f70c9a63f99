package org.motif.base;

/**
 * A feature's part of the demo study, loaded on start when {@code --demo} / {@code motif.demo=true}
 * is given. Each contributor must be idempotent: a restart with {@code --demo} adds nothing twice.
 */
public interface DemoContributor {
    /** Lower runs first (users 0, families 10, questionnaires 20, genomics 30, …). */
    int order();

    /** Loads this feature's demo data unless it is already there. */
    void load();
}
