package org.openmilkbank.equipment;

/** What an instrument is. */
public enum EquipmentKind {
    PASTEURISER,
    THERMOMETER,
    PROBE,
    DATA_LOGGER,
    FREEZER,
    FRIDGE,
    MILK_ANALYSER;

    /** A thermometer, probe or logger may hang on another instrument (its parent). */
    boolean mayHaveParent() {
        return this == THERMOMETER || this == PROBE || this == DATA_LOGGER;
    }

    /** The instruments a thermometer, probe or logger may be attached to. */
    boolean mayBeParent() {
        return this == PASTEURISER || this == DATA_LOGGER || this == FREEZER || this == FRIDGE;
    }
}
