package org.openmilkbank.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.RuleViolation;

class BottleBlockTest {

    static final String REASON = "HIV positive, sample 2026-03-01";

    @Test
    void blocksAQuarantinedAReleasedAndADispensedBottleRememberingWhereItWas() {
        Bottle quarantined = BottleTest.quarantined();
        Bottle released = BottleTest.released();
        Bottle dispensed = BottleTest.released();
        dispensed.dispense(BottleTest.EXPIRY);

        assertThat(quarantined.block(REASON)).isEqualTo(BottleState.QUARANTINE);
        assertThat(released.block(REASON)).isEqualTo(BottleState.RELEASED);
        assertThat(dispensed.block(REASON)).isEqualTo(BottleState.DISPENSED);
        for (Bottle b : new Bottle[] {quarantined, released, dispensed}) {
            assertThat(b.state()).isEqualTo(BottleState.BLOCKED);
            assertThat(b.view().blockReason()).isEqualTo(REASON);
        }
    }

    @Test
    void leavesADiscardedOrAlreadyBlockedBottleAsItIs() {
        Bottle discarded = BottleTest.released();
        discarded.discard("broken");
        assertThat(discarded.block(REASON)).isNull();
        assertThat(discarded.state()).isEqualTo(BottleState.DISCARDED);

        Bottle blocked = BottleTest.released();
        blocked.block("first block");
        assertThat(blocked.block(REASON)).isNull();
        assertThat(blocked.blockReason()).isEqualTo("first block");
    }

    @Test
    void refusesToDispenseOrDiscardABlockedBottleGivingTheReason() {
        Bottle blocked = BottleTest.released();
        blocked.block(REASON);
        assertThatThrownBy(() -> blocked.dispense(BottleTest.EXPIRY)).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.code()).isEqualTo("inventory.bottle.blocked");
            assertThat(e.args()).containsExactly(BottleTest.DIN.withCheck(), REASON);
        });
        assertThatThrownBy(() -> blocked.discard("tidy up"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("inventory.bottle.blocked"));
        assertThat(blocked.release()).isFalse();
        assertThat(blocked.state()).isEqualTo(BottleState.BLOCKED);
    }

    @Test
    void aBlockNeedsItsReason() {
        assertThatThrownBy(() -> BottleTest.released().block(" ")).isInstanceOf(RuleViolation.class);
    }
}
