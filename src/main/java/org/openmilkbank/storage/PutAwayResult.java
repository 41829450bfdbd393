package org.openmilkbank.storage;

import java.util.UUID;

/** What a put-away did: {@code label} the unit's DIN or the box's code, {@code units} how many units moved. */
public record PutAwayResult(Kind kind, UUID itemId, String label, String path, int units) {

    public enum Kind {
        STORED,
        MOVED,
        BOX_MOVED
    }
}
