package org.openmilkbank.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.RuleViolation;

/** One bottle of pasteurised milk from a run. Its state only moves forward; nothing is deleted. */
@Entity
@Table(name = "bottle")
class Bottle {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String din;

    @Column(name = "run_id", nullable = false)
    private UUID runId;

    @Column(name = "pool_id", nullable = false)
    private UUID poolId;

    @Column(name = "volume_ml", nullable = false)
    private int volumeMl;

    @Column(name = "expires_on", nullable = false)
    private LocalDate expiresOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BottleState state;

    @Column(name = "discard_reason")
    private String discardReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Bottle() {}

    static Bottle quarantined(Din din, UUID runId, UUID poolId, int volumeMl, LocalDate expiresOn, Instant now) {
        if (volumeMl < 1) {
            throw new RuleViolation("inventory.bottle.volume.invalid", volumeMl);
        }
        Bottle b = new Bottle();
        b.id = UUID.randomUUID();
        b.din = din.value();
        b.runId = runId;
        b.poolId = poolId;
        b.volumeMl = volumeMl;
        b.expiresOn = expiresOn;
        b.state = BottleState.QUARANTINE;
        b.createdAt = now;
        return b;
    }

    /** Whether the run's release applies: only a bottle still in quarantine is released. */
    boolean release() {
        if (state != BottleState.QUARANTINE) {
            return false;
        }
        state = BottleState.RELEASED;
        return true;
    }

    /** Discards the bottle; refuses when it has been dispensed or is already discarded. */
    void discard(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("inventory.discard.reason.required").on("reason");
        }
        if (state == BottleState.DISPENSED) {
            throw new RuleViolation("inventory.bottle.alreadyDispensed", displayDin());
        }
        if (state == BottleState.DISCARDED) {
            throw new RuleViolation("inventory.bottle.alreadyDiscarded", displayDin(), discardReason);
        }
        state = BottleState.DISCARDED;
        discardReason = reason.strip();
    }

    boolean isDiscardable() {
        return state == BottleState.QUARANTINE || state == BottleState.RELEASED;
    }

    /** The last check before milk leaves the bank for an infant. */
    void dispense(LocalDate today) {
        switch (state) {
            case QUARANTINE -> throw new RuleViolation("inventory.bottle.quarantined", displayDin());
            case DISCARDED -> throw new RuleViolation("inventory.bottle.discarded", displayDin(), discardReason);
            case DISPENSED -> throw new RuleViolation("inventory.bottle.alreadyDispensed", displayDin());
            case RELEASED -> {
                if (expiresOn.isBefore(today)) {
                    throw new RuleViolation("inventory.bottle.expired", displayDin(), expiresOn);
                }
                state = BottleState.DISPENSED;
            }
        }
    }

    String displayDin() {
        return Din.parse(din).withCheck();
    }

    BottleView view() {
        return new BottleView(id, din, runId, poolId, volumeMl, expiresOn, state, discardReason);
    }

    UUID id() {
        return id;
    }

    String din() {
        return din;
    }

    BottleState state() {
        return state;
    }

    String discardReason() {
        return discardReason;
    }

    int volumeMl() {
        return volumeMl;
    }

    Instant createdAt() {
        return createdAt;
    }

    LocalDate expiresOn() {
        return expiresOn;
    }
}
