package org.openmilkbank.storage;

/** Which milk a place keeps: raw, quarantined and released milk are kept visibly apart (EU 2006/86), thawed too. */
public enum PlacePurpose {
    RAW,
    QUARANTINE,
    RELEASED,
    THAWED
}
