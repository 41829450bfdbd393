package org.openmilkbank.equipment;

/** An instrument with its standing now, for lists. */
public record InstrumentRow(EquipmentView equipment, CalibrationStanding standing) {}
