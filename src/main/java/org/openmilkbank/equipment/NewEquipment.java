package org.openmilkbank.equipment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An instrument as registered or amended; {@code parentCode} is the code of the pasteuriser, logger, freezer or
 * fridge a thermometer, probe or logger is attached to; {@code inServiceFrom} (registration only, null: now).
 */
public record NewEquipment(
        String code,
        EquipmentKind kind,
        String name,
        String model,
        String serial,
        String location,
        String parentCode,
        BigDecimal toleranceC,
        Integer intervalDays,
        Instant inServiceFrom) {}
