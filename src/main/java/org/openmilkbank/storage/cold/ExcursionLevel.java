package org.openmilkbank.storage.cold;

/** The worst rule an excursion reached. */
public enum ExcursionLevel {
    /** Warmer than the alarm temperature: someone must look, the milk stays usable. */
    ALARM,
    /** Warmer than the hold temperature for longer than allowed: everything that was inside is held. */
    HOLD,
    /** At or above the discard temperature (a freezer: the milk is treated as thawed): everything inside is discarded. */
    DISCARD
}
