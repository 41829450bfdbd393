package org.openmilkbank.lab.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.openmilkbank.lab.CultureCount;
import org.openmilkbank.lab.CultureMedium;
import org.openmilkbank.lab.Organism;
import org.openmilkbank.lab.SamplePurpose;
import org.openmilkbank.shared.TextLimits;
import org.springframework.format.annotation.DateTimeFormat;

/** The lab pages' form records; times are the bank's local time. */
final class LabForms {

    private LabForms() {}

    /** A scanned code: a unit's DIN or run code (take a sample) or a sample's code (read it). */
    record ScanForm(@NotBlank @Size(max = TextLimits.LABEL) String code) {}

    record TakeSampleForm(
            @NotBlank @Size(max = TextLimits.LABEL) String unitCode,
            @NotNull SamplePurpose purpose,
            CultureMedium medium,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            LocalDateTime takenAt,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            LocalDateTime incubationStartedAt,

            @DecimalMin("0") @DecimalMax("100") BigDecimal incubationTemperatureC) {}

    /** One field per organism of the list; an empty field was not counted. */
    record ReadForm(
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            LocalDateTime readAt,

            @PositiveOrZero Long totalViableCount,
            @PositiveOrZero Long enterobacteriaceae,
            @PositiveOrZero Long staphAureus,
            @PositiveOrZero Long bacillusCereus,
            @PositiveOrZero Long coliforms,
            @Size(max = TextLimits.LABEL) String otherName,
            @PositiveOrZero Long otherCfu) {

        List<CultureCount> counts() {
            return LabForms.counts(
                    totalViableCount, enterobacteriaceae, staphAureus, bacillusCereus, coliforms, otherName, otherCfu);
        }
    }

    record AmendForm(
            @PositiveOrZero Long totalViableCount,
            @PositiveOrZero Long enterobacteriaceae,
            @PositiveOrZero Long staphAureus,
            @PositiveOrZero Long bacillusCereus,
            @PositiveOrZero Long coliforms,
            @Size(max = TextLimits.LABEL) String otherName,
            @PositiveOrZero Long otherCfu,
            @NotBlank @Size(max = TextLimits.REASON) String reason) {

        List<CultureCount> counts() {
            return LabForms.counts(
                    totalViableCount, enterobacteriaceae, staphAureus, bacillusCereus, coliforms, otherName, otherCfu);
        }
    }

    static List<CultureCount> counts(
            Long total, Long entero, Long staph, Long bacillus, Long coliforms, String otherName, Long otherCfu) {
        List<CultureCount> counts = new ArrayList<>();
        add(counts, Organism.TOTAL_VIABLE_COUNT, total);
        add(counts, Organism.ENTEROBACTERIACEAE, entero);
        add(counts, Organism.STAPH_AUREUS, staph);
        add(counts, Organism.BACILLUS_CEREUS, bacillus);
        add(counts, Organism.COLIFORMS, coliforms);
        if (otherCfu != null || (otherName != null && !otherName.isBlank())) {
            counts.add(new CultureCount(Organism.OTHER, otherName, otherCfu == null ? 0 : otherCfu));
        }
        return counts;
    }

    private static void add(List<CultureCount> counts, Organism organism, Long cfu) {
        if (cfu != null) {
            counts.add(CultureCount.of(organism, cfu));
        }
    }
}
