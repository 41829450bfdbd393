package org.openmilkbank.dispensing.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A manager switching shortage mode on or off, with why; every switch is kept, the latest one holds. */
@Entity
@Table(name = "shortage_switch")
class ShortageSwitch {

    @Id
    private UUID id;

    @Column(name = "shortage_on", nullable = false)
    private boolean shortageOn;

    @Column(nullable = false)
    private String reason;

    @Column(name = "switched_at", nullable = false)
    private Instant switchedAt;

    @Column(name = "switched_by", nullable = false)
    private String switchedBy;

    protected ShortageSwitch() {}

    ShortageSwitch(boolean on, String reason, Instant at, String actor) {
        this.id = UUID.randomUUID();
        this.shortageOn = on;
        this.reason = reason;
        this.switchedAt = at;
        this.switchedBy = actor;
    }

    UUID id() {
        return id;
    }

    boolean shortageOn() {
        return shortageOn;
    }

    String reason() {
        return reason;
    }

    Instant switchedAt() {
        return switchedAt;
    }

    String switchedBy() {
        return switchedBy;
    }
}
