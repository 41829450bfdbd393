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
    DISCARDED
}
