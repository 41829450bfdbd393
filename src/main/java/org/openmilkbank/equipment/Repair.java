package org.openmilkbank.equipment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A repair of an instrument, as recorded. */
@Entity
@Table(name = "equipment_repair")
class Repair {

    @Id
    private UUID id;

    @Column(name = "equipment_id", nullable = false)
    private UUID equipmentId;

    @Column(name = "repaired_at", nullable = false)
    private Instant repairedAt;

    @Column(nullable = false)
    private String description;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    protected Repair() {}

    Repair(UUID equipmentId, Instant repairedAt, String description, String by, Instant now) {
        this.id = UUID.randomUUID();
        this.equipmentId = equipmentId;
        this.repairedAt = repairedAt.truncatedTo(ChronoUnit.MICROS);
        this.description = description;
        this.recordedAt = now;
        this.recordedBy = by;
    }

    RepairView view() {
        return new RepairView(id, equipmentId, repairedAt, description, recordedBy);
    }
}
