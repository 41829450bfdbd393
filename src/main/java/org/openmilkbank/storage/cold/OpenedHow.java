package org.openmilkbank.storage.cold;

/** How an excursion was opened: by readings typed, by a logger's file, or by a manager's hand. */
public enum OpenedHow {
    READINGS,
    LOGGER,
    MANUAL
}
