package org.openmilkbank.lab.analyser;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One imported row: the unit (or the check sample), when it was measured, its readings raw and corrected, and whether
 * it counts; a check sample's row names the analyser check procedure it followed ({@code null} before rows kept it).
 */
public record AnalyserResultView(
        UUID id,
        UUID importId,
        int rowNumber,
        String sampleCode,
        boolean checkSample,
        UUID unitId,
        String unitLabel,
        Instant measuredAt,
        boolean counted,
        NotCounted notCounted,
        UUID instrumentId,
        String instrumentName,
        String fileName,
        String importedBy,
        Instant importedAt,
        boolean voided,
        String voidReason,
        List<ReadingView> readings,
        org.openmilkbank.lab.ProcedureFollowed procedure) {

    /** A reading as shown: as read in the instrument's unit, and corrected in g/dL or kcal/dL. */
    public record ReadingView(Nutrient nutrient, BigDecimal raw, ReadingUnit rawUnit, BigDecimal value) {}

    public BigDecimal value(Nutrient nutrient) {
        return readings.stream()
                .filter(r -> r.nutrient() == nutrient)
                .map(ReadingView::value)
                .findFirst()
                .orElse(null);
    }

    public ReadingView reading(Nutrient nutrient) {
        return readings.stream()
                .filter(r -> r.nutrient() == nutrient)
                .findFirst()
                .orElse(null);
    }
}
