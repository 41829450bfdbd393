package org.openmilkbank.dispensing.orders;

import java.util.Set;

/**
 * Where an order stands: requested by the ward, allocated bottles by the bank, dispatched, received on the ward,
 * fulfilled; or cancelled with a reason. Each state names the only states it may move to.
 */
public enum OrderState {
    REQUESTED,
    ALLOCATED,
    DISPATCHED,
    RECEIVED,
    FULFILLED,
    CANCELLED;

    /** The states this one may move to; a finished order (fulfilled, cancelled) moves nowhere. */
    public Set<OrderState> next() {
        return switch (this) {
            case REQUESTED -> Set.of(ALLOCATED, CANCELLED);
            case ALLOCATED -> Set.of(DISPATCHED, CANCELLED);
            case DISPATCHED -> Set.of(RECEIVED);
            case RECEIVED -> Set.of(FULFILLED);
            case FULFILLED, CANCELLED -> Set.of();
        };
    }

    public boolean mayMoveTo(OrderState to) {
        return next().contains(to);
    }

    /** Still waiting for the bank or the ward: neither fulfilled nor cancelled. */
    public boolean open() {
        return this != FULFILLED && this != CANCELLED;
    }

    /** Its bottles have left the bank, so unused ones may come back from the ward. */
    public boolean bottlesMayComeBack() {
        return this == DISPATCHED || this == RECEIVED || this == FULFILLED;
    }
}
