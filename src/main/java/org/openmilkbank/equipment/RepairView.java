package org.openmilkbank.equipment;

import java.time.Instant;
import java.util.UUID;

/** A repair of an instrument (a pasteuriser's repair invalidates its heat-penetration studies). */
public record RepairView(UUID id, UUID equipmentId, Instant repairedAt, String description, String recordedBy) {}
