package org.openmilkbank.storage;

/** Where a place sits in a storage unit's tree: a unit holds shelves (or racks), which hold boxes, which hold positions. */
public enum PlaceLevel {
    UNIT,
    SHELF,
    BOX,
    POSITION;

    /** The levels a place of this level may be put directly inside. */
    public boolean mayBeInside(PlaceLevel parent) {
        return switch (this) {
            case UNIT -> false;
            case SHELF -> parent == UNIT;
            case BOX -> parent == UNIT || parent == SHELF;
            case POSITION -> parent == BOX;
        };
    }
}
