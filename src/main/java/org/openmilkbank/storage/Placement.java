package org.openmilkbank.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One stay of a unit of milk in a place, inside one storage unit; closed once, never otherwise changed. */
@Entity
@Table(name = "storage_placement")
class Placement {

    /** Why a stay ended. */
    enum Ended {
        MOVED,
        BOX_MOVED,
        DISPENSED,
        DISCARDED,
        TAKEN_OUT
    }

    @Id
    private UUID id;

    @Column(name = "unit_id", nullable = false)
    private UUID unitId;

    @Column(name = "place_id", nullable = false)
    private UUID placeId;

    @Column(name = "storage_unit_id", nullable = false)
    private UUID storageUnitId;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    @Column(name = "placed_by", nullable = false)
    private String placedBy;

    @Column(name = "removed_at")
    private Instant removedAt;

    @Column(name = "removed_by")
    private String removedBy;

    @Column(name = "removed_reason")
    private String removedReason;

    protected Placement() {}

    Placement(UUID unitId, UUID placeId, UUID storageUnitId, String by, Instant at) {
        this.id = UUID.randomUUID();
        this.unitId = unitId;
        this.placeId = placeId;
        this.storageUnitId = storageUnitId;
        this.placedAt = at.truncatedTo(ChronoUnit.MICROS);
        this.placedBy = by;
    }

    void close(Ended why, String by, Instant at) {
        if (removedAt != null) {
            throw new IllegalStateException("a stay is closed once");
        }
        Instant end = at.truncatedTo(ChronoUnit.MICROS);
        this.removedAt = end.isBefore(placedAt) ? placedAt : end;
        this.removedBy = by;
        this.removedReason = why.name();
    }

    UUID id() {
        return id;
    }

    UUID unitId() {
        return unitId;
    }

    UUID placeId() {
        return placeId;
    }

    UUID storageUnitId() {
        return storageUnitId;
    }

    Instant placedAt() {
        return placedAt;
    }
}
