package org.openmilkbank.labeling;

import java.math.BigDecimal;

/**
 * What a pool's milk was measured to contain (by a human milk analyser), per decilitre; printed on the bottle's
 * label once measured. Any value may be missing: it is left off the label, never guessed.
 */
public record Nutrients(Integer energyKcalPerDl, BigDecimal proteinG, BigDecimal fatG, BigDecimal carbohydrateG) {

    public boolean measured() {
        return energyKcalPerDl != null || proteinG != null || fatG != null || carbohydrateG != null;
    }
}
