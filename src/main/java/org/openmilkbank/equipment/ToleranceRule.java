package org.openmilkbank.equipment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.openmilkbank.shared.RuleViolation;

/**
 * Judges a calibration's test points against a tolerance: each point's error is the instrument's reading minus the
 * reference's, within tolerance when its size is at most the tolerance; as left is as found when not adjusted.
 */
final class ToleranceRule {

    static final int MAX_POINTS = 12;
    private static final BigDecimal LOWEST_C = new BigDecimal("-100");
    private static final BigDecimal HIGHEST_C = new BigDecimal("200");

    private ToleranceRule() {}

    record Judged(
            List<CalibrationView.PointView> points,
            CalibrationOutcome outcome,
            BigDecimal worstAsFoundErrorC,
            BigDecimal worstAsLeftErrorC) {}

    static Judged judge(List<TestPoint> typed, BigDecimal toleranceC) {
        List<TestPoint> points = typed == null
                ? List.of()
                : typed.stream().filter(p -> p != null && !blank(p)).toList();
        if (points.isEmpty()) {
            throw new RuleViolation("equipment.calibration.pointsRequired").on("points");
        }
        if (points.size() > MAX_POINTS) {
            throw new RuleViolation("equipment.calibration.tooManyPoints", MAX_POINTS).on("points");
        }
        List<CalibrationView.PointView> judged = new ArrayList<>();
        BigDecimal worstFound = BigDecimal.ZERO;
        BigDecimal worstLeft = BigDecimal.ZERO;
        boolean allFoundWithin = true;
        boolean allLeftWithin = true;
        int position = 0;
        for (TestPoint p : points) {
            position++;
            if (p.nominalC() == null || p.referenceC() == null || p.asFoundC() == null) {
                throw new RuleViolation("equipment.calibration.pointIncomplete", position).on("points");
            }
            for (BigDecimal v : new BigDecimal[] {p.nominalC(), p.referenceC(), p.asFoundC(), p.asLeftC()}) {
                if (v != null && (v.compareTo(LOWEST_C) < 0 || v.compareTo(HIGHEST_C) > 0)) {
                    throw new RuleViolation("equipment.calibration.impossibleReading", position, v, LOWEST_C, HIGHEST_C)
                            .on("points");
                }
            }
            BigDecimal foundError = p.asFoundC().subtract(p.referenceC());
            BigDecimal asLeft = p.asLeftC() == null ? p.asFoundC() : p.asLeftC();
            BigDecimal leftError = asLeft.subtract(p.referenceC());
            boolean foundWithin = within(foundError, toleranceC);
            boolean leftWithin = within(leftError, toleranceC);
            allFoundWithin &= foundWithin;
            allLeftWithin &= leftWithin;
            worstFound = worse(worstFound, foundError);
            worstLeft = worse(worstLeft, leftError);
            judged.add(new CalibrationView.PointView(
                    position,
                    p.nominalC(),
                    p.referenceC(),
                    p.asFoundC(),
                    foundError,
                    foundWithin,
                    asLeft,
                    leftError,
                    leftWithin,
                    p.asLeftC() != null));
        }
        CalibrationOutcome outcome = !allLeftWithin
                ? CalibrationOutcome.FAILED
                : allFoundWithin ? CalibrationOutcome.PASSED : CalibrationOutcome.FOUND_OUT_OF_TOLERANCE;
        return new Judged(List.copyOf(judged), outcome, worstFound, worstLeft);
    }

    static boolean within(BigDecimal error, BigDecimal toleranceC) {
        return error.abs().compareTo(toleranceC) <= 0;
    }

    /** The larger error by size, keeping its sign (the earlier one on a tie). */
    static BigDecimal worse(BigDecimal a, BigDecimal b) {
        return b.abs().compareTo(a.abs()) > 0 ? b : a;
    }

    /** A row without readings (a nominal temperature alone is the form's suggestion) is no test point. */
    private static boolean blank(TestPoint p) {
        return p.referenceC() == null && p.asFoundC() == null && p.asLeftC() == null;
    }
}
