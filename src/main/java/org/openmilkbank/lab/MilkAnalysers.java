package org.openmilkbank.lab;

import java.util.UUID;
import org.openmilkbank.labeling.Nutrients;

/** What the milk analyser measured in a unit of milk: for the pool's page and the bottle's label. */
public interface MilkAnalysers {

    /**
     * The unit's latest counted, not voided analyser result (energy in kcal/dL, true protein or else crude protein,
     * fat and carbohydrate in g/dL, all corrected); nothing measured when there is none.
     */
    Nutrients latestFor(UUID unitId);
}
