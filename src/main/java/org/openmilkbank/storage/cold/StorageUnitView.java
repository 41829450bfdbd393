package org.openmilkbank.storage.cold;

import java.util.UUID;

/** A storage unit (a place of level UNIT) as the cold chain sees it. */
public record StorageUnitView(UUID id, String code, String name, String unitType, UUID equipmentId, boolean retired) {

    /** A freezer or a fridge has readings due and excursion rules; a room has neither. */
    public boolean cold() {
        return "FREEZER".equals(unitType) || "FRIDGE".equals(unitType);
    }
}
