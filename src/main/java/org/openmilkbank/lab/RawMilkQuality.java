package org.openmilkbank.lab;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.labeling.Nutrients;

/** The lab's raw milk quality control as other modules ask for it. */
public interface RawMilkQuality {

    /** A container's quality control, if any section was recorded. */
    Optional<QualityView> ofContainer(UUID containerId);

    /** A pool's volume-weighted energy and fat from its containers' results. */
    PoolNutrition poolNutrition(List<PoolNutrition.Portion> portions);

    /** What a bottle of a pool of these containers may print: measured values only, {@code null} when none. */
    default Nutrients labelNutrients(List<PoolNutrition.Portion> portions) {
        PoolNutrition n = poolNutrition(portions);
        return n.complete() ? n.nutrients() : null;
    }
}
