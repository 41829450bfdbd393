package org.openmilkbank.collection;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Raw frozen milk in the bank's raw store, as the processing module sees it for pooling. */
public interface RawMilk {

    /** A container by its DIN (13 characters, without check character). */
    Optional<RawContainerView> findByDin(String din);

    /**
     * Containers that may go into a pool today: raw frozen, not discarded, not pooled, within the active
     * profile's raw-milk age limit. Oldest expression first.
     */
    List<RawContainerView> usableForPooling(LocalDate today);

    /**
     * Takes containers out of the raw store into a pool. All or nothing: refuses with a
     * {@link org.openmilkbank.shared.RuleViolation} naming the container if any is unknown, listed twice,
     * already pooled, discarded, or older than the raw-milk limit on {@code today}. Locks the rows so two
     * pools can never take the same container.
     */
    List<RawContainerView> takeForPool(List<UUID> containerIds, UUID poolId, LocalDate today);
}
