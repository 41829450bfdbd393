package org.openmilkbank.storage;

/** Why a unit was missing from or extra in a place at a stock take. */
public enum StockTakeReason {
    /** Put in another place than recorded. */
    MISPLACED,
    /** Put away or taken out without being scanned. */
    NOT_RECORDED,
    /** Used (dispensed, pooled, discarded) without the step being recorded. */
    USED_NOT_RECORDED,
    /** Searched for and not found. */
    LOST,
    /** Its label could not be read when it was scanned. */
    LABEL_UNREADABLE,
    OTHER
}
