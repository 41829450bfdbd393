package org.openmilkbank.dispensing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A bottle handed over for an infant. A bottle is dispensed once (unique in the table). */
@Entity
@Table(name = "dispense")
class Dispense {

    @Id
    private UUID id;

    @Column(name = "infant_id", nullable = false)
    private UUID infantId;

    @Column(name = "bottle_id", nullable = false, unique = true)
    private UUID bottleId;

    @Column(name = "dispensed_at", nullable = false)
    private Instant dispensedAt;

    @Column(name = "dispensed_by", nullable = false)
    private String dispensedBy;

    @Version
    private long version;

    protected Dispense() {}

    Dispense(UUID infantId, UUID bottleId, Instant dispensedAt, String dispensedBy) {
        this.id = UUID.randomUUID();
        this.infantId = infantId;
        this.bottleId = bottleId;
        this.dispensedAt = dispensedAt;
        this.dispensedBy = dispensedBy;
    }

    UUID id() {
        return id;
    }

    UUID infantId() {
        return infantId;
    }

    UUID bottleId() {
        return bottleId;
    }

    Instant dispensedAt() {
        return dispensedAt;
    }

    String dispensedBy() {
        return dispensedBy;
    }
}
