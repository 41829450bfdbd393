package org.openmilkbank.ward;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.Verdict;

/**
 * What the bedside rules see: the infant whose wristband was scanned and whether an order of hers is in force, the milk scanned, the gate's verdict for a feed
 * now and the kinds of the holds it names.
 */
record BedsideSituation(
        InfantView infant,
        /** Whether she has an order of donor milk in force today. */
        boolean orderInForce,
        MilkAtBedside milk,
        Verdict verdict,
        Map<UUID, HoldKind> holdKinds,
        Instant at) {

    /** A bottle or an aliquot as found by its scanned code, and what the ward knows about it. */
    record MilkAtBedside(
            UUID unitId,
            UUID bottleId,
            boolean aliquot,
            String code,
            String label,
            int volumeMl,
            /** The infant it was dispensed or prepared for; null when none. */
            UUID intendedInfantId,
            Instant thawedAt,
            Instant expiresAt,
            /** Whether its thaw clock ends before its frozen expiry day does. */
            boolean thawClockFirst,
            boolean divided,
            boolean fed) {}
}
