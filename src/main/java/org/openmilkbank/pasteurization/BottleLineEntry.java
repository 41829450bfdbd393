package org.openmilkbank.pasteurization;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A bottle line as the run keeps it. */
@Embeddable
class BottleLineEntry {

    @Column(name = "volume_ml", nullable = false)
    private int volumeMl;

    @Column(name = "bottle_count", nullable = false)
    private int count;

    protected BottleLineEntry() {}

    BottleLineEntry(BottleLine line) {
        this.volumeMl = line.volumeMl();
        this.count = line.count();
    }

    BottleLine line() {
        return new BottleLine(volumeMl, count);
    }
}
