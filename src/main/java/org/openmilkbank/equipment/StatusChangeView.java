package org.openmilkbank.equipment;

import java.time.Instant;

/** The instrument's status from a moment. */
public record StatusChangeView(EquipmentStatus status, Instant effectiveAt, String reason, String changedBy) {}
