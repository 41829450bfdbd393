package org.openmilkbank.collection;

/** What reception does with one container: raw store, held (with why) or rejected (with the reason). */
record ReceptionOutcome(ContainerState state, String holdReason, RejectReason rejectReason) {

    static ReceptionOutcome accepted() {
        return new ReceptionOutcome(ContainerState.RAW_FROZEN, null, null);
    }

    static ReceptionOutcome held(String why) {
        return new ReceptionOutcome(ContainerState.HELD, why, null);
    }

    static ReceptionOutcome rejected(RejectReason reason) {
        return new ReceptionOutcome(ContainerState.REJECTED, null, reason);
    }
}
