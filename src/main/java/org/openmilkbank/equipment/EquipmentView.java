package org.openmilkbank.equipment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An instrument of the register. {@code toleranceC} and {@code intervalDays} are its own rules (null: the profile's).
 */
public record EquipmentView(
        UUID id,
        String code,
        EquipmentKind kind,
        String name,
        String model,
        String serial,
        String location,
        EquipmentStatus status,
        UUID parentId,
        BigDecimal toleranceC,
        Integer intervalDays,
        Instant createdAt,
        String createdBy) {}
