package org.openmilkbank.dispensing.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A bottle reserved for an order by an accepted allocation: offered to no other order while it is held (one
 * reservation per bottle, V190). Freed when the order is cancelled, never deleted.
 */
@Entity
@Table(name = "milk_order_bottle")
class OrderBottle {

    @Id
    private UUID id;

    @Column(name = "order_id", nullable = false)
    private UUID orderId;

    @Column(name = "bottle_id", nullable = false)
    private UUID bottleId;

    @Column(name = "allocated_at", nullable = false)
    private Instant allocatedAt;

    @Column(name = "allocated_by", nullable = false)
    private String allocatedBy;

    @Column(name = "freed_at")
    private Instant freedAt;

    @Version
    private long version;

    protected OrderBottle() {}

    OrderBottle(UUID orderId, UUID bottleId, Instant at, String actor) {
        this.id = UUID.randomUUID();
        this.orderId = orderId;
        this.bottleId = bottleId;
        this.allocatedAt = at;
        this.allocatedBy = actor;
    }

    void free(Instant at) {
        if (freedAt == null) {
            freedAt = at;
        }
    }

    UUID orderId() {
        return orderId;
    }

    UUID bottleId() {
        return bottleId;
    }

    boolean reserved() {
        return freedAt == null;
    }
}
