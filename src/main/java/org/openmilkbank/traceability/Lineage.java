package org.openmilkbank.traceability;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A unit's lineage in time order: every event of the unit and of every unit it was made from, with who and when,
 * the units and links between them, and the holds active on it now. Units are named by DIN or code.
 */
public record Lineage(
        Traced.Unit unit, List<Traced.Unit> units, List<Link> links, List<Event> events, List<Traced.Hold> holds) {

    public record Link(String parent, String child, Integer volumeMl, Instant at) {}

    /**
     * @param type rendered {@code lineage.event.<TYPE>}; {@code reasonCode} rendered {@link #reasonKey()}
     * @param infant the infant's hospital number for a dispense or feed
     */
    public record Event(
            String unit,
            MilkUnitKind kind,
            MilkEventType type,
            Instant at,
            String actor,
            String place,
            String reasonCode,
            String infant,
            Map<String, Object> data) {

        public String typeKey() {
            return "lineage.event." + type.name();
        }

        /** Hold events carry the hold's reason ({@code hold.reason.<code>}); others a step's reason code. */
        public String reasonKey() {
            if (reasonCode == null) {
                return null;
            }
            return type == MilkEventType.HOLD_PLACED || type == MilkEventType.HOLD_ENDED
                    ? "hold.reason." + reasonCode
                    : "lineage.reason." + reasonCode;
        }
    }
}
