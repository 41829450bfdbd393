package org.openmilkbank.lab;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.Din;
import org.openmilkbank.standards.CrematocritFormula;

/**
 * A raw container's quality control as the lab recorded it: each section {@code null} until recorded;
 * {@code rejected} once a sensory failure or a Dornic mean at or over the limit discarded the container.
 * {@code sensoryRequired}/{@code dornicRequired}: what the active profile asks of every container.
 */
public record QualityView(
        UUID containerId,
        String din,
        Sensory sensory,
        Dornic dornic,
        Crematocrit crematocrit,
        boolean rejected,
        boolean sensoryRequired,
        boolean dornicRequired) {

    public record Sensory(
            boolean packagingOk,
            boolean dirtOk,
            boolean colourOk,
            boolean flavourOk,
            String note,
            String recordedBy,
            Instant recordedAt,
            ProcedureFollowed procedure) {

        public boolean passed() {
            return packagingOk && dirtOk && colourOk && flavourOk;
        }
    }

    /** {@code passed} is {@code null} when the profile sets no limit. */
    public record Dornic(
            List<BigDecimal> titrationsMl,
            List<BigDecimal> degrees,
            BigDecimal meanDegrees,
            BigDecimal limit,
            Boolean passed,
            String recordedBy,
            Instant recordedAt,
            ProcedureFollowed procedure) {}

    /** {@code fatGPerDl} is {@code null} for a formula that gives no fat; {@code caloricClass} without classes. */
    public record Crematocrit(
            BigDecimal creamMm,
            BigDecimal totalMm,
            BigDecimal creamPercent,
            BigDecimal fatGPerDl,
            BigDecimal kcalPerL,
            BigDecimal kcalPerDl,
            CrematocritFormula formula,
            CaloricClass caloricClass,
            String recordedBy,
            Instant recordedAt,
            ProcedureFollowed procedure) {}

    public String dinWithCheck() {
        return Din.parse(din).withCheck();
    }

    /** Whether a check the profile requires is still missing. */
    public boolean incomplete() {
        return (sensoryRequired && sensory == null) || (dornicRequired && dornic == null);
    }
}
