package org.openmilkbank.traceability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A hold as staff see it. {@code reasonCode} is neutral and rendered in the reader's language
 * ({@code hold.reason.<code>}); {@code detailRef} points to the clinical record and is shown only to clinical roles.
 *
 * @param heldUnitId the unit the hold sits on (the unit itself or an ancestor); {@code null} for a donor window
 */
public record HoldView(
        UUID id,
        HoldKind kind,
        HoldScope scope,
        UUID unitId,
        String unitLabel,
        UUID heldUnitId,
        UUID donorId,
        LocalDate windowFrom,
        LocalDate windowTo,
        String reasonCode,
        List<Object> reasonArgs,
        String detailRef,
        UUID recallId,
        Instant placedAt,
        String placedBy,
        Instant endedAt,
        String endedBy,
        String endReason,
        HoldOutcome outcome) {

    public boolean active() {
        return endedAt == null;
    }

    /** The reason's own argument, if it has one (the sampled run a run rests on): a second message argument. */
    public Object reasonArg() {
        return reasonArgs == null || reasonArgs.isEmpty() ? null : reasonArgs.get(0);
    }

    /**
     * The reason's message arguments: the unit's label first, then the reason's own (the instrument that measured it,
     * the sampled run), so {@code #messages.msgWithParams(h.reasonKey, h.messageArgs(label))} fills every placeholder.
     */
    public Object[] messageArgs(Object label) {
        List<Object> args = new java.util.ArrayList<>();
        args.add(label);
        if (reasonArgs != null) {
            args.addAll(reasonArgs);
        }
        return args.toArray();
    }

    /** The message key of the neutral reason, e.g. {@code hold.reason.donor.blocked}. */
    public String reasonKey() {
        return "hold.reason." + reasonCode;
    }
}
