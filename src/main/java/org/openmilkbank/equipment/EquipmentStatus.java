package org.openmilkbank.equipment;

/** Whether an instrument may be used. */
public enum EquipmentStatus {
    IN_SERVICE,
    OUT_OF_SERVICE,
    RETIRED
}
