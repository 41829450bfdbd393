package org.openmilkbank.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalRuleTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Instant NOW = Instant.parse("2026-03-04T03:00:00Z");
    static final ArrivalRule RULE = new ArrivalRule(new BigDecimal("-18"));

    static ManifestEntry bottle(boolean frozen, LocalDate expiresOn, Instant expiresAt) {
        return new ManifestEntry(
                "A000126000001M",
                "M0007",
                100,
                expiresOn,
                expiresAt,
                frozen,
                List.of(),
                null,
                null,
                List.of(),
                List.of());
    }

    @Test
    void acceptsFrozenMilkAtOrBelowTheProfilesLimitAndInDate() {
        assertThat(RULE.discard(bottle(true, LocalDate.of(2026, 6, 1), null), false, new BigDecimal("-18"), NOW, ZONE))
                .isEmpty();
        assertThat(RULE.discard(
                        bottle(true, LocalDate.of(2026, 6, 1), null), false, new BigDecimal("-25.5"), NOW, ZONE))
                .isEmpty();
    }

    @Test
    void discardsFrozenMilkThatArrivesWarmerThanFrozenMilkMayTravel() {
        assertThat(RULE.discard(
                        bottle(true, LocalDate.of(2026, 6, 1), null), false, new BigDecimal("-17.9"), NOW, ZONE))
                .contains(ArrivalRule.TOO_WARM);
    }

    @Test
    void discardsMilkThatExpiredOnTheWay() {
        assertThat(RULE.discard(bottle(true, LocalDate.of(2026, 3, 3), null), false, new BigDecimal("-25"), NOW, ZONE))
                .contains(ArrivalRule.EXPIRED);
        // a thawed bottle's clock ends before its day does
        assertThat(RULE.discard(
                        bottle(false, LocalDate.of(2026, 3, 4), NOW.minusSeconds(60)),
                        false,
                        new BigDecimal("4"),
                        NOW,
                        ZONE))
                .contains(ArrivalRule.EXPIRED);
    }

    @Test
    void discardsMilkTheSourceRecalledOnTheWayWhateverItsTemperature() {
        assertThat(RULE.discard(bottle(true, LocalDate.of(2026, 6, 1), null), true, new BigDecimal("-30"), NOW, ZONE))
                .contains(ArrivalRule.RECALLED);
    }

    @Test
    void theLimitIsTheProfilesParameter() {
        ArrivalRule brazil = new ArrivalRule(new BigDecimal("-10"));
        assertThat(brazil.discard(
                        bottle(true, LocalDate.of(2026, 6, 1), null), false, new BigDecimal("-12"), NOW, ZONE))
                .isEmpty();
    }
}
