package org.openmilkbank.lab;

import java.util.List;
import java.util.UUID;
import org.openmilkbank.labeling.Nutrients;
import org.springframework.stereotype.Service;

/**
 * What a bottle of a pool prints about its milk: the pool's own milk analyser result where it was measured (a
 * measurement of the pool beats an estimate from its containers), each value the analyser did not give taken from
 * the volume-weighted crematocrit of its containers; {@code null} when nothing was measured. Never a guess.
 */
@Service
public class LabelNutrients {

    private final RawMilkQuality quality;
    private final MilkAnalysers analysers;

    LabelNutrients(RawMilkQuality quality, MilkAnalysers analysers) {
        this.quality = quality;
        this.analysers = analysers;
    }

    public Nutrients ofPool(UUID poolId, List<PoolNutrition.Portion> portions) {
        Nutrients analysed = poolId == null ? null : analysers.latestFor(poolId);
        Nutrients estimated = quality.labelNutrients(portions);
        if (analysed == null || !analysed.measured()) {
            return estimated;
        }
        if (estimated == null) {
            return analysed;
        }
        return new Nutrients(
                first(analysed.energyKcalPerDl(), estimated.energyKcalPerDl()),
                first(analysed.proteinG(), estimated.proteinG()),
                first(analysed.fatG(), estimated.fatG()),
                first(analysed.carbohydrateG(), estimated.carbohydrateG()));
    }

    private static <T> T first(T measured, T estimated) {
        return measured != null ? measured : estimated;
    }
}
