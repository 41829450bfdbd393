package org.openmilkbank.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.RuleViolation;

class RawContainerBlockTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final String DIN = Din.of("A0001", 26, 501).value();
    static final String REASON = "HIV positive, sample 2026-03-01";

    static RawContainer rawFrozen() {
        return new RawContainer(DIN, UUID.randomUUID(), UUID.randomUUID(), 200, TODAY.minusDays(3));
    }

    @Test
    void blocksARawFrozenContainerWithItsReason() {
        RawContainer c = rawFrozen();
        assertThat(c.block(REASON)).isTrue();
        assertThat(c.state()).isEqualTo(ContainerState.BLOCKED);
        assertThat(c.blockReason()).isEqualTo(REASON);
    }

    @Test
    void leavesPooledAndDiscardedContainersToTheirPoolOrDiscard() {
        RawContainer pooled = rawFrozen();
        pooled.pool(UUID.randomUUID(), TODAY, 90);
        assertThat(pooled.block(REASON)).isFalse();
        assertThat(pooled.state()).isEqualTo(ContainerState.POOLED);
        RawContainer discarded = rawFrozen();
        discarded.discard("seal broken");
        assertThat(discarded.block(REASON)).isFalse();
        assertThat(discarded.state()).isEqualTo(ContainerState.DISCARDED);
    }

    @Test
    void refusesToPoolOrDiscardABlockedContainerNamingItAndTheReason() {
        RawContainer c = rawFrozen();
        c.block(REASON);
        assertThatThrownBy(() -> c.pool(UUID.randomUUID(), TODAY, 90))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("collection.container.blocked");
                    assertThat(e.args()).containsExactly(Din.parse(DIN).withCheck(), REASON);
                });
        assertThatThrownBy(() -> c.discard("tidy up"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("collection.container.blocked"));
        assertThat(c.state()).isEqualTo(ContainerState.BLOCKED);
    }
}
