package org.openmilkbank.pasteurization;

import org.openmilkbank.inventory.BottleBlock;
import org.openmilkbank.processing.PoolsBlocked;
import org.openmilkbank.shared.History;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blocks the runs of blocked pools and then their bottles, in the block's transaction: a run being released and
 * a bottle being dispensed hold the same row locks, so each either finished before the block or sees it.
 */
@Component
class RunBlock {

    private final PasteurisationRunRepository runs;
    private final BottleBlock bottles;
    private final History history;

    RunBlock(PasteurisationRunRepository runs, BottleBlock bottles, History history) {
        this.runs = runs;
        this.bottles = bottles;
        this.history = history;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PoolsBlocked event) {
        for (PasteurisationRun run : runs.lockByPoolIds(event.poolIds())) {
            if (run.block(event.reason())) {
                history.recordCorrection(
                        PasteurisationManagement.RECORD_TYPE,
                        run.id(),
                        "blocked",
                        "pool holds milk of donor " + event.donorCode(),
                        event.reason());
            }
        }
        bottles.blockPools(event.poolIds(), event.donorCode(), event.reason());
    }
}
