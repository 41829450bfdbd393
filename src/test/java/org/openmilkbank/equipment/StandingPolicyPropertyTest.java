package org.openmilkbank.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.openmilkbank.equipment.CalibrationStanding.Standing;
import org.openmilkbank.equipment.StandingPolicy.CalibrationFact;
import org.openmilkbank.equipment.StandingPolicy.StatusFact;

/** The standing decides whether what an instrument measured can release milk: it must never call a bad moment good. */
class StandingPolicyPropertyTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final UUID ID = UUID.randomUUID();
    static final List<StatusFact> IN_SERVICE = List.of(new StatusFact(EquipmentStatus.IN_SERVICE, T0.minusSeconds(1)));
    static final CalibrationOutcome[] OUTCOMES = CalibrationOutcome.values();

    /** Calibrations on distinct days (each day code: day * 3 + outcome), every one due 30 days later. */
    static List<CalibrationFact> calibrations(List<Integer> codes) {
        List<CalibrationFact> facts = new ArrayList<>();
        java.util.Set<Integer> days = new java.util.HashSet<>();
        for (int code : codes) {
            int day = code / 3;
            if (days.add(day)) {
                Instant at = T0.plus(Duration.ofDays(day));
                facts.add(new CalibrationFact(
                        UUID.randomUUID(),
                        at,
                        LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(30),
                        OUTCOMES[code % 3],
                        new BigDecimal(code % 3 == 0 ? "0.1" : "0.9")));
            }
        }
        return facts;
    }

    static CalibrationStanding at(List<CalibrationFact> facts, int hour) {
        return StandingPolicy.at(ID, IN_SERVICE, facts, T0.plus(Duration.ofHours(hour)), ZoneOffset.UTC);
    }

    @Property
    void aMomentIsGoodOnlyWhenTheCalibrationBeforeItPassedWasNotDueAndTheNextDidNotFindItOut(
            @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 1200) Integer> codes,
            @ForAll @IntRange(min = 0, max = 10000) int hour) {
        List<CalibrationFact> facts = calibrations(codes);
        Instant moment = T0.plus(Duration.ofHours(hour));
        CalibrationStanding s = at(facts, hour);
        if (s.standing() == Standing.GOOD) {
            CalibrationFact inForce = facts.stream()
                    .filter(f -> !f.performedAt().isAfter(moment))
                    .max(java.util.Comparator.comparing(CalibrationFact::performedAt))
                    .orElseThrow();
            assertThat(inForce.outcome().goodAsLeft()).isTrue();
            assertThat(LocalDate.ofInstant(moment, ZoneOffset.UTC)).isBeforeOrEqualTo(inForce.dueOn());
            facts.stream()
                    .filter(f -> f.performedAt().isAfter(moment))
                    .min(java.util.Comparator.comparing(CalibrationFact::performedAt))
                    .ifPresent(next ->
                            assertThat(next.outcome().foundOutOfTolerance()).isFalse());
        }
    }

    @Property
    void everyMomentBetweenALastGoodCalibrationAndOneThatFindsItOutIsOutOfTolerance(
            @ForAll @IntRange(min = 0, max = 300) int goodDay,
            @ForAll @IntRange(min = 1, max = 29) int gapDays,
            @ForAll @IntRange(min = 0, max = 10000) int minutesIn,
            @ForAll boolean adjusted) {
        Instant good = T0.plus(Duration.ofDays(goodDay));
        Instant found = good.plus(Duration.ofDays(gapDays));
        List<CalibrationFact> facts = List.of(
                new CalibrationFact(
                        UUID.randomUUID(),
                        good,
                        LocalDate.ofInstant(good, ZoneOffset.UTC).plusDays(30),
                        CalibrationOutcome.PASSED,
                        BigDecimal.ZERO),
                new CalibrationFact(
                        UUID.randomUUID(),
                        found,
                        LocalDate.ofInstant(found, ZoneOffset.UTC).plusDays(30),
                        adjusted ? CalibrationOutcome.FOUND_OUT_OF_TOLERANCE : CalibrationOutcome.FAILED,
                        new BigDecimal("1.5")));
        long span = Duration.between(good, found).toMinutes();
        Instant moment = good.plus(Duration.ofMinutes(minutesIn % span));
        CalibrationStanding s = StandingPolicy.at(ID, IN_SERVICE, facts, moment, ZoneOffset.UTC);
        assertThat(s.standing()).isEqualTo(Standing.OUT_OF_TOLERANCE);
        assertThat(s.worstAsFoundErrorC()).isEqualByComparingTo("1.5");
    }

    @Property
    void addingAPassedCalibrationAfterTheMomentNeverChangesAGoodStanding(
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 600) Integer> codes,
            @ForAll @IntRange(min = 0, max = 5000) int hour,
            @ForAll @IntRange(min = 1, max = 100) int laterDays) {
        List<CalibrationFact> facts = calibrations(codes);
        CalibrationStanding before = at(facts, hour);
        Instant moment = T0.plus(Duration.ofHours(hour));
        boolean nextExists = facts.stream().anyMatch(f -> f.performedAt().isAfter(moment));
        if (before.standing() != Standing.GOOD || nextExists) {
            return;
        }
        Instant later = moment.plus(Duration.ofDays(laterDays));
        List<CalibrationFact> more = new ArrayList<>(facts);
        more.add(new CalibrationFact(
                UUID.randomUUID(),
                later,
                LocalDate.ofInstant(later, ZoneOffset.UTC).plusDays(30),
                CalibrationOutcome.PASSED,
                BigDecimal.ZERO));
        assertThat(at(more, hour).standing()).isEqualTo(Standing.GOOD);
    }

    @Property
    void anInstrumentNotInServiceAtTheMomentIsNeverGood(
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 600) Integer> codes,
            @ForAll @IntRange(min = 0, max = 5000) int hour,
            @ForAll boolean retired) {
        List<StatusFact> statuses = List.of(
                new StatusFact(EquipmentStatus.IN_SERVICE, T0.minusSeconds(1)),
                new StatusFact(retired ? EquipmentStatus.RETIRED : EquipmentStatus.OUT_OF_SERVICE, T0));
        CalibrationStanding s =
                StandingPolicy.at(ID, statuses, calibrations(codes), T0.plus(Duration.ofHours(hour)), ZoneOffset.UTC);
        assertThat(s.standing()).isEqualTo(Standing.NOT_IN_SERVICE);
    }
}
