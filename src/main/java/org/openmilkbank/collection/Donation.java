package org.openmilkbank.collection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One delivery of milk from one donor, received at the bank. */
@Entity
@Table(name = "donation")
class Donation {

    @Id
    private UUID id;

    @Column(name = "donor_id", nullable = false)
    private UUID donorId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "received_by", nullable = false)
    private String receivedBy;

    private String note;

    @Column(name = "box_id")
    private UUID boxId;

    protected Donation() {}

    Donation(UUID donorId, UUID boxId, Instant receivedAt, String receivedBy, String note) {
        this.id = UUID.randomUUID();
        this.boxId = boxId;
        this.donorId = donorId;
        this.receivedAt = receivedAt;
        this.receivedBy = receivedBy;
        this.note = note;
    }

    UUID id() {
        return id;
    }

    UUID donorId() {
        return donorId;
    }

    Instant receivedAt() {
        return receivedAt;
    }

    String receivedBy() {
        return receivedBy;
    }

    UUID boxId() {
        return boxId;
    }

    String note() {
        return note;
    }
}
