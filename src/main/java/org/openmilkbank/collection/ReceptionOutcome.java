package org.openmilkbank.collection;

import java.util.List;
import org.openmilkbank.shared.Said;

/** What reception does with one container: raw store, held (with the reasons, as codes) or rejected (with why). */
record ReceptionOutcome(ContainerState state, List<Said> holdReasons, RejectReason rejectReason) {

    ReceptionOutcome {
        holdReasons = List.copyOf(holdReasons);
    }

    static ReceptionOutcome accepted() {
        return new ReceptionOutcome(ContainerState.RAW_FROZEN, List.of(), null);
    }

    static ReceptionOutcome held(List<Said> why) {
        return new ReceptionOutcome(ContainerState.HELD, why, null);
    }

    static ReceptionOutcome rejected(RejectReason reason) {
        return new ReceptionOutcome(ContainerState.REJECTED, List.of(), reason);
    }
}
