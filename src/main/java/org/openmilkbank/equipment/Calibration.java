package org.openmilkbank.equipment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.TextLimits;

/**
 * One calibration of an instrument against a certified reference: its test points judged against the tolerance in
 * force, and the next one due. A wrong calibration is voided with a reason, never edited or deleted.
 */
@Entity
@Table(name = "calibration")
class Calibration {

    @Id
    private UUID id;

    @Column(name = "equipment_id", nullable = false)
    private UUID equipmentId;

    @Column(name = "performed_at", nullable = false)
    private Instant performedAt;

    @Column(name = "performed_by", nullable = false)
    private String performedBy;

    @Column(name = "reference_code")
    private String referenceCode;

    @Column(name = "reference_description")
    private String referenceDescription;

    @Column(name = "certificate_number", nullable = false)
    private String certificateNumber;

    @Column(name = "certificate_issuer", nullable = false)
    private String certificateIssuer;

    @Column(name = "certificate_valid_until", nullable = false)
    private LocalDate certificateValidUntil;

    @Column(name = "tolerance_c", nullable = false)
    private BigDecimal toleranceC;

    @Column(name = "interval_days", nullable = false)
    private int intervalDays;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CalibrationOutcome outcome;

    @Column(name = "worst_as_found_error_c", nullable = false)
    private BigDecimal worstAsFoundErrorC;

    @Column(name = "worst_as_left_error_c", nullable = false)
    private BigDecimal worstAsLeftErrorC;

    private String note;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "voided_by")
    private String voidedBy;

    @Column(name = "void_reason")
    private String voidReason;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "calibration_point", joinColumns = @JoinColumn(name = "calibration_id"))
    @OrderBy("position")
    private List<Point> points = new ArrayList<>();

    @Embeddable
    static class Point {
        @Column(nullable = false)
        private int position;

        @Column(name = "nominal_c", nullable = false)
        private BigDecimal nominalC;

        @Column(name = "reference_c", nullable = false)
        private BigDecimal referenceC;

        @Column(name = "as_found_c", nullable = false)
        private BigDecimal asFoundC;

        @Column(name = "as_left_c")
        private BigDecimal asLeftC;

        protected Point() {}

        Point(int position, TestPoint p) {
            this.position = position;
            this.nominalC = p.nominalC();
            this.referenceC = p.referenceC();
            this.asFoundC = p.asFoundC();
            this.asLeftC = p.asLeftC();
        }

        TestPoint typed() {
            return new TestPoint(nominalC, referenceC, asFoundC, asLeftC);
        }
    }

    protected Calibration() {}

    /**
     * Records a calibration: refuses one without a valid certificate for its reference, in the future or before
     * the certificate's validity; judges its points against {@code toleranceC}; due {@code intervalDays} after it.
     */
    static Calibration record(
            UUID equipmentId,
            NewCalibration c,
            BigDecimal toleranceC,
            int intervalDays,
            String by,
            Instant now,
            ZoneId zone) {
        // the database keeps microseconds: a view read back equals the one returned
        Instant at = (c.performedAt() == null ? now : c.performedAt()).truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(now)) {
            throw new RuleViolation("equipment.calibration.inFuture").on("performedAt");
        }
        String refCode = text(c.referenceCode(), TextLimits.CODE, "referenceCode");
        String refWords = text(c.referenceDescription(), TextLimits.LABEL, "referenceDescription");
        if (refCode == null && refWords == null) {
            throw new RuleViolation("equipment.calibration.referenceRequired").on("referenceDescription");
        }
        String number = text(c.certificateNumber(), TextLimits.CODE, "certificateNumber");
        if (number == null) {
            throw new RuleViolation("equipment.calibration.certificateRequired").on("certificateNumber");
        }
        String issuer = text(c.certificateIssuer(), TextLimits.NAME, "certificateIssuer");
        if (issuer == null) {
            throw new RuleViolation("equipment.calibration.issuerRequired").on("certificateIssuer");
        }
        if (c.certificateValidUntil() == null) {
            throw new RuleViolation("equipment.calibration.validUntilRequired").on("certificateValidUntil");
        }
        LocalDate day = LocalDate.ofInstant(at, zone);
        // a reference whose certificate had lapsed proves nothing about the instrument
        if (c.certificateValidUntil().isBefore(day)) {
            throw new RuleViolation("equipment.calibration.certificateExpired", c.certificateValidUntil(), day)
                    .on("certificateValidUntil");
        }
        ToleranceRule.Judged judged = ToleranceRule.judge(c.points(), toleranceC);
        Calibration cal = new Calibration();
        cal.id = UUID.randomUUID();
        cal.equipmentId = equipmentId;
        cal.performedAt = at;
        cal.performedBy = by;
        cal.referenceCode = refCode;
        cal.referenceDescription = refWords;
        cal.certificateNumber = number;
        cal.certificateIssuer = issuer;
        cal.certificateValidUntil = c.certificateValidUntil();
        cal.toleranceC = toleranceC;
        cal.intervalDays = intervalDays;
        cal.dueOn = day.plusDays(intervalDays);
        cal.outcome = judged.outcome();
        cal.worstAsFoundErrorC = judged.worstAsFoundErrorC();
        cal.worstAsLeftErrorC = judged.worstAsLeftErrorC();
        cal.note = text(c.note(), TextLimits.NOTE, "note");
        cal.recordedAt = now;
        int position = 0;
        for (CalibrationView.PointView p : judged.points()) {
            cal.points.add(new Point(
                    ++position,
                    new TestPoint(p.nominalC(), p.referenceC(), p.asFoundC(), p.adjusted() ? p.asLeftC() : null)));
        }
        return cal;
    }

    void voidWith(String reason, String by, Instant now) {
        if (voidedAt != null) {
            throw new RuleViolation("equipment.calibration.alreadyVoided");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        voidedAt = now;
        voidedBy = by;
        voidReason = reason.strip();
    }

    private static String text(String s, int max, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        if (t.length() > max) {
            throw new RuleViolation("equipment.tooLong", max).on(field);
        }
        return t;
    }

    UUID id() {
        return id;
    }

    UUID equipmentId() {
        return equipmentId;
    }

    Instant performedAt() {
        return performedAt;
    }

    CalibrationOutcome outcome() {
        return outcome;
    }

    BigDecimal worstAsFoundErrorC() {
        return worstAsFoundErrorC;
    }

    boolean voided() {
        return voidedAt != null;
    }

    /** Some point was out of tolerance as found: the largest error as found lies beyond the tolerance. */
    boolean foundOutOfTolerance() {
        return !ToleranceRule.within(worstAsFoundErrorC, toleranceC);
    }

    StandingPolicy.CalibrationFact fact() {
        return new StandingPolicy.CalibrationFact(
                id, performedAt, dueOn, outcome, foundOutOfTolerance(), worstAsFoundErrorC);
    }

    CalibrationView view() {
        List<CalibrationView.PointView> judged = ToleranceRule.judge(
                        points.stream().map(Point::typed).toList(), toleranceC)
                .points();
        return new CalibrationView(
                id,
                equipmentId,
                performedAt,
                performedBy,
                referenceCode,
                referenceDescription,
                certificateNumber,
                certificateIssuer,
                certificateValidUntil,
                toleranceC,
                intervalDays,
                dueOn,
                outcome,
                worstAsFoundErrorC,
                worstAsLeftErrorC,
                note,
                judged,
                voidedAt,
                voidedBy,
                voidReason);
    }
}
