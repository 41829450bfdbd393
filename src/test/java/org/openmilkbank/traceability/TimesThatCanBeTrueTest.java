package org.openmilkbank.traceability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.traceability.MilkGate.Ancestor;
import org.openmilkbank.traceability.MilkGate.TimesThatCanBeTrue;

class TimesThatCanBeTrueTest {

    static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    static final StandardProfile PROFILE = StandardProfile.of("BANK", "Bank", Map.of(Parameter.RAW_MAX_AGE_DAYS, "90"));

    static Ancestor container(LocalDate expressed, Instant received) {
        return new Ancestor(
                UUID.randomUUID(), 1, MilkUnitKind.CONTAINER, "C", UUID.randomUUID(), expressed, received, null);
    }

    static Ancestor pool(Instant made) {
        return new Ancestor(UUID.randomUUID(), 0, MilkUnitKind.POOL, "P", null, null, made, null);
    }

    static Ancestor bottle(Instant made, LocalDate expires) {
        return new Ancestor(UUID.randomUUID(), 0, MilkUnitKind.BOTTLE, "B", null, null, made, expires);
    }

    static List<String> codes(List<Ancestor> lineage, GateUse use, Instant at) {
        return TimesThatCanBeTrue.check(lineage, use, at, NOW, PROFILE, ZoneOffset.UTC).stream()
                .map(Verdict.Reason::code)
                .toList();
    }

    @Test
    void refusesARunDatedBeforeItsPoolWasMade() {
        Instant made = NOW.minusSeconds(3600);
        var lineage = List.of(pool(made), container(LocalDate.of(2026, 6, 1), made.minusSeconds(86400)));

        assertThat(codes(lineage, GateUse.PASTEURISE, made.minusSeconds(365L * 86400)))
                .contains("gate.time.beforeMade");
        assertThat(codes(lineage, GateUse.PASTEURISE, made.plusSeconds(60))).isEmpty();
    }

    @Test
    void refusesAStepOnADayBeforeTheMilkWasExpressed() {
        Instant made = Instant.parse("2026-06-10T08:00:00Z");
        var lineage = List.of(pool(Instant.parse("2026-06-01T00:00:00Z")), container(LocalDate.of(2026, 6, 12), made));

        assertThat(codes(lineage, GateUse.PASTEURISE, Instant.parse("2026-06-11T09:00:00Z")))
                .contains("gate.time.beforeExpressed");
    }

    @Test
    void refusesAStepInTheFutureBeyondTheClockSkew() {
        var lineage = List.of(pool(NOW.minusSeconds(7200)));

        assertThat(codes(
                        lineage,
                        GateUse.PASTEURISE,
                        NOW.plus(MilkGate.CLOCK_SKEW).plusSeconds(1)))
                .contains("gate.time.future");
        assertThat(codes(lineage, GateUse.PASTEURISE, NOW.plus(MilkGate.CLOCK_SKEW)))
                .isEmpty();
    }

    @Test
    void refusesPoolingRawMilkOlderThanTheProfileAllowsAndAcceptsTheLastDay() {
        var old = List.of(container(LocalDate.of(2026, 6, 15).minusDays(91), NOW.minusSeconds(86400 * 91L)));
        var lastDay = List.of(container(LocalDate.of(2026, 6, 15).minusDays(90), NOW.minusSeconds(86400 * 90L)));

        assertThat(codes(old, GateUse.POOL, NOW)).containsExactly("gate.clock.rawTooOld");
        assertThat(codes(lastDay, GateUse.POOL, NOW)).isEmpty();
    }

    @Test
    void refusesReleasingOrDispensingAnExpiredBottleButNotPoolingChecksExpiry() {
        var expired = List.of(bottle(NOW.minusSeconds(86400 * 200L), LocalDate.of(2026, 6, 14)));
        var inDate = List.of(bottle(NOW.minusSeconds(86400 * 200L), LocalDate.of(2026, 6, 15)));

        assertThat(codes(expired, GateUse.RELEASE, NOW)).containsExactly("gate.clock.expired");
        assertThat(codes(expired, GateUse.DISPENSE, NOW)).containsExactly("gate.clock.expired");
        assertThat(codes(inDate, GateUse.DISPENSE, NOW)).isEmpty();
        assertThat(codes(expired, GateUse.PASTEURISE, NOW)).isEmpty();
    }
}
