package org.motif.questionnaire;

/** Test access to the content hash of a shipped definition. */
public final class DefinitionLoaderAccess {
    private DefinitionLoaderAccess() {
    }

    public static String hashOf(String id) {
        return Shipped.loaded(id).contentHash();
    }
}
