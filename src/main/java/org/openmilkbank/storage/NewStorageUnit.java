package org.openmilkbank.storage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.openmilkbank.shared.TextLimits;

/**
 * A storage unit to register: a freezer or fridge of the equipment register (by its code; the unit's code is the
 * instrument's unless another is given) or a room (no instrument).
 */
public record NewStorageUnit(
        @Size(max = TextLimits.CODE) String code,
        @Size(max = TextLimits.NAME) String name,
        @NotNull UnitType unitType,
        @Size(max = TextLimits.CODE) String equipmentCode,
        @NotNull PlacePurpose purpose,
        @Min(1) @Max(100000) Integer capacity) {}
