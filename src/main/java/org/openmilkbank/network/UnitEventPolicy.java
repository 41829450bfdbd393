package org.openmilkbank.network;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.openmilkbank.traceability.MilkEventType;

/**
 * What of a unit's lineage event may leave the bank (see {@code docs/network.md}, "What a bank shares"). Both lists
 * are allow-lists: a new event type or reason code stays at the bank until it is added here on purpose.
 *
 * <ul>
 *   <li>Cultures ({@code CULTURE_RECORDED}, {@code CULTURE_NEGATIVE}, {@code CULTURE_POSITIVE}) are test outcomes:
 *       never shared. Storage moves ({@code STORED}, {@code MOVED}) name the bank's own places: not shared. Holds
 *       are placed for reasons that may be a donor's result: not shared.
 *   <li>A reason is shared only when it is a coded reason that is no test result and says nothing about the donor: a
 *       discard by staff, the ward's remainder, a failed pasteuriser curve, a return's cold-chain reason, a reception
 *       rejection for the container itself (thawed, broken seal, unlabelled, too old, cold chain). A discard because
 *       of a culture or the lab's raw milk control, and a rejection because of the donor (not eligible, blocked
 *       window), are shared as the bare event, reason withheld.
 * </ul>
 */
final class UnitEventPolicy {

    private static final Set<MilkEventType> SHARED = EnumSet.of(
            MilkEventType.RECEIVED,
            MilkEventType.HELD_AT_RECEPTION,
            MilkEventType.REJECTED,
            MilkEventType.ACCEPTED_FROM_HOLD,
            MilkEventType.POOLED,
            MilkEventType.PASTEURISED,
            MilkEventType.CYCLE_FAILED,
            MilkEventType.FILLED,
            MilkEventType.RELEASED,
            MilkEventType.THAWED,
            MilkEventType.WARMED,
            MilkEventType.DISPENSED,
            MilkEventType.RETURNED,
            MilkEventType.FED,
            MilkEventType.RECALLED,
            MilkEventType.DISCARDED);

    private static final Set<String> RETURN_REASONS = Set.of(
            "return.RETURNS_NOT_ACCEPTED",
            "return.AWAY_TOO_LONG",
            "return.THAWED",
            "return.EXPIRED",
            "return.NOT_FROZEN_ON_ARRIVAL");

    private static final Map<MilkEventType, Set<String>> REASONS = new EnumMap<>(Map.of(
            MilkEventType.REJECTED,
            Set.of(
                    "collection.reject.THAWED",
                    "collection.reject.BROKEN_SEAL",
                    "collection.reject.UNLABELLED",
                    "collection.reject.TOO_OLD",
                    "collection.reject.COLD_CHAIN_BROKEN"),
            MilkEventType.DISCARDED,
            union(
                    Set.of(
                            "collection.discarded",
                            "processing.discarded",
                            "discard.staff",
                            "ward.remainder",
                            "curve.failed"),
                    RETURN_REASONS),
            MilkEventType.RETURNED,
            RETURN_REASONS,
            MilkEventType.DISPENSED,
            Set.of("dispense.notFirstToExpire"),
            MilkEventType.FED,
            Set.of("bedside.override")));

    private UnitEventPolicy() {}

    static boolean shares(MilkEventType type) {
        return SHARED.contains(type);
    }

    /** The reason as shared: the code when it is on the event type's allow-list, otherwise {@code null}. */
    static String reason(MilkEventType type, String reasonCode) {
        if (reasonCode == null) {
            return null;
        }
        return REASONS.getOrDefault(type, Set.of()).contains(reasonCode) ? reasonCode : null;
    }

    /**
     * The moment as shared: to the hour. Enough for the hub's monthly counts and times between steps; a minute-exact
     * moment could be matched against a ward's feed times or a donor's visit and so point to a person.
     */
    static Instant hour(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
