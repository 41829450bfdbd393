package org.openmilkbank.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.RuleViolation;

class BottleTest {

    static final LocalDate EXPIRY = LocalDate.of(2026, 6, 30);
    static final Din DIN = Din.of("A0001", 26, 42);

    static Bottle quarantined() {
        return Bottle.quarantined(DIN, UUID.randomUUID(), UUID.randomUUID(), 100, EXPIRY, Instant.EPOCH);
    }

    static Bottle released() {
        Bottle b = quarantined();
        b.release();
        return b;
    }

    @Test
    void aNewBottleIsInQuarantine() {
        assertThat(quarantined().state()).isEqualTo(BottleState.QUARANTINE);
    }

    @Test
    void refusesToDispenseAQuarantinedBottleNamingItsDin() {
        assertThatThrownBy(() -> quarantined().dispense(EXPIRY.minusDays(1)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("inventory.bottle.quarantined");
                    assertThat(e.args()).containsExactly(DIN.withCheck());
                });
    }

    @Test
    void refusesToDispenseADiscardedBottle() {
        Bottle b = released();
        b.discard("cracked");
        assertThatThrownBy(() -> b.dispense(EXPIRY))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("inventory.bottle.discarded"));
    }

    @Test
    void refusesToDispenseTwice() {
        Bottle b = released();
        b.dispense(EXPIRY);
        assertThatThrownBy(() -> b.dispense(EXPIRY))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("inventory.bottle.alreadyDispensed"));
    }

    @Test
    void dispensesOnItsExpiryDayButNotTheDayAfter() {
        Bottle onTheDay = released();
        onTheDay.dispense(EXPIRY);
        assertThat(onTheDay.state()).isEqualTo(BottleState.DISPENSED);

        Bottle dayAfter = released();
        assertThatThrownBy(() -> dayAfter.dispense(EXPIRY.plusDays(1)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("inventory.bottle.expired"));
        assertThat(dayAfter.state()).isEqualTo(BottleState.RELEASED);
    }

    @Test
    void aDiscardNeedsAReasonAndNeverTouchesADispensedBottle() {
        assertThatThrownBy(() -> released().discard(" "))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("inventory.discard.reason.required"));
        Bottle dispensed = released();
        dispensed.dispense(EXPIRY);
        assertThatThrownBy(() -> dispensed.discard("recall"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("inventory.bottle.alreadyDispensed"));
        assertThat(dispensed.state()).isEqualTo(BottleState.DISPENSED);
    }

    @Test
    void releaseMovesOnlyAQuarantinedBottle() {
        Bottle discarded = quarantined();
        discarded.discard("leaked");
        assertThat(discarded.release()).isFalse();
        assertThat(discarded.state()).isEqualTo(BottleState.DISCARDED);
        assertThat(released().state()).isEqualTo(BottleState.RELEASED);
    }
}
