package org.openmilkbank.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolBlockTest {

    static final String REASON = "deferred: transfusion";

    static Pool ready() {
        return PoolTest.pool(
                List.of(PoolTest.container(PoolTest.DONOR_A, 100, LocalDate.of(2026, 1, 1))), TestProfiles.hmbana());
    }

    @Test
    void blocksAPoolAwaitingItsCultureReadyOrPasteurised() {
        Pool awaiting = PoolTest.awaiting();
        Pool ready = ready();
        Pool pasteurised = ready();
        pasteurised.markPasteurised();
        for (Pool p : List.of(awaiting, ready, pasteurised)) {
            assertThat(p.block(REASON)).isTrue();
            assertThat(p.state()).isEqualTo(PoolState.BLOCKED);
            assertThat(p.view().blockReason()).isEqualTo(REASON);
        }
    }

    @Test
    void leavesADiscardedPoolDiscardedAndABlockedOneWithItsFirstReason() {
        Pool discarded = ready();
        discarded.discard("spilled");
        assertThat(discarded.block(REASON)).isFalse();
        assertThat(discarded.state()).isEqualTo(PoolState.DISCARDED);

        Pool blocked = ready();
        blocked.block("first");
        assertThat(blocked.block(REASON)).isFalse();
        assertThat(blocked.blockReason()).isEqualTo("first");
    }

    @Test
    void aBlockedPoolRefusesItsCultureItsRunAndADiscard() {
        Pool awaiting = PoolTest.awaiting();
        awaiting.block(REASON);
        assertThat(PoolTest.code(() -> awaiting.recordPreCulture(
                        new PreCultureResult(10, 0L, 0L), TestProfiles.nice(), "t", Instant.EPOCH)))
                .isEqualTo("processing.pool.blocked");
        Pool ready = ready();
        ready.block(REASON);
        assertThat(PoolTest.code(ready::markPasteurised)).isEqualTo("processing.pool.blocked");
        assertThat(PoolTest.code(() -> ready.discard("tidy"))).isEqualTo("processing.pool.blocked");
        assertThat(ready.state()).isEqualTo(PoolState.BLOCKED);
    }
}
