package org.openmilkbank.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One count of a read as stored. */
@Embeddable
class CountEntry {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Organism organism;

    @Column(name = "other_name")
    private String otherName;

    @Column(name = "cfu_per_ml", nullable = false)
    private long cfuPerMl;

    protected CountEntry() {}

    CountEntry(CultureCount count) {
        this.organism = count.organism();
        this.otherName = count.otherName();
        this.cfuPerMl = count.cfuPerMl();
    }

    CultureCount count() {
        return new CultureCount(organism, otherName, cfuPerMl);
    }
}
