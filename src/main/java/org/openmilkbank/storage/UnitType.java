package org.openmilkbank.storage;

/** What kind of cold (or not) a storage unit is. */
public enum UnitType {
    FREEZER,
    FRIDGE,
    ROOM
}
