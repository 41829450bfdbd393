package org.openmilkbank.ward;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.traceability.Verdict;

/**
 * The bedside check's answer: the infant and the milk scanned, every refusal (empty: right milk, right baby), the
 * gate's own reasons, whether two nurses may override, the near miss recorded for a refusal and the feed recorded
 * when it passed.
 */
public record BedsideCheck(
        InfantView infant,
        MilkShown milk,
        List<BedsideRefusal> refusals,
        List<Verdict.Reason> gateReasons,
        boolean overridable,
        UUID nearMissId,
        UUID feedId) {

    public BedsideCheck {
        refusals = List.copyOf(refusals);
        gateReasons = List.copyOf(gateReasons);
    }

    public boolean passed() {
        return refusals.isEmpty();
    }

    /** The milk as the nurse sees it at the bedside. */
    public record MilkShown(UUID unitId, String code, String label, boolean aliquot, int volumeMl, Instant expiresAt) {}
}
