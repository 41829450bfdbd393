package org.openmilkbank.processing;

import java.util.List;
import java.util.UUID;
import org.openmilkbank.donor.DonorMilkBlocked;
import org.openmilkbank.shared.History;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blocks every pool holding milk of a blocked donor, in the block's transaction, after collection has locked her
 * containers (so no new pool of her milk can appear behind this query), then tells the next modules.
 */
@Component
class PoolBlock {

    private final PoolRepository pools;
    private final History history;
    private final ApplicationEventPublisher events;

    PoolBlock(PoolRepository pools, History history, ApplicationEventPublisher events) {
        this.pools = pools;
        this.history = history;
        this.events = events;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    @Transactional(propagation = Propagation.MANDATORY)
    void on(DonorMilkBlocked event) {
        List<UUID> ids = pools.idsHoldingMilkOf(event.donorId());
        if (ids.isEmpty()) {
            return;
        }
        List<UUID> concerned = new java.util.ArrayList<>();
        for (Pool pool : pools.lockAll(ids)) {
            if (pool.block(event.reason())) {
                history.recordCorrection(
                        PoolManagement.RECORD_TYPE,
                        pool.id(),
                        "blocked",
                        "pool " + pool.displayDin() + " holds milk of donor " + event.donorCode(),
                        event.reason());
            }
            if (pool.state() == PoolState.BLOCKED) {
                concerned.add(pool.id());
            }
        }
        if (!concerned.isEmpty()) {
            events.publishEvent(
                    new PoolsBlocked(event.donorId(), event.donorCode(), concerned, event.reason(), event.at()));
        }
    }
}
