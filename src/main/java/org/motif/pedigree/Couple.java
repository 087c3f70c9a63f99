package org.motif.pedigree;

/** Two partners (ids) recorded as a couple; consanguineous couples are drawn with a double line. */
public record Couple(String partner1, String partner2, boolean consanguineous) {
}
