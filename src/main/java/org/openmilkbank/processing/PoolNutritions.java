package org.openmilkbank.processing;

import java.util.List;
import org.openmilkbank.lab.LabelNutrients;
import org.openmilkbank.lab.PoolNutrition;
import org.openmilkbank.lab.RawMilkQuality;
import org.openmilkbank.labeling.Nutrients;
import org.springframework.stereotype.Service;

/** A pool's energy and fat from the lab's results on its containers, weighted by the volume of each poured in. */
@Service
public class PoolNutritions {

    private final RawMilkQuality quality;
    private final LabelNutrients labels;

    PoolNutritions(RawMilkQuality quality, LabelNutrients labels) {
        this.quality = quality;
        this.labels = labels;
    }

    public PoolNutrition of(PoolView pool) {
        return quality.poolNutrition(portions(pool));
    }

    /** What a bottle of the pool prints: the pool's analyser result, else its containers' measured values. */
    public Nutrients labelNutrients(PoolView pool) {
        return labels.ofPool(pool.id(), portions(pool));
    }

    private static List<PoolNutrition.Portion> portions(PoolView pool) {
        return pool.containers().stream()
                .map(c -> new PoolNutrition.Portion(c.containerId(), c.volumeMl()))
                .toList();
    }
}
