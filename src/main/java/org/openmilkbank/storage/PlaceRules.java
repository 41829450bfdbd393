package org.openmilkbank.storage;

import java.util.Optional;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;

/**
 * What may be kept where. A place sits in a place of the level above and keeps the same milk as its parent (a
 * quarantine box is not in a released shelf); a unit of milk goes only into a place of the purpose its step on the
 * path needs, and only while the place has room (a position holds one).
 */
final class PlaceRules {

    private PlaceRules() {}

    /** Refuses a place that does not fit in its parent: the wrong level, another purpose, or a retired parent. */
    static void requireFits(
            PlaceLevel level,
            PlacePurpose purpose,
            PlaceLevel parentLevel,
            PlacePurpose parentPurpose,
            boolean parentRetired,
            String parentCode) {
        if (parentRetired) {
            throw new RuleViolation("storage.place.parentRetired", parentCode).on("parentCode");
        }
        if (!level.mayBeInside(parentLevel)) {
            throw new RuleViolation("storage.place.wrongLevel", Said.label(level), Said.label(parentLevel), parentCode)
                    .on("parentCode");
        }
        if (purpose != parentPurpose) {
            throw new RuleViolation(
                            "storage.place.purposeMismatch", Said.label(purpose), parentCode, Said.label(parentPurpose))
                    .on("purpose");
        }
    }

    /** The purpose a unit of milk needs from where it is on the path; refuses milk that has left the shelves. */
    static PlacePurpose purposeNeeded(String label, String kind, String state) {
        Optional<PlacePurpose> needed = switch (kind) {
            case "CONTAINER" ->
                switch (state == null ? "" : state) {
                    case "RAW_FROZEN", "HELD" -> Optional.of(PlacePurpose.RAW);
                    default -> Optional.empty();
                };
            case "BOTTLE" ->
                switch (state == null ? "" : state) {
                    case "QUARANTINE" -> Optional.of(PlacePurpose.QUARANTINE);
                    case "RELEASED" -> Optional.of(PlacePurpose.RELEASED);
                    default -> Optional.empty();
                };
            default -> Optional.empty();
        };
        return needed.orElseThrow(
                () -> new RuleViolation("storage.putAway.notStorable", label, stateWord(kind, state)).on("item"));
    }

    /** The unit's step on the path in the reader's words. */
    static Said stateWord(String kind, String state) {
        boolean known = switch (kind) {
            case "CONTAINER" ->
                state != null
                        && java.util.Set.of("RAW_FROZEN", "HELD", "POOLED", "DISCARDED", "REJECTED")
                                .contains(state);
            case "BOTTLE" ->
                state != null
                        && java.util.Set.of("QUARANTINE", "RELEASED", "DISCARDED", "DISPENSED")
                                .contains(state);
            default -> false;
        };
        if (known) {
            return Said.code("storage.unitState." + kind + "." + state);
        }
        return Said.code(
                java.util.Set.of("POOL", "RUN", "ALIQUOT", "SAMPLE").contains(kind)
                        ? "storage.unitState." + kind
                        : "storage.unitState.other");
    }

    /** Refuses a place of another purpose than the milk needs, naming both. */
    static void requirePurpose(String label, PlacePurpose needed, String placeCode, PlacePurpose purpose) {
        if (needed != purpose) {
            throw new RuleViolation(
                            "storage.putAway.wrongPurpose", label, Said.label(needed), placeCode, Said.label(purpose))
                    .on("place");
        }
    }

    /** Refuses a full place: {@code holds} is how many units are in it directly now. */
    static void requireRoom(String placeCode, Integer capacity, int holds) {
        if (capacity != null && holds >= capacity) {
            throw new RuleViolation("storage.putAway.full", placeCode, capacity).on("place");
        }
    }

    static void requireInUse(String placeCode, boolean retired) {
        if (retired) {
            throw new RuleViolation("storage.putAway.retired", placeCode).on("place");
        }
    }
}
