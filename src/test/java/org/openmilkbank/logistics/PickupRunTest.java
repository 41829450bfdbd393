package org.openmilkbank.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;

class PickupRunTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    static PickupRun plannedWithOneDonor() {
        PickupRun run = PickupRun.plan(1, TODAY, "Lan", TODAY, "coordinator", NOW);
        run.addDonorStop(UUID.randomUUID(), "D00001", "D00001 Mai Nguyen");
        return run;
    }

    static String code(Runnable action) {
        try {
            action.run();
        } catch (RuleViolation e) {
            return e.code();
        }
        return "accepted";
    }

    @Test
    void refusesARunPlannedForAPastDay() {
        assertThat(code(() -> PickupRun.plan(1, TODAY.minusDays(1), "Lan", TODAY, "c", NOW)))
                .isEqualTo("logistics.run.plannedInPast");
    }

    @Test
    void walksFromPlannedToOnTheRoadToReturned() {
        PickupRun run = plannedWithOneDonor();
        run.start(1, NOW);
        assertThat(run.state()).isEqualTo(PickupRunState.ON_THE_ROAD);
        UUID stop = run.stopViews().get(0).id();
        run.recordStop(stop, StopOutcome.COLLECTED, 4, null, "driver", NOW);
        run.returnToBank(NOW.plusSeconds(3600));
        assertThat(run.state()).isEqualTo(PickupRunState.RETURNED);
        assertThat(run.stopViews().get(0).containers()).isEqualTo(4);
    }

    @Test
    void refusesToStartWithoutStopsOrWithoutABox() {
        PickupRun empty = PickupRun.plan(1, TODAY, "Lan", TODAY, "c", NOW);
        assertThat(code(() -> empty.start(1, NOW))).isEqualTo("logistics.run.noStops");
        PickupRun noBox = plannedWithOneDonor();
        assertThat(code(() -> noBox.start(0, NOW))).isEqualTo("logistics.run.noBoxes");
        assertThat(noBox.state()).isEqualTo(PickupRunState.PLANNED);
    }

    @Test
    void refusesToRecordStopsBeforeTheRunStarts() {
        PickupRun run = plannedWithOneDonor();
        UUID stop = run.stopViews().get(0).id();
        assertThat(code(() -> run.recordStop(stop, StopOutcome.COLLECTED, 2, null, "d", NOW)))
                .isEqualTo("logistics.run.notOnTheRoad");
    }

    @Test
    void refusesToReturnWhileAStopIsPending() {
        PickupRun run = plannedWithOneDonor();
        run.start(1, NOW);
        assertThat(code(() -> run.returnToBank(NOW))).isEqualTo("logistics.run.stopsPending");
        assertThat(run.state()).isEqualTo(PickupRunState.ON_THE_ROAD);
    }

    @Test
    void aMissedStopNeedsAReasonAndAStopIsRecordedOnce() {
        PickupRun run = plannedWithOneDonor();
        run.start(1, NOW);
        UUID stop = run.stopViews().get(0).id();
        assertThat(code(() -> run.recordStop(stop, StopOutcome.MISSED, null, " ", "d", NOW)))
                .isEqualTo("logistics.stop.missedReasonRequired");
        run.recordStop(stop, StopOutcome.MISSED, null, "not at home", "d", NOW);
        assertThat(code(() -> run.recordStop(stop, StopOutcome.COLLECTED, 1, null, "d", NOW)))
                .isEqualTo("logistics.stop.alreadyRecorded");
    }

    @Test
    void refusesTheSameDonorTwiceOnOneRun() {
        PickupRun run = PickupRun.plan(1, TODAY, "Lan", TODAY, "c", NOW);
        UUID donor = UUID.randomUUID();
        run.addDonorStop(donor, "D00001", "D00001");
        assertThat(code(() -> run.addDonorStop(donor, "D00001", "D00001"))).isEqualTo("logistics.run.donorTwice");
    }

    @Test
    void cancellingNeedsAReasonAndClosesTheRun() {
        PickupRun run = plannedWithOneDonor();
        assertThat(code(() -> run.cancel(""))).isEqualTo("history.reason.required");
        run.cancel("driver ill");
        assertThat(run.state()).isEqualTo(PickupRunState.CANCELLED);
        assertThat(code(() -> run.start(1, NOW))).isEqualTo("logistics.run.notPlanned");
        assertThat(code(() -> run.addDonorStop(UUID.randomUUID(), "D2", "D2"))).isEqualTo("logistics.run.closed");
    }

    @Test
    void aBoxCannotArriveBeforeItLeftNorTwice() {
        StandardProfile profile = StandardProfile.of(
                "HMBANA",
                "HMBANA",
                Map.of(
                        Parameter.TRANSPORT_MAX_HOURS, "24",
                        Parameter.TRANSPORT_FROZEN_MAX_C, "-18",
                        Parameter.TRANSPORT_LIQUID_ALLOWED, "false"));
        TransportBox box = TransportBox.planned(" box-7 ", UUID.randomUUID(), TransportMode.FROZEN, "c", NOW);
        assertThat(box.code()).isEqualTo("BOX-7");
        BoxArrival arrival = new BoxArrival(new BigDecimal("-20"), IndicatorState.INTACT, true, NOW.plusSeconds(60));
        assertThat(code(() -> box.arrive(arrival, profile, NOW.plusSeconds(60))))
                .isEqualTo("logistics.box.notDeparted");
        box.depart(NOW, new BigDecimal("-21.5"), NOW);
        assertThat(code(() -> box.arrive(
                        new BoxArrival(new BigDecimal("-20"), IndicatorState.INTACT, true, NOW.minusSeconds(60)),
                        profile,
                        NOW.plusSeconds(60))))
                .isEqualTo("logistics.box.arrivalBeforeDeparture");
        assertThat(box.arrive(arrival, profile, NOW.plusSeconds(60)).intact()).isTrue();
        assertThat(code(() -> box.arrive(arrival, profile, NOW.plusSeconds(60))))
                .isEqualTo("logistics.box.alreadyArrived");
        assertThatThrownBy(() -> TransportBox.planned("bad code!", null, null, "c", NOW))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void aStoredBrokenVerdictReadsBackWithEveryReasonAndArgument() {
        StandardProfile profile = StandardProfile.of(
                "NICE",
                "NICE",
                Map.of(
                        Parameter.TRANSPORT_MAX_HOURS, "24",
                        Parameter.TRANSPORT_FROZEN_MAX_C, "-18",
                        Parameter.TRANSPORT_LIQUID_ALLOWED, "false"));
        TransportBox box = TransportBox.planned("B1", UUID.randomUUID(), TransportMode.FROZEN, "c", NOW);
        box.depart(NOW, new BigDecimal("-20"), NOW);
        ColdChainVerdict given = box.arrive(
                new BoxArrival(new BigDecimal("-5"), IndicatorState.TRIGGERED, false, NOW.plusSeconds(600)),
                profile,
                NOW.plusSeconds(600));
        assertThat(box.view().verdict()).isEqualTo(given);
        assertThat(given.reasons().get(0)).isEqualTo(ColdChainReason.of(ColdChainReason.ARRIVAL_TOO_WARM, "-5", "-18"));
    }
}
