package org.openmilkbank.collection;

import org.openmilkbank.lab.RawMilkRejected;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The lab failed a container's quality control: it is discarded in the same transaction, or nothing is kept. */
@Component
class LabRejections {

    private final CollectionManagement collection;

    LabRejections(CollectionManagement collection) {
        this.collection = collection;
    }

    @EventListener
    void on(RawMilkRejected rejected) {
        collection.discardRejectedByLab(rejected.containerId(), rejected.reasons());
    }
}
