package org.openmilkbank.processing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One movement of a pool's volume, appended and never changed (the table refuses updates and deletes). */
@Entity
@Table(name = "pool_volume_movement")
class PoolVolumeMovementEntry {

    @Id
    private UUID id;

    /** The order the movements were made in, given by the database. */
    @Column(insertable = false, updatable = false)
    private Long seq;

    @Column(name = "pool_id", nullable = false, updatable = false)
    private UUID poolId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private VolumeMovementKind kind;

    @Column(name = "volume_ml", nullable = false, updatable = false)
    private int volumeMl;

    @Column(name = "run_id", updatable = false)
    private UUID runId;

    @Column(name = "run_code", updatable = false)
    private String runCode;

    @Column(name = "bottle_count", updatable = false)
    private Integer bottleCount;

    @Column(name = "bottle_ml", updatable = false)
    private Integer bottleMl;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code", updatable = false)
    private RemainderReason reason;

    @Column(updatable = false)
    private String note;

    @Column(name = "moved_at", nullable = false, updatable = false)
    private Instant movedAt;

    @Column(name = "moved_by", nullable = false, updatable = false)
    private String movedBy;

    protected PoolVolumeMovementEntry() {}

    PoolVolumeMovementEntry(UUID poolId, PoolVolume.Movement m) {
        this.id = UUID.randomUUID();
        this.poolId = poolId;
        this.kind = m.kind();
        this.volumeMl = m.volumeMl();
        this.runId = m.runId();
        this.runCode = m.runCode();
        this.bottleCount = m.bottleCount();
        this.bottleMl = m.bottleMl();
        this.reason = m.reason();
        this.note = m.note();
        this.movedAt = m.at();
        this.movedBy = m.by();
    }

    PoolVolume.Movement movement() {
        return new PoolVolume.Movement(
                kind, volumeMl, runId, runCode, bottleCount, bottleMl, reason, note, movedAt, movedBy);
    }
}
