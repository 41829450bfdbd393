package org.openmilkbank.collection;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One container as it arrives: its volume in mL or its weight in grams (one of the two), the day and
 * optionally the time the donor wrote on her label, its condition ({@code null} = intact), and the code of the
 * bank's pre-printed donor label when there is one (scanned; a container scanned twice is an input error).
 */
public record ContainerIntake(
        Integer volumeMl,
        Integer weightG,
        LocalDate expressedOn,
        LocalTime expressedAt,
        ContainerCondition condition,
        String labelCode) {

    /** Milk's density: a container's weight in grams divided by this is its volume in mL. */
    public static final double MILK_DENSITY_G_PER_ML = 1.03;

    public ContainerIntake(int volumeMl, LocalDate expressedOn) {
        this(volumeMl, null, expressedOn, null, ContainerCondition.INTACT, null);
    }

    public static ContainerIntake ofWeight(int weightG, LocalDate expressedOn, ContainerCondition condition) {
        return new ContainerIntake(null, weightG, expressedOn, null, condition, null);
    }

    /** The label code as scanned, trimmed and upper-case; null when none was scanned. */
    public String cleanLabelCode() {
        return labelCode == null || labelCode.isBlank()
                ? null
                : labelCode.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public ContainerCondition conditionOrIntact() {
        return condition == null ? ContainerCondition.INTACT : condition;
    }

    /** The volume in mL: as typed, or the weight converted with milk's density and rounded to the nearest mL. */
    public Integer resolvedVolumeMl() {
        if (volumeMl != null) {
            return volumeMl;
        }
        return weightG == null ? null : (int) Math.round(weightG / MILK_DENSITY_G_PER_ML);
    }
}
