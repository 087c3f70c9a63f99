package org.motif.pedigree;

/**
 * An individual with the 1-based line it was read from (null when it did not come from a file).
 */
public record PedRecord(Integer line, Individual individual) {
    public String id() {
        return individual.id();
    }
}
