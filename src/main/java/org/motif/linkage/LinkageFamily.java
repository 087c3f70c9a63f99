package org.motif.linkage;

import java.util.List;

/**
 * One analysed family: a connected group of people of a PED family.
 *
 * @param label      the family label in the output: the PED family id, or {@code FID#k} (k = 1, 2, …) when the
 *                   members of a PED family form several unconnected groups (numbered by first appearance in the PED)
 * @param familyId   the PED family id
 * @param memberIds  the individual ids, PED order, including parents referenced but not listed (added as founders)
 * @param problem    null if the family can be scored; otherwise why it cannot (e.g. the loop, named by its members)
 */
public record LinkageFamily(String label, String familyId, List<String> memberIds, String problem) {

    /** @return true if the family has no loop and can be scored */
    public boolean analysable() {
        return problem == null;
    }
}
