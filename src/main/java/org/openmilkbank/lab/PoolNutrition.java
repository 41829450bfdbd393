package org.openmilkbank.lab;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import org.openmilkbank.labeling.Nutrients;

/**
 * A pool's energy and fat as the volume-weighted means of its containers' crematocrits; protein only when
 * measured. Values are {@code null} unless every container of the pool was measured: a mean of some of them
 * would be a guess about the whole pool.
 */
public record PoolNutrition(
        BigDecimal kcalPerDl, BigDecimal fatGPerDl, BigDecimal proteinGPerDl, int measuredContainers, int containers) {

    /** One container's share of a pool: its id and the volume of it poured in. */
    public record Portion(UUID containerId, int volumeMl) {}

    public static final PoolNutrition NONE = new PoolNutrition(null, null, null, 0, 0);

    public boolean complete() {
        return containers > 0 && measuredContainers == containers;
    }

    /** What the bottle's label prints: energy (kcal/dL, whole) and protein when measured; else nothing. */
    public Nutrients nutrients() {
        Integer energy = kcalPerDl == null
                ? null
                : kcalPerDl.setScale(0, RoundingMode.HALF_UP).intValueExact();
        Nutrients n = new Nutrients(energy, proteinGPerDl, fatGPerDl, null);
        return n.measured() ? n : null;
    }
}
