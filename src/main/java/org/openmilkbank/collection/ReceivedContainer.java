package org.openmilkbank.collection;

import java.time.LocalTime;
import java.util.List;

/**
 * A container as reception recorded it: the container itself, its line in the donation, what was read off the
 * donor's label, and why it was held
 * ({@code holdReason} rendered in the reader's language from {@code holdReasonCodes}) or rejected.
 */
public record ReceivedContainer(
        RawContainerView container,
        int lineNo,
        ContainerCondition condition,
        Integer weightG,
        LocalTime expressedAt,
        String labelCode,
        String holdReason,
        List<String> holdReasonCodes,
        RejectReason rejectReason,
        ContainerState decidedAtReception) {

    public ReceivedContainer {
        holdReasonCodes = holdReasonCodes == null ? List.of() : List.copyOf(holdReasonCodes);
    }

    /** Reception accepted it into the raw store, whatever became of it since (pooled, discarded). */
    public boolean acceptedAtReception() {
        return decidedAtReception == ContainerState.RAW_FROZEN;
    }

    /** Reception held it for its donor, even when it was released or rejected since. */
    public boolean heldAtReception() {
        return decidedAtReception == ContainerState.HELD;
    }

    /** Reception rejected it at the door (a held container rejected later is not counted here). */
    public boolean rejectedAtReception() {
        return decidedAtReception == ContainerState.REJECTED;
    }

    public boolean accepted() {
        return !held() && !rejected();
    }

    public boolean held() {
        return container.state() == ContainerState.HELD;
    }

    public boolean rejected() {
        return container.state() == ContainerState.REJECTED;
    }
}
