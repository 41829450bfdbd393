package org.openmilkbank.processing;

import java.util.List;
import org.openmilkbank.lab.PoolNutrition;
import org.openmilkbank.lab.RawMilkQuality;
import org.openmilkbank.labeling.Nutrients;
import org.springframework.stereotype.Service;

/** A pool's energy and fat from the lab's results on its containers, weighted by the volume of each poured in. */
@Service
public class PoolNutritions {

    private final RawMilkQuality quality;

    PoolNutritions(RawMilkQuality quality) {
        this.quality = quality;
    }

    public PoolNutrition of(PoolView pool) {
        return quality.poolNutrition(portions(pool));
    }

    /** What a bottle of the pool prints: measured values of every container only, else {@code null}. */
    public Nutrients labelNutrients(PoolView pool) {
        return quality.labelNutrients(portions(pool));
    }

    private static List<PoolNutrition.Portion> portions(PoolView pool) {
        return pool.containers().stream()
                .map(c -> new PoolNutrition.Portion(c.containerId(), c.volumeMl()))
                .toList();
    }
}
