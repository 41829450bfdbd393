package org.openmilkbank.traceability;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything a recall from the source would reach, before anything is written: each affected unit with its
 * lifecycle state, place and whereabouts, and each infant who already received some of it.
 *
 * @param sourceLabel what the source is called (a DIN, run code, donor code), for the page and the report
 */
public record RecallPreview(RecallSource source, String sourceLabel, List<Unit> units, List<Infant> infants) {

    public RecallPreview {
        units = List.copyOf(units);
        infants = List.copyOf(infants);
    }

    /** Where an affected unit's milk is, which decides its task. */
    public enum Whereabouts {
        /** Still in the bank as it is: to be discarded. */
        IN_BANK,
        /** Dispensed, on a ward: to be retrieved. */
        ON_WARD,
        /** Fed to an infant: her clinician is told. */
        FED,
        /** Went on into other units (a pooled container, a pasteurised pool, a run): those are recalled too. */
        USED,
        /** Already discarded, rejected or failed. */
        GONE,
        /** Sent to another bank of the network: the recall is sent on to it. */
        TRANSFERRED
    }

    /**
     * @param state the unit's lifecycle state in its module ({@code null} when its module has no row for it)
     * @param held whether the recall places a hold on it (everything not yet fed)
     */
    public record Unit(
            UUID id,
            MilkUnitKind kind,
            String label,
            String state,
            String place,
            Whereabouts whereabouts,
            boolean held) {}

    /** @param name shown only to clinical roles; {@code null} otherwise */
    public record Infant(
            UUID infantId, String infantCode, String name, String ward, UUID unitId, String unitLabel, Instant at) {}

    public List<Unit> unitsIn(Whereabouts whereabouts) {
        return units.stream().filter(u -> u.whereabouts() == whereabouts).toList();
    }

    public long heldCount() {
        return units.stream().filter(Unit::held).count();
    }

    public long infantCount() {
        return infants.stream().map(Infant::infantId).distinct().count();
    }

    /** Every whereabouts that has at least one unit, in the order a recall deals with them. */
    public List<Whereabouts> whereaboutsPresent() {
        return List.of(
                        Whereabouts.ON_WARD,
                        Whereabouts.IN_BANK,
                        Whereabouts.FED,
                        Whereabouts.USED,
                        Whereabouts.GONE,
                        Whereabouts.TRANSFERRED)
                .stream()
                .filter(w -> units.stream().anyMatch(u -> u.whereabouts() == w))
                .toList();
    }
}
