package org.openmilkbank.equipment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** An instrument's status from a moment on; never edited, a later change follows it. */
@Entity
@Table(name = "equipment_status_change")
class StatusChange {

    @Id
    private UUID id;

    @Column(name = "equipment_id", nullable = false)
    private UUID equipmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EquipmentStatus status;

    @Column(name = "effective_at", nullable = false)
    private Instant effectiveAt;

    private String reason;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    protected StatusChange() {}

    StatusChange(UUID equipmentId, EquipmentStatus status, Instant effectiveAt, String reason, String by, Instant now) {
        this.id = UUID.randomUUID();
        this.equipmentId = equipmentId;
        this.status = status;
        this.effectiveAt = effectiveAt.truncatedTo(ChronoUnit.MICROS);
        this.reason = reason;
        this.changedAt = now;
        this.changedBy = by;
    }

    UUID equipmentId() {
        return equipmentId;
    }

    StandingPolicy.StatusFact fact() {
        return new StandingPolicy.StatusFact(status, effectiveAt);
    }

    StatusChangeView view() {
        return new StatusChangeView(status, effectiveAt, reason, changedBy);
    }
}
