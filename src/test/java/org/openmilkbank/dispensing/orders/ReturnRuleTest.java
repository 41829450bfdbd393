package org.openmilkbank.dispensing.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReturnRuleTest {

    static final Instant DISPATCHED = Instant.parse("2026-03-10T08:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final BigDecimal FROZEN_MAX = new BigDecimal("-15");

    static ReturnRule.Returned returned(Duration away, boolean thawed, LocalDate expires, String arrivalC) {
        return new ReturnRule.Returned(
                DISPATCHED, DISPATCHED.plus(away), thawed, expires, TODAY, new BigDecimal(arrivalC));
    }

    @Test
    void anUnopenedFrozenBottleBackInTimeGoesBackIntoStock() {
        assertThat(new ReturnRule(24, FROZEN_MAX).refusals(returned(Duration.ofHours(24), false, TODAY, "-18")))
                .isEmpty();
    }

    @Test
    void aBottleAwayLongerThanTheProfileAllowsIsDiscarded() {
        assertThat(new ReturnRule(24, FROZEN_MAX)
                        .refusals(returned(Duration.ofHours(24).plusMinutes(1), false, TODAY, "-18")))
                .containsExactly(ReturnRefusal.AWAY_TOO_LONG);
    }

    @Test
    void aProfileThatTakesNoReturnsDiscardsEveryReturnedBottle() {
        assertThat(new ReturnRule(0, FROZEN_MAX).refusals(returned(Duration.ofMinutes(5), false, TODAY, "-25")))
                .containsExactly(ReturnRefusal.RETURNS_NOT_ACCEPTED);
    }

    @Test
    void thawedMilkIsNeverFrozenAgain() {
        assertThat(new ReturnRule(24, FROZEN_MAX).refusals(returned(Duration.ofHours(1), true, TODAY, "-18")))
                .containsExactly(ReturnRefusal.THAWED);
    }

    @Test
    void aBottleWarmerOnArrivalThanFrozenMilkMayTravelIsDiscarded() {
        ReturnRule rule = new ReturnRule(24, FROZEN_MAX);
        assertThat(rule.refusals(returned(Duration.ofHours(1), false, TODAY, "-15")))
                .isEmpty();
        assertThat(rule.refusals(returned(Duration.ofHours(1), false, TODAY, "-14.9")))
                .containsExactly(ReturnRefusal.NOT_FROZEN_ON_ARRIVAL);
    }

    @Test
    void everyReasonThatAppliesIsNamed() {
        assertThat(new ReturnRule(24, FROZEN_MAX)
                        .refusals(returned(Duration.ofHours(30), true, TODAY.minusDays(1), "4")))
                .containsExactly(
                        ReturnRefusal.AWAY_TOO_LONG,
                        ReturnRefusal.THAWED,
                        ReturnRefusal.EXPIRED,
                        ReturnRefusal.NOT_FROZEN_ON_ARRIVAL);
    }
}
