package org.openmilkbank.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A place as people see it: {@code path} its code path ("FRZ-01 › S2 › BOX-7"), {@code holds} how many units of
 * milk are in it directly now, {@code capacity} how many it takes (null: no limit).
 */
public record PlaceView(
        UUID id,
        UUID parentId,
        PlaceLevel level,
        String code,
        String name,
        String path,
        UnitType unitType,
        UUID equipmentId,
        PlacePurpose purpose,
        Integer capacity,
        int holds,
        Instant retiredAt,
        String retiredBy,
        String retireReason,
        Instant createdAt,
        String createdBy) {

    public boolean retired() {
        return retiredAt != null;
    }

    /** How full it is, 0–100, for a bar; null without a capacity. */
    public Integer percentFull() {
        return capacity == null ? null : Math.min(100, holds * 100 / capacity);
    }

    public boolean full() {
        return capacity != null && holds >= capacity;
    }
}
