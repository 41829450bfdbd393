package org.openmilkbank.dispensing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A bottle handed over for an infant. One dispense is in force per bottle; one the ward returned unused is kept,
 * marked returned, and the bottle may be dispensed again once back in stock.
 */
@Entity
@Table(name = "dispense")
class Dispense {

    @Id
    private UUID id;

    @Column(name = "infant_id", nullable = false)
    private UUID infantId;

    @Column(name = "bottle_id", nullable = false)
    private UUID bottleId;

    @Column(name = "dispensed_at", nullable = false)
    private Instant dispensedAt;

    @Column(name = "dispensed_by", nullable = false)
    private String dispensedBy;

    @Column(name = "returned_at")
    private Instant returnedAt;

    @Column(name = "returned_by")
    private String returnedBy;

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

    void returned(Instant at, String actor) {
        if (returnedAt == null) {
            returnedAt = at;
            returnedBy = actor;
        }
    }

    Instant returnedAt() {
        return returnedAt;
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
