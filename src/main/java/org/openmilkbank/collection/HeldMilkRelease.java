package org.openmilkbank.collection;

import org.openmilkbank.donor.DonorCleared;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** When a donor is cleared, her held milk is decided again: into the raw store, or rejected. */
@Component
class HeldMilkRelease {

    private final CollectionManagement collection;

    HeldMilkRelease(CollectionManagement collection) {
        this.collection = collection;
    }

    @ApplicationModuleListener
    void on(DonorCleared event) {
        collection.decideHeld(event.donorId());
    }
}
