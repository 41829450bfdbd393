package org.openmilkbank.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.TestClock;
import org.openmilkbank.traceability.Expiries;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.HoldView;
import org.openmilkbank.traceability.Holds;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.Traceability;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * An expired bottle goes on hold by itself, once: the sweep holds it and a second sweep holds nothing more; the gate,
 * asked about an expired bottle, refuses it and holds it too. The bank's clock is moved past a thaw's clock.
 */
@IntegrationTest
@Import(TestClock.Configuration.class)
// a context of its own: the fixtures receive milk by the real time, so the bank's clock may only run a few hours ahead
@org.springframework.test.context.TestPropertySource(properties = "openmilkbank.test.context=expiry-holds")
class ExpiryHoldsTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Thawing thawing;

    @Autowired
    Expiries expiries;

    @Autowired
    Holds holds;

    @Autowired
    Inventory inventory;

    @Autowired
    Traceability traceability;

    @Autowired
    TestClock clock;

    BottleView thawedAtRoomTemperatureHoursAgo() {
        BottleView bottle = ProcessingFixtures.releasedBottles(context, 1, 100).get(0);
        BottleView thawed = thawing.thaw(bottle.din(), ThawMethod.ROOM, null);
        assertThat(thawed.expiresAt()).isNotNull();
        // the default profile keeps milk thawed at room temperature 4 h
        clock.advance(Duration.ofHours(5));
        return thawed;
    }

    List<HoldView> expiryHolds(UUID unitId) {
        return holds.activeOn(unitId).stream()
                .filter(h -> h.kind() == HoldKind.EXPIRY)
                .toList();
    }

    @Test
    void theSweepHoldsAnExpiredBottleExactlyOnceAndTheGateRefusesIt() {
        BottleView bottle = thawedAtRoomTemperatureHoursAgo();
        assertThat(expiryHolds(bottle.id())).isEmpty();

        assertThat(expiries.holdExpired()).contains(bottle.id());
        assertThat(expiries.holdExpired()).doesNotContain(bottle.id());

        assertThat(expiryHolds(bottle.id())).singleElement().satisfies(h -> {
            assertThat(h.reasonCode()).isEqualTo("expiry.expired");
            assertThat(h.placedBy()).isEqualTo("system");
        });
        assertThat(inventory.dispensable(java.time.LocalDate.now(clock)))
                .extracting(BottleView::id)
                .doesNotContain(bottle.id());
        assertThatThrownBy(() -> inventory.takeForDispense(bottle.id(), Instant.now(clock)))
                .isInstanceOf(RuleViolation.class);
        assertThat(inventory.find(bottle.id()).orElseThrow().state()).isEqualTo(BottleState.RELEASED);
        assertThat(expiryHolds(bottle.id())).hasSize(1);
    }

    @Test
    void theGateAskedAboutAnExpiredBottleRefusesItAndHoldsItOnce() {
        BottleView bottle = thawedAtRoomTemperatureHoursAgo();

        assertThatThrownBy(() -> inventory.takeForDispense(bottle.id(), Instant.now(clock)))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        e -> assertThat(e.reasons().stream().flatMap(r -> java.util.Arrays.stream(r.getCodes())))
                                .contains("gate.clock.expiredAt"));

        assertThat(expiryHolds(bottle.id())).hasSize(1);
        assertThat(expiries.holdExpired()).doesNotContain(bottle.id());
        assertThat(expiryHolds(bottle.id())).hasSize(1);
    }

    @Test
    void aThawIsALineageEventCarryingTheNewExpiry() {
        BottleView bottle = ProcessingFixtures.releasedBottles(context, 1, 100).get(0);
        BottleView thawed = thawing.thaw(bottle.din(), ThawMethod.FRIDGE, null);
        var events = traceability.lineage(bottle.din()).events().stream()
                .filter(e -> e.type() == MilkEventType.THAWED)
                .toList();
        assertThat(events).hasSize(1);
        assertThat(thawed.expiresAt()).isBeforeOrEqualTo(Instant.now(clock).plus(Duration.ofHours(48)));
        assertThat(thawed.expiresOn()).isBeforeOrEqualTo(bottle.expiresOn());
    }
}
