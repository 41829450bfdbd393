package org.openmilkbank.processing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.UUID;
import org.openmilkbank.collection.RawContainerView;

/** A row of {@code pool_container}: the container's identity and content when it went into the pool. */
@Embeddable
class PooledContainerEntry {

    @Column(name = "container_id", nullable = false)
    private UUID containerId;

    @Column(nullable = false)
    private String din;

    @Column(name = "donor_id", nullable = false)
    private UUID donorId;

    @Column(name = "donor_code", nullable = false)
    private String donorCode;

    @Column(name = "volume_ml", nullable = false)
    private int volumeMl;

    @Column(name = "expressed_on", nullable = false)
    private LocalDate expressedOn;

    protected PooledContainerEntry() {}

    PooledContainerEntry(RawContainerView c) {
        this.containerId = c.id();
        this.din = c.din();
        this.donorId = c.donorId();
        this.donorCode = c.donorCode();
        this.volumeMl = c.volumeMl();
        this.expressedOn = c.expressedOn();
    }

    UUID containerId() {
        return containerId;
    }

    UUID donorId() {
        return donorId;
    }

    int volumeMl() {
        return volumeMl;
    }

    LocalDate expressedOn() {
        return expressedOn;
    }

    PoolView.PooledContainer view() {
        return new PoolView.PooledContainer(containerId, din, donorId, donorCode, volumeMl, expressedOn);
    }
}
