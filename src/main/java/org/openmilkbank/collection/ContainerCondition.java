package org.openmilkbank.collection;

/** How a container looks when it arrives at the bank. */
public enum ContainerCondition {
    INTACT,
    /** Soft or liquid: the milk thawed on the way. */
    THAWED,
    BROKEN_SEAL,
    /** No donor label: nobody can say whose milk it is or when it was expressed. */
    UNLABELLED;

    /** The reason a container in this condition is rejected, or null when the condition is fine. */
    RejectReason rejectReason() {
        return switch (this) {
            case INTACT -> null;
            case THAWED -> RejectReason.THAWED;
            case BROKEN_SEAL -> RejectReason.BROKEN_SEAL;
            case UNLABELLED -> RejectReason.UNLABELLED;
        };
    }
}
