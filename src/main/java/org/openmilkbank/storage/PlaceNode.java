package org.openmilkbank.storage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A place with what it holds directly and the places inside it: one node of a freezer map. */
public record PlaceNode(PlaceView place, List<HeldUnit> units, List<PlaceNode> children) {

    /** A unit of milk in a place now: {@code label} its DIN with the check character. */
    public record HeldUnit(UUID unitId, String label, String kind, Instant placedAt, String placedBy) {}

    /** How many units the place and everything inside it hold. */
    public int total() {
        return units.size() + children.stream().mapToInt(PlaceNode::total).sum();
    }
}
