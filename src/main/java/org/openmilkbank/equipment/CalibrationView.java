package org.openmilkbank.equipment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A calibration with its test points and what they show against its tolerance. */
public record CalibrationView(
        UUID id,
        UUID equipmentId,
        Instant performedAt,
        String performedBy,
        String referenceCode,
        String referenceDescription,
        String certificateNumber,
        String certificateIssuer,
        LocalDate certificateValidUntil,
        BigDecimal toleranceC,
        int intervalDays,
        LocalDate dueOn,
        CalibrationOutcome outcome,
        BigDecimal worstAsFoundErrorC,
        BigDecimal worstAsLeftErrorC,
        String note,
        List<PointView> points,
        Instant voidedAt,
        String voidedBy,
        String voidReason) {

    public boolean voided() {
        return voidedAt != null;
    }

    /** A test point: errors are the reading minus the reference; as left equals as found when not adjusted. */
    public record PointView(
            int position,
            BigDecimal nominalC,
            BigDecimal referenceC,
            BigDecimal asFoundC,
            BigDecimal asFoundErrorC,
            boolean asFoundWithin,
            BigDecimal asLeftC,
            BigDecimal asLeftErrorC,
            boolean asLeftWithin,
            boolean adjusted) {}
}
