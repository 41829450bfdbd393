package org.openmilkbank.traceability;

import java.util.EnumSet;
import org.openmilkbank.donor.DonorMilkBlocked;
import org.openmilkbank.donor.DonorMilkCleared;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A donor's risk windows become holds in the transaction that deferred her or recorded her result, and end with
 * the record they rest on. There is no cascade through the modules: the gate finds the window from any unit whose
 * ancestors include a container she expressed within it, whenever that container arrived.
 */
@Component
class DonorRiskWindows {

    private final Holds holds;

    DonorRiskWindows(Holds holds) {
        this.holds = holds;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(DonorMilkBlocked event) {
        holds.placeOnDonorWindow(
                event.permanent() ? HoldKind.DONOR_BLOCK : HoldKind.DONOR_DEFERRAL,
                event.donorId(),
                event.windowFrom(),
                event.windowTo(),
                event.reasonCode(),
                event.detailRef());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(DonorMilkCleared event) {
        if (event.voided()) {
            holds.endResting(event.detailRef(), EnumSet.allOf(HoldKind.class), HoldOutcome.VOIDED, event.reason());
        } else {
            // a lifted deferral clears what it held; milk its cause made unsafe stays blocked
            holds.endResting(
                    event.detailRef(), EnumSet.of(HoldKind.DONOR_DEFERRAL), HoldOutcome.LIFTED, event.reason());
        }
    }
}
