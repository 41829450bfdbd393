package org.openmilkbank.logistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A visit of a pick-up run; changed only through its run. */
@Entity
@Table(name = "pickup_stop")
class PickupStop {

    @Id
    private UUID id;

    @Column(name = "run_id", nullable = false)
    private UUID runId;

    @Column(nullable = false)
    private int position;

    @Column(name = "donor_id")
    private UUID donorId;

    @Column(name = "donor_code")
    private String donorCode;

    @Column(name = "collection_point_id")
    private UUID collectionPointId;

    @Column(nullable = false)
    private String place;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StopOutcome outcome;

    private Integer containers;

    private String note;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    @Column(name = "recorded_by")
    private String recordedBy;

    protected PickupStop() {}

    PickupStop(UUID runId, int position, UUID donorId, String donorCode, UUID collectionPointId, String place) {
        this.id = UUID.randomUUID();
        this.runId = runId;
        this.position = position;
        this.donorId = donorId;
        this.donorCode = donorCode;
        this.collectionPointId = collectionPointId;
        this.place = place;
        this.outcome = StopOutcome.PENDING;
    }

    void record(StopOutcome outcome, Integer containers, String note, String by, Instant now) {
        this.outcome = outcome;
        this.containers = containers;
        this.note = note;
        this.recordedBy = by;
        this.recordedAt = now;
    }

    UUID id() {
        return id;
    }

    UUID donorId() {
        return donorId;
    }

    UUID collectionPointId() {
        return collectionPointId;
    }

    /**
     * What the stop is called wherever staff without clinical rights may read it (refusals, history, lists): a
     * collection point by its name, a donor's home by her donor code only, never her name or address.
     */
    String place() {
        return donorId == null ? place : donorCode;
    }

    StopOutcome outcome() {
        return outcome;
    }

    StopView view() {
        return new StopView(
                id,
                position,
                donorId,
                donorCode,
                collectionPointId,
                place(),
                null,
                outcome,
                containers,
                note,
                recordedAt,
                recordedBy);
    }
}
