package org.openmilkbank.dispensing.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmilkbank.inventory.EnergyClass;
import org.openmilkbank.shared.RuleViolation;

class MilkOrderTest {

    static final LocalDate BORN = LocalDate.of(2026, 3, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");

    static OrderTerms terms(int perDay, int perFeed, int feeds) {
        return new OrderTerms(perDay, perFeed, feeds, TODAY, TODAY.plusDays(1), null, null, "Dr Lan");
    }

    static MilkOrder requested() {
        return MilkOrder.request(UUID.randomUUID(), BORN, terms(160, 20, 8), NOW, "nurse");
    }

    static String refusal(Runnable action) {
        try {
            action.run();
        } catch (RuleViolation e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aNewOrderIsRequestedAndCoversItsDays() {
        MilkOrder order = requested();
        assertThat(order.state()).isEqualTo(OrderState.REQUESTED);
        assertThat(order.days()).isEqualTo(2);
        assertThat(order.activeOn(TODAY)).isTrue();
        assertThat(order.activeOn(TODAY.plusDays(2))).isFalse();
    }

    @Test
    void anOrderWithoutAnEndCoversOneDay() {
        MilkOrder order = MilkOrder.request(
                UUID.randomUUID(), BORN, new OrderTerms(80, 10, 8, TODAY, null, null, null, "Dr Lan"), NOW, "n");
        assertThat(order.days()).isEqualTo(1);
    }

    @Test
    void refusesVolumesPerFeedAndPerDayThatDisagree() {
        assertThatThrownBy(() -> MilkOrder.request(UUID.randomUUID(), BORN, terms(200, 20, 8), NOW, "n"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("dispensing.order.volumes.disagree");
                    assertThat(e.field()).contains("volumePerDayMl");
                });
    }

    @Test
    void acceptsAMillilitreAFeedOfRounding() {
        assertThat(MilkOrder.request(UUID.randomUUID(), BORN, terms(100, 12, 8), NOW, "n")
                        .volumePerDayMl())
                .isEqualTo(100);
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        OrderTerms t = new OrderTerms(80, 10, 8, TODAY, TODAY.minusDays(1), null, null, "Dr Lan");
        assertThat(refusal(() -> MilkOrder.request(UUID.randomUUID(), BORN, t, NOW, "n")))
                .isEqualTo("dispensing.order.endsOn.beforeStart");
    }

    @Test
    void refusesAStartBeforeBirth() {
        OrderTerms t = new OrderTerms(80, 10, 8, BORN.minusDays(1), null, null, null, "Dr Lan");
        assertThat(refusal(() -> MilkOrder.request(UUID.randomUUID(), BORN, t, NOW, "n")))
                .isEqualTo("dispensing.order.startsOn.beforeBirth");
    }

    @Test
    void refusesNotAnalysedAsTheEnergyBandAsked() {
        OrderTerms t = new OrderTerms(80, 10, 8, TODAY, null, EnergyClass.NOT_ANALYSED, null, "Dr Lan");
        assertThat(refusal(() -> MilkOrder.request(UUID.randomUUID(), BORN, t, NOW, "n")))
                .isEqualTo("dispensing.order.energyBand.invalid");
    }

    @Test
    void refusesAnOrderWithoutItsClinician() {
        OrderTerms t = new OrderTerms(80, 10, 8, TODAY, null, null, null, " ");
        assertThat(refusal(() -> MilkOrder.request(UUID.randomUUID(), BORN, t, NOW, "n")))
                .isEqualTo("dispensing.order.clinician.required");
    }

    @Test
    void walksTheWholePathToFulfilled() {
        MilkOrder order = requested();
        order.allocate();
        order.dispatch();
        order.receive();
        order.fulfil();
        assertThat(order.state()).isEqualTo(OrderState.FULFILLED);
    }

    @Test
    void refusesDispatchBeforeAllocation() {
        assertThat(refusal(requested()::dispatch)).isEqualTo("dispensing.order.transition");
    }

    @Test
    void refusesFulfilmentBeforeTheWardReceivedIt() {
        MilkOrder order = requested();
        order.allocate();
        order.dispatch();
        assertThat(refusal(order::fulfil)).isEqualTo("dispensing.order.transition");
    }

    @Test
    void refusesToCancelOnceTheMilkHasLeftTheBank() {
        MilkOrder order = requested();
        order.allocate();
        order.dispatch();
        assertThat(refusal(() -> order.cancel("not needed"))).isEqualTo("dispensing.order.transition");
        assertThat(order.state()).isEqualTo(OrderState.DISPATCHED);
    }

    @Test
    void cancelsWithAReasonOnly() {
        MilkOrder order = requested();
        assertThat(refusal(() -> order.cancel(" "))).isEqualTo("history.reason.required");
        order.cancel("moved to formula");
        assertThat(order.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(order.cancelReason()).isEqualTo("moved to formula");
        assertThat(refusal(order::allocate)).isEqualTo("dispensing.order.transition");
    }

    @Test
    void amendsARequestedOrderNamingWhatChanged() {
        MilkOrder order = requested();
        var changes = order.amend(terms(240, 30, 8), BORN);
        assertThat(changes).hasSize(2);
        assertThat(order.volumePerDayMl()).isEqualTo(240);
    }

    @Test
    void refusesAnAmendmentThatChangesNothing() {
        MilkOrder order = requested();
        assertThat(refusal(() -> order.amend(terms(160, 20, 8), BORN)))
                .isEqualTo("dispensing.order.amend.nothingChanged");
    }

    @Test
    void refusesToAmendAnAllocatedOrder() {
        MilkOrder order = requested();
        order.allocate();
        assertThat(refusal(() -> order.amend(terms(240, 30, 8), BORN)))
                .isEqualTo("dispensing.order.amend.notRequested");
        assertThat(order.volumePerDayMl()).isEqualTo(160);
    }

    @Test
    void aRefusedAmendmentChangesNothing() {
        MilkOrder order = requested();
        assertThat(refusal(() -> order.amend(terms(999, 20, 8), BORN))).isEqualTo("dispensing.order.volumes.disagree");
        assertThat(order.volumePerDayMl()).isEqualTo(160);
    }

    @ParameterizedTest
    @EnumSource(OrderState.class)
    void eachStateMovesOnlyForward(OrderState from) {
        Set<OrderState> allowed = switch (from) {
            case REQUESTED -> EnumSet.of(OrderState.ALLOCATED, OrderState.CANCELLED);
            case ALLOCATED -> EnumSet.of(OrderState.DISPATCHED, OrderState.CANCELLED);
            case DISPATCHED -> EnumSet.of(OrderState.RECEIVED);
            case RECEIVED -> EnumSet.of(OrderState.FULFILLED);
            case FULFILLED, CANCELLED -> EnumSet.noneOf(OrderState.class);
        };
        for (OrderState to : OrderState.values()) {
            assertThat(from.mayMoveTo(to)).as(from + " → " + to).isEqualTo(allowed.contains(to));
        }
    }
}
