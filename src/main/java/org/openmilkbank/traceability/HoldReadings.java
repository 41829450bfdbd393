package org.openmilkbank.traceability;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.MilkBlockDetail;
import org.springframework.stereotype.Component;

/**
 * Holds as the reader may see them: the neutral reason code for everyone; the clinical record behind a donor's hold
 * (and the words that ended it) only for clinical readers, each reading logged by the donor module.
 */
@Component
class HoldReadings {

    private final DonorManagement donors;

    HoldReadings(DonorManagement donors) {
        this.donors = donors;
    }

    /** The clinical records behind these holds, by detail reference: empty for non-clinical readers. */
    Map<String, MilkBlockDetail> details(Collection<HoldView> holds) {
        if (!DonorPrivacy.clinical()) {
            return Map.of();
        }
        var refs = holds.stream()
                .map(HoldView::detailRef)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        return refs.isEmpty() ? Map.of() : donors.readMilkBlockDetails(refs);
    }

    static Traced.Hold of(HoldView h, String on, Map<String, MilkBlockDetail> details) {
        MilkBlockDetail d = h.detailRef() == null ? null : details.get(h.detailRef());
        boolean clinicalWords = h.detailRef() != null && !DonorPrivacy.clinical();
        return new Traced.Hold(
                h.id(),
                h.kind(),
                h.scope(),
                h.unitLabel() != null ? h.unitLabel() : on,
                h.reasonCode(),
                h.windowFrom(),
                h.windowTo(),
                h.placedAt(),
                h.placedBy(),
                h.active(),
                h.endedAt(),
                h.endedBy(),
                clinicalWords ? null : h.endReason(),
                h.outcome(),
                d == null
                        ? null
                        : new Traced.ClinicalDetail(d.test(), d.outcome(), d.sampleDate(), d.category(), d.words()),
                h.detailRef() == null ? h.reasonArg() : null);
    }
}
