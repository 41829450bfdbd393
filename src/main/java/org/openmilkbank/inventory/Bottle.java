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

    /** {@code null} for a bottle from another bank (its origin is TRANSFER). */
    @Column(name = "run_id")
    private UUID runId;

    @Column(name = "pool_id")
    private UUID poolId;

    @Column(nullable = false)
    private String origin = "LOCAL";

    /** The bank a bottle of a transfer came from, and the transfer; {@code null} for the bank's own bottles. */
    @Column(name = "source_facility")
    private String sourceFacility;

    @Column(name = "transfer_id")
    private UUID transferId;

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

    @Column(name = "thawed_at")
    private Instant thawedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "thaw_method")
    private ThawMethod thawMethod;

    @Column(name = "warmed_at")
    private Instant warmedAt;

    /** Set by a thaw: the moment the bottle stops being usable (never later than the end of {@link #expiresOn}). */
    @Column(name = "expires_at")
    private Instant expiresAt;

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

    /**
     * A bottle that arrived from another bank in a transfer, with its own DIN: released stock of external origin
     * (the source released it), or discarded on arrival with the reason code of the rule that refused it.
     */
    static Bottle fromAnotherBank(
            Din din,
            String sourceFacility,
            UUID transferId,
            int volumeMl,
            LocalDate expiresOn,
            Instant expiresAt,
            Instant thawedAt,
            Instant now,
            String discardCode) {
        if (volumeMl < 1) {
            throw new RuleViolation("inventory.bottle.volume.invalid", volumeMl);
        }
        Bottle b = new Bottle();
        b.id = UUID.randomUUID();
        b.din = din.value();
        b.origin = "TRANSFER";
        b.sourceFacility = sourceFacility;
        b.transferId = transferId;
        b.volumeMl = volumeMl;
        b.expiresOn = expiresOn;
        b.expiresAt = expiresAt;
        b.thawedAt = thawedAt;
        b.createdAt = now;
        if (discardCode == null) {
            b.state = BottleState.RELEASED;
        } else {
            b.state = BottleState.DISCARDED;
            b.discardReason = discardCode;
        }
        return b;
    }

    /**
     * The bottle leaves the bank for another bank of the network: only released, never thawed, in date on {@code
     * today}; it cannot be dispensed here any more.
     */
    void transferOut(LocalDate today) {
        switch (state) {
            case QUARANTINE -> throw new RuleViolation("inventory.bottle.quarantined", displayDin());
            case DISCARDED -> throw new RuleViolation("inventory.bottle.discarded", displayDin(), discardReason);
            case DISPENSED -> throw new RuleViolation("inventory.bottle.alreadyDispensed", displayDin());
            case TRANSFERRED -> throw new RuleViolation("inventory.bottle.transferred", displayDin());
            case RELEASED -> {
                if (thawedAt != null) {
                    throw new RuleViolation("inventory.transfer.thawed", displayDin());
                }
                if (expiresOn.isBefore(today)) {
                    throw new RuleViolation("inventory.bottle.expired", displayDin(), expiresOn);
                }
                state = BottleState.TRANSFERRED;
            }
        }
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
        if (state == BottleState.TRANSFERRED) {
            throw new RuleViolation("inventory.bottle.transferred", displayDin());
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
            case TRANSFERRED -> throw new RuleViolation("inventory.bottle.transferred", displayDin());
            case RELEASED -> {
                if (expiresOn.isBefore(today)) {
                    throw new RuleViolation("inventory.bottle.expired", displayDin(), expiresOn);
                }
                state = BottleState.DISPENSED;
            }
        }
    }

    /**
     * A dispensed bottle the ward returned unused goes back into stock: only one never thawed and still in date on
     * {@code today}. Whether the cold chain allows it is the caller's rule; this guards the bottle's own state.
     */
    void takeBack(LocalDate today) {
        if (state != BottleState.DISPENSED) {
            throw new RuleViolation("inventory.return.notDispensed", displayDin());
        }
        if (thawedAt != null) {
            throw new RuleViolation("inventory.return.thawed", displayDin());
        }
        if (expiresOn.isBefore(today)) {
            throw new RuleViolation("inventory.bottle.expired", displayDin(), expiresOn);
        }
        state = BottleState.RELEASED;
    }

    /** A dispensed bottle the ward returned is discarded, with the code of the rule that kept it out of stock. */
    void discardReturned(String reasonCode) {
        if (state != BottleState.DISPENSED) {
            throw new RuleViolation("inventory.return.notDispensed", displayDin());
        }
        state = BottleState.DISCARDED;
        discardReason = reasonCode;
    }

    /**
     * Thaws the frozen bottle at {@code at}: its expiry becomes the earlier of its frozen expiry and the thaw clock.
     * Only released milk is thawed (at the bank or, once dispensed, on the ward), once, and never when expired.
     */
    void thaw(
            ThawMethod method,
            Instant at,
            Instant now,
            org.openmilkbank.standards.StandardProfile profile,
            java.time.ZoneId zone) {
        if (method == null) {
            throw new RuleViolation("inventory.thaw.method.required").on("method");
        }
        requireUsableAt(at, now, zone);
        if (thawedAt != null) {
            throw new RuleViolation(
                    "inventory.thaw.already",
                    displayDin(),
                    thawedAt.atZone(zone).toLocalDate(),
                    org.openmilkbank.traceability.ExpiryMoment.time(thawedAt, zone));
        }
        if (at.isBefore(createdAt)) {
            throw new RuleViolation("inventory.thaw.beforeFilled", displayDin()).on("at");
        }
        thawedAt = at;
        thawMethod = method;
        setEnd(ExpiryClock.thawed(expiresOn, expiresAt, at, method, profile, zone), zone);
    }

    /** Warms the thawed bottle at {@code at} for a feed: its expiry becomes the earlier of what it had and the warmed clock. */
    void warm(Instant at, Instant now, org.openmilkbank.standards.StandardProfile profile, java.time.ZoneId zone) {
        requireUsableAt(at, now, zone);
        if (thawedAt == null) {
            throw new RuleViolation("inventory.warm.notThawed", displayDin());
        }
        if (warmedAt != null) {
            throw new RuleViolation(
                    "inventory.warm.already",
                    displayDin(),
                    warmedAt.atZone(zone).toLocalDate(),
                    org.openmilkbank.traceability.ExpiryMoment.time(warmedAt, zone));
        }
        if (at.isBefore(thawedAt)) {
            throw new RuleViolation("inventory.warm.beforeThaw", displayDin()).on("at");
        }
        warmedAt = at;
        setEnd(ExpiryClock.warmed(expiresOn, expiresAt, at, profile, zone), zone);
    }

    private void requireUsableAt(Instant at, Instant now, java.time.ZoneId zone) {
        if (at == null) {
            throw new RuleViolation("inventory.thaw.at.required").on("at");
        }
        if (at.isAfter(now.plus(java.time.Duration.ofMinutes(5)))) {
            throw new RuleViolation("inventory.thaw.future").on("at");
        }
        switch (state) {
            case QUARANTINE -> throw new RuleViolation("inventory.thaw.quarantined", displayDin());
            case DISCARDED -> throw new RuleViolation("inventory.bottle.discarded", displayDin(), discardReason);
            case TRANSFERRED -> throw new RuleViolation("inventory.bottle.transferred", displayDin());
            case RELEASED, DISPENSED -> {}
        }
        if (org.openmilkbank.traceability.ExpiryMoment.passed(expiresOn, expiresAt, at, zone)) {
            throw new RuleViolation("inventory.thaw.expired", displayDin(), expiresOn);
        }
    }

    private void setEnd(Instant end, java.time.ZoneId zone) {
        expiresAt = end;
        LocalDate last = ExpiryClock.lastDay(end, zone);
        if (last.isBefore(expiresOn)) {
            expiresOn = last;
        }
    }

    /** The first moment the bottle is no longer usable. */
    Instant endsAt(java.time.ZoneId zone) {
        return org.openmilkbank.traceability.ExpiryMoment.end(expiresOn, expiresAt, zone);
    }

    String displayDin() {
        return Din.parse(din).withCheck();
    }

    BottleView view() {
        return new BottleView(
                id,
                din,
                runId,
                poolId,
                volumeMl,
                expiresOn,
                state,
                discardReason,
                thawedAt,
                thawMethod,
                warmedAt,
                expiresAt,
                sourceFacility,
                transferId);
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

    Instant expiresAt() {
        return expiresAt;
    }

    Instant thawedAt() {
        return thawedAt;
    }

    ThawMethod thawMethod() {
        return thawMethod;
    }

    Instant warmedAt() {
        return warmedAt;
    }
}
