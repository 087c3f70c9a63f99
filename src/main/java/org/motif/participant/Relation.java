package org.motif.participant;

/** Whom to add from a participant in one step. */
public enum Relation {
    FATHER, MOTHER, SIBLING, CHILD, PARTNER
}
