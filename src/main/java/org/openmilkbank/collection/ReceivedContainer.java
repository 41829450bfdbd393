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
        RejectReason rejectReason) {

    public ReceivedContainer {
        holdReasonCodes = holdReasonCodes == null ? List.of() : List.copyOf(holdReasonCodes);
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
