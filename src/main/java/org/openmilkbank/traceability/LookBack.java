package org.openmilkbank.traceability;

import java.util.List;
import java.util.UUID;

/**
 * A donor's look-back: each hold on her milk with its window, every unit of hers it concerns (the containers she
 * expressed in the window and everything made from them) with its state now, and every infant already fed from them.
 */
public record LookBack(Traced.Donor donor, List<Window> windows) {

    /** One hold on her milk and what it concerns. */
    public record Window(Traced.Hold hold, Traced.Units units, List<Traced.Feed> feeds, List<Traced.Infant> infants) {}

    /** A donor-window hold in the bank-wide list: active first, ended ones with their outcome. */
    public record Block(UUID donorId, String donorCode, Traced.Hold hold) {}

    /** An infant fed from her milk under a hold; {@code recalled} when that milk is held now. */
    public record Recipient(UUID infantId, String infantCode, UUID bottleId, boolean recalled) {}

    /** Every infant fed from milk any of her holds concerns, once per unit received. */
    public List<Recipient> recipients() {
        return windows.stream()
                .flatMap(w -> w.feeds().stream()
                        .map(f -> new Recipient(
                                f.infantId(),
                                f.infantCode(),
                                f.unitId(),
                                w.units().all().stream().anyMatch(u -> u.id().equals(f.unitId()) && u.held()))))
                .distinct()
                .toList();
    }

    /** Whether any hold on her milk is still active. */
    public boolean blocked() {
        return windows.stream().anyMatch(w -> w.hold().active());
    }
}
