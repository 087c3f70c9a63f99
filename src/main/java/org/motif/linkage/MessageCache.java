package org.motif.linkage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Cache of peeling messages of one family, per peeling step. A message is a function of the possible marker genotypes
 * of the people summed out into it and of its target (after genotype elimination), and of the marker allele
 * frequency when one of those people is an untyped founder — that is the key. A step whose hit rate stays low is no
 * longer cached. Thread-safe.
 */
final class MessageCache {

    /** People per key: 3 bits each in two longs. */
    static final int MAX_PEOPLE = 42;
    private static final int TRIAL = 2048;
    private static final int MAX_ENTRIES = 50_000;

    record Key(long a, long b, long p) {
        @Override
        public int hashCode() {
            long h = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL + p * 0x165667B19E3779F9L;
            h ^= h >>> 29;
            h *= 0xBF58476D1CE4E5B9L;
            return (int) (h ^ (h >>> 32));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.a == a && k.b == b && k.p == p;
        }
    }

    private final Map<Key, double[]>[] maps;
    private final AtomicIntegerArray lookups;
    private final AtomicIntegerArray hits;
    private final boolean[] disabled;

    /** Slot of the first child factor of each step: slots 0..steps-1 are step messages, then child factors. */
    private final int[] childSlot;

    /** Doubles this cache may still store, shared by all families of a run (bounds the heap used). */
    private final java.util.concurrent.atomic.AtomicLong budget;

    @SuppressWarnings("unchecked")
    MessageCache(FamilyStructure fs, java.util.concurrent.atomic.AtomicLong budget) {
        this.budget = budget;
        int k = fs.opMarriage.length;
        childSlot = new int[k];
        int slots = k;
        for (int i = 0; i < k; i++) {
            childSlot[i] = slots;
            slots += fs.marriageChildren[fs.opMarriage[i]].length;
        }
        maps = new Map[slots];
        lookups = new AtomicIntegerArray(slots);
        hits = new AtomicIntegerArray(slots);
        disabled = new boolean[slots];
        for (int i = 0; i < slots; i++) {
            maps[i] = new ConcurrentHashMap<>();
        }
        for (int i = 0; i < k; i++) {
            disabled[i] = fs.opSubtree[i].length + 1 > MAX_PEOPLE;
            int[] kids = fs.marriageChildren[fs.opMarriage[i]];
            for (int j = 0; j < kids.length; j++) {
                disabled[childSlot[i] + j] = kids[j] == fs.opTarget[i] || fs.personSubtree[kids[j]].length + 2 > MAX_PEOPLE;
            }
        }
    }

    /** @return the number of cache slots (step messages and child factors) */
    int slots() {
        return maps.length;
    }

    /** @return the cache slot of the factor of the j-th child of the marriage of step op */
    int childSlot(int op, int j) {
        return childSlot[op] + j;
    }

    /** @return per step "lookups/hits" (or "off") for diagnostics */
    String stats() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < maps.length; i++) {
            if (lookups.get(i) == 0) {
                continue;
            }
            sb.append(i).append(':').append(lookups.get(i)).append('/').append(hits.get(i))
                    .append(disabled[i] ? "off" : "").append(' ');
        }
        return sb.toString();
    }

    boolean enabled(int op) {
        return !disabled[op];
    }

    double[] get(int op, Key key) {
        double[] v = maps[op].get(key);
        int n = lookups.incrementAndGet(op);
        if (v != null) {
            hits.incrementAndGet(op);
        } else if (n == TRIAL && hits.get(op) < TRIAL / 4) {
            disabled[op] = true;
            maps[op].clear();
        }
        return v;
    }

    void put(int op, Key key, double[] value) {
        if (!disabled[op] && maps[op].size() < MAX_ENTRIES && budget.addAndGet(-(value.length + 8)) >= 0) {
            maps[op].put(key, value);
        }
    }
}
