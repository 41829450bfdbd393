package org.openmilkbank.storage.cold;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An excursion with the milk it held and what was decided for each unit. */
public record ExcursionView(
        UUID id,
        UUID storageUnitId,
        String storageUnitCode,
        String unitType,
        OpenedHow openedHow,
        Instant startedAt,
        Instant endedAt,
        BigDecimal peakC,
        long minutesAbove,
        ExcursionLevel level,
        ColdRules rules,
        Instant heldAt,
        Instant discardFrom,
        Instant acknowledgedAt,
        String acknowledgedBy,
        String acknowledgeNote,
        String reason,
        Instant openedAt,
        String openedBy,
        List<HeldUnit> units) {

    public boolean open() {
        return endedAt == null;
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    public long undecided() {
        return units.stream().filter(u -> u.decision() == null).count();
    }

    /** A unit of milk inside during the window, from when to when ({@code insideTo} null: to the window's end). */
    public record HeldUnit(
            UUID unitId,
            String label,
            String kind,
            Instant insideFrom,
            Instant insideTo,
            UUID holdId,
            boolean mustDiscard,
            ExcursionDecision decision,
            Instant decidedAt,
            String decidedBy,
            String decisionReason) {}
}
