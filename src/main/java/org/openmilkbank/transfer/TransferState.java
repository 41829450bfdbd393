package org.openmilkbank.transfer;

/** Where a transfer stands: OUT ones at the source (DRAFT, DISPATCHED, RECEIVED), IN ones at the destination. */
public enum TransferState {
    /** Being packed: bottles are scanned, nothing has left yet. */
    DRAFT,
    /** Sent: the bottles left the stock and the manifest went to the hub. */
    DISPATCHED,
    /** The destination reported what arrived. */
    RECEIVED,
    /** Announced by the hub: on its way here. */
    AWAITING,
    /** Every bottle of the manifest was scanned here. */
    ARRIVED
}
