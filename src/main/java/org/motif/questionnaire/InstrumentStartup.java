package org.motif.questionnaire;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Stores newly loaded definition versions before the application serves anything (fails start-up on a version clash). */
@Component
class InstrumentStartup implements SmartInitializingSingleton {
    private final InstrumentService instruments;

    InstrumentStartup(InstrumentService instruments) {
        this.instruments = instruments;
    }

    @Override
    public void afterSingletonsInstantiated() {
        instruments.registerLoadedVersions();
    }
}
