package org.openmilkbank.traceability;

/** What happened to a unit of milk; each is one row of its lineage, never changed afterwards. */
public enum MilkEventType {
    RECEIVED,
    HELD_AT_RECEPTION,
    REJECTED,
    ACCEPTED_FROM_HOLD,
    POOLED,
    CULTURE_RECORDED,
    PASTEURISED,
    CYCLE_FAILED,
    FILLED,
    CULTURE_NEGATIVE,
    CULTURE_POSITIVE,
    RELEASED,
    STORED,
    MOVED,
    /** A frozen bottle was thawed (in a fridge or at room temperature): its expiry became the thaw clock's. */
    THAWED,
    /** A thawed bottle was warmed for a feed: its expiry became the warmed clock's. */
    WARMED,
    DISPENSED,
    /**
     * A dispensed bottle came back from the ward unused: back into stock ({@code data.outcome = STOCK}) or, where the
     * profile's cold-chain rule refused it, discarded (a DISCARDED event follows).
     */
    RETURNED,
    FED,
    HOLD_PLACED,
    HOLD_ENDED,
    RECALLED,
    DISCARDED,
    /**
     * A bottle left the bank for another bank of the network ({@code data.to}: the destination's facility code,
     * {@code data.transfer}: the transfer): it is no longer this bank's stock.
     */
    TRANSFERRED,
    /**
     * A bottle arrived from another bank in a transfer, with its own DIN: the first event of its lineage here. Its
     * data names the source bank ({@code from}), the transfer, and the lineage at the source as the manifest gave it
     * (pools, runs, the source's donor references: ask the source bank to trace further).
     */
    TRANSFER_RECEIVED
}
