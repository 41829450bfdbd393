package org.openmilkbank.equipment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.TextLimits;

/** A pasteuriser's heat-penetration study; a repair or a large deviation invalidates it, nothing deletes it. */
@Entity
@Table(name = "heat_penetration_study")
class HeatPenetrationStudy {

    static final int MAX_BOTTLES = 1000;
    static final int MAX_BOTTLE_ML = 5000;
    static final int MAX_PREHEAT_MINUTES = 600;

    @Id
    private UUID id;

    @Column(name = "pasteuriser_id", nullable = false)
    private UUID pasteuriserId;

    @Column(name = "studied_at", nullable = false)
    private Instant studiedAt;

    @Column(name = "studied_by", nullable = false)
    private String studiedBy;

    @Column(name = "bottle_count", nullable = false)
    private int bottleCount;

    @Column(name = "bottle_volume_ml", nullable = false)
    private int bottleVolumeMl;

    @Column(name = "preheat_minutes", nullable = false)
    private int preheatMinutes;

    @Column(name = "cold_point_probe_id")
    private UUID coldPointProbeId;

    @Column(name = "valid_for_cycles", nullable = false)
    private int validForCycles;

    private String note;

    @Column(name = "invalidated_at")
    private Instant invalidatedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "invalidation_cause")
    private InvalidationCause invalidationCause;

    @Column(name = "invalidation_reason")
    private String invalidationReason;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Version
    private long version;

    protected HeatPenetrationStudy() {}

    static HeatPenetrationStudy record(
            UUID pasteuriserId, NewHeatPenetrationStudy s, UUID probeId, int validForCycles, String by, Instant now) {
        Instant at = (s.studiedAt() == null ? now : s.studiedAt()).truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(now)) {
            throw new RuleViolation("equipment.study.inFuture").on("studiedAt");
        }
        HeatPenetrationStudy study = new HeatPenetrationStudy();
        study.bottleCount = between(s.bottleCount(), 1, MAX_BOTTLES, "bottleCount");
        study.bottleVolumeMl = between(s.bottleVolumeMl(), 1, MAX_BOTTLE_ML, "bottleVolumeMl");
        study.preheatMinutes = between(s.preheatMinutes(), 0, MAX_PREHEAT_MINUTES, "preheatMinutes");
        study.id = UUID.randomUUID();
        study.pasteuriserId = pasteuriserId;
        study.studiedAt = at;
        study.studiedBy = by;
        study.coldPointProbeId = probeId;
        study.validForCycles = validForCycles;
        if (s.note() != null && !s.note().isBlank()) {
            if (s.note().strip().length() > TextLimits.NOTE) {
                throw new RuleViolation("equipment.tooLong", TextLimits.NOTE).on("note");
            }
            study.note = s.note().strip();
        }
        study.recordedAt = now;
        return study;
    }

    private static int between(Integer value, int min, int max, String field) {
        if (value == null) {
            throw new RuleViolation("equipment.study.required").on(field);
        }
        if (value < min || value > max) {
            throw new RuleViolation("equipment.study.outOfRange", value, min, max).on(field);
        }
        return value;
    }

    /** True when this call invalidated it (an already invalid study keeps its first cause). */
    boolean invalidate(InvalidationCause cause, String reason, Instant at) {
        if (invalidatedAt != null || at.isBefore(studiedAt)) {
            return false;
        }
        invalidatedAt = at.truncatedTo(ChronoUnit.MICROS);
        invalidationCause = cause;
        invalidationReason = reason;
        return true;
    }

    UUID id() {
        return id;
    }

    UUID pasteuriserId() {
        return pasteuriserId;
    }

    HeatPenetrationStudyView view() {
        return new HeatPenetrationStudyView(
                id,
                pasteuriserId,
                studiedAt,
                studiedBy,
                bottleCount,
                bottleVolumeMl,
                bottleCount * bottleVolumeMl,
                preheatMinutes,
                coldPointProbeId,
                validForCycles,
                note,
                invalidatedAt,
                invalidationCause,
                invalidationReason);
    }
}
