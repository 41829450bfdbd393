package org.openmilkbank.pasteurization.curve;

import java.math.BigDecimal;
import org.openmilkbank.standards.StandardProfile;

/**
 * The thresholds a run's curve is judged by, read from the profile for the run's method: HOLDER (62.5 °C for 30 min
 * with a quality ceiling) or HTST (72 °C for 15 s). {@code ceilingC} is {@code null} where the method has none.
 */
public record CurveRules(
        String method,
        BigDecimal holdTemperatureC,
        long holdSeconds,
        BigDecimal ceilingC,
        boolean dipRestarts,
        int maxHeatingMinutes,
        BigDecimal coolingTargetC,
        int coolingMinutes,
        int maxGapLoggerMinutes,
        int maxGapSheetMinutes) {

    public static final String HOLDER = "HOLDER";
    public static final String HTST = "HTST";

    public static CurveRules from(StandardProfile profile, String method) {
        boolean htst = HTST.equalsIgnoreCase(method);
        return new CurveRules(
                htst ? HTST : HOLDER,
                htst ? profile.htstTemperatureC() : profile.holderTemperatureC(),
                htst ? profile.htstMinSeconds() : profile.holderMinutes() * 60L,
                htst ? null : profile.holderCeilingC(),
                profile.holderDipRestarts(),
                profile.holderMaxHeatingMinutes(),
                profile.holderCoolingTargetC(),
                profile.holderCoolingMinutes(),
                profile.curveMaxGapLoggerMinutes(),
                profile.curveMaxGapSheetMinutes());
    }

    public boolean htst() {
        return HTST.equals(method);
    }

    public int maxGapMinutes(ReadingSource source) {
        return source == ReadingSource.SHEET ? maxGapSheetMinutes : maxGapLoggerMinutes;
    }
}
