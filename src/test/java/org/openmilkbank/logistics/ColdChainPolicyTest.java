package org.openmilkbank.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;

class ColdChainPolicyTest {

    static final Instant DEPARTED = Instant.parse("2026-03-02T07:00:00Z");

    /** The values the V90 migration seeds for HMBANA and NICE. */
    static StandardProfile frozenOnly(String code) {
        return StandardProfile.of(
                code,
                code,
                Map.of(
                        Parameter.TRANSPORT_MAX_HOURS, "24",
                        Parameter.TRANSPORT_FROZEN_MAX_C, "-18",
                        Parameter.TRANSPORT_LIQUID_ALLOWED, "false"));
    }

    /** A bank's own profile using New York's liquid transport rule: 1-6 °C for at most 48 h. */
    static StandardProfile newYorkLiquid() {
        return StandardProfile.of(
                "NY-BANK",
                "New York bank",
                Map.of(
                        Parameter.TRANSPORT_MAX_HOURS, "24",
                        Parameter.TRANSPORT_FROZEN_MAX_C, "-20",
                        Parameter.TRANSPORT_LIQUID_ALLOWED, "true",
                        Parameter.TRANSPORT_LIQUID_MIN_C, "1",
                        Parameter.TRANSPORT_LIQUID_MAX_C, "6",
                        Parameter.TRANSPORT_LIQUID_MAX_HOURS, "48"));
    }

    static ColdChainPolicy.Journey frozen(String departureC, String arrivalC, Duration journey) {
        return new ColdChainPolicy.Journey(
                TransportMode.FROZEN,
                DEPARTED,
                new BigDecimal(departureC),
                DEPARTED.plus(journey),
                new BigDecimal(arrivalC),
                IndicatorState.INTACT,
                true);
    }

    static ColdChainPolicy.Journey liquid(String departureC, String arrivalC, Duration journey) {
        return new ColdChainPolicy.Journey(
                TransportMode.LIQUID,
                DEPARTED,
                new BigDecimal(departureC),
                DEPARTED.plus(journey),
                new BigDecimal(arrivalC),
                IndicatorState.INTACT,
                true);
    }

    static java.util.List<String> codes(ColdChainVerdict v) {
        return v.reasons().stream().map(ColdChainReason::code).toList();
    }

    @Test
    void frozenBoxArrivingAtExactlyTheLimitAfterExactlyTheMaximumJourneyIsIntact() {
        for (String profile : new String[] {"HMBANA", "NICE"}) {
            ColdChainVerdict v =
                    new ColdChainPolicy(frozenOnly(profile)).assess(frozen("-22", "-18.0", Duration.ofHours(24)));
            assertThat(v.intact()).as(profile).isTrue();
            assertThat(v.reasons()).isEmpty();
        }
    }

    @Test
    void frozenBoxOneTenthOfADegreeWarmerThanTheLimitIsBroken() {
        ColdChainVerdict v =
                new ColdChainPolicy(frozenOnly("NICE")).assess(frozen("-22", "-17.9", Duration.ofHours(3)));
        assertThat(v.intact()).isFalse();
        assertThat(v.reasons()).containsExactly(ColdChainReason.of(ColdChainReason.ARRIVAL_TOO_WARM, "-17.9", "-18"));
    }

    @Test
    void aBoxThatLeftTooWarmIsBrokenEvenWhenItArrivesColdEnough() {
        ColdChainVerdict v =
                new ColdChainPolicy(frozenOnly("HMBANA")).assess(frozen("-15", "-19", Duration.ofHours(3)));
        assertThat(codes(v)).containsExactly(ColdChainReason.DEPARTURE_TOO_WARM);
    }

    @Test
    void oneMinuteOverTheMaximumJourneyIsBroken() {
        ColdChainVerdict v = new ColdChainPolicy(frozenOnly("HMBANA"))
                .assess(frozen("-22", "-20", Duration.ofHours(24).plusMinutes(1)));
        assertThat(v.reasons()).containsExactly(ColdChainReason.of(ColdChainReason.TRANSIT_TOO_LONG, "24", "1", "24"));
    }

    @Test
    void everyBrokenRuleIsListedNotOnlyTheFirst() {
        ColdChainVerdict v = new ColdChainPolicy(frozenOnly("NICE"))
                .assess(new ColdChainPolicy.Journey(
                        TransportMode.FROZEN,
                        DEPARTED,
                        new BigDecimal("-10"),
                        DEPARTED.plus(Duration.ofHours(30)),
                        new BigDecimal("-2"),
                        IndicatorState.TRIGGERED,
                        false));
        assertThat(codes(v))
                .containsExactly(
                        ColdChainReason.DEPARTURE_TOO_WARM,
                        ColdChainReason.ARRIVAL_TOO_WARM,
                        ColdChainReason.TRANSIT_TOO_LONG,
                        ColdChainReason.INDICATOR_TRIGGERED,
                        ColdChainReason.SEAL_BROKEN);
    }

    @Test
    void aTriggeredIndicatorBreaksTheChainWhateverTheThermometerSays() {
        ColdChainVerdict v = new ColdChainPolicy(frozenOnly("HMBANA"))
                .assess(new ColdChainPolicy.Journey(
                        TransportMode.FROZEN,
                        DEPARTED,
                        new BigDecimal("-25"),
                        DEPARTED.plus(Duration.ofHours(1)),
                        new BigDecimal("-25"),
                        IndicatorState.TRIGGERED,
                        true));
        assertThat(codes(v)).containsExactly(ColdChainReason.INDICATOR_TRIGGERED);
    }

    @Test
    void aBrokenSealBreaksTheChain() {
        ColdChainVerdict v = new ColdChainPolicy(frozenOnly("NICE"))
                .assess(new ColdChainPolicy.Journey(
                        TransportMode.FROZEN,
                        DEPARTED,
                        new BigDecimal("-25"),
                        DEPARTED.plus(Duration.ofHours(1)),
                        new BigDecimal("-25"),
                        IndicatorState.INTACT,
                        false));
        assertThat(codes(v)).containsExactly(ColdChainReason.SEAL_BROKEN);
    }

    @Test
    void hmbanaAndNiceRefuseLiquidTransportEvenWithinTheNewYorkRange() {
        for (String profile : new String[] {"HMBANA", "NICE"}) {
            ColdChainVerdict v = new ColdChainPolicy(frozenOnly(profile)).assess(liquid("4", "4", Duration.ofHours(2)));
            assertThat(codes(v)).as(profile).containsExactly(ColdChainReason.LIQUID_NOT_ALLOWED);
        }
    }

    @Test
    void newYorkLiquidTransportIsIntactFromOneToSixDegreesForUpToFortyEightHours() {
        ColdChainPolicy ny = new ColdChainPolicy(newYorkLiquid());
        assertThat(ny.assess(liquid("1", "6", Duration.ofHours(48))).intact()).isTrue();
        assertThat(codes(ny.assess(liquid("1", "6.1", Duration.ofHours(2)))))
                .containsExactly(ColdChainReason.ARRIVAL_OUT_OF_RANGE);
        assertThat(codes(ny.assess(liquid("0.9", "5", Duration.ofHours(2)))))
                .containsExactly(ColdChainReason.DEPARTURE_OUT_OF_RANGE);
        assertThat(codes(ny.assess(liquid("3", "3", Duration.ofHours(48).plusMinutes(1)))))
                .containsExactly(ColdChainReason.TRANSIT_TOO_LONG);
    }

    @Test
    void frozenTransportUnderTheNewYorkProfileUsesItsOwnLimitAndDay() {
        ColdChainPolicy ny = new ColdChainPolicy(newYorkLiquid());
        assertThat(ny.assess(frozen("-20", "-20", Duration.ofHours(24))).intact())
                .isTrue();
        assertThat(codes(ny.assess(frozen("-20", "-19", Duration.ofHours(30)))))
                .containsExactly(ColdChainReason.ARRIVAL_TOO_WARM, ColdChainReason.TRANSIT_TOO_LONG);
    }

    @Property
    void aVerdictIsIntactExactlyWhenItListsNoReasonAndEveryRuleHeld(
            @ForAll @IntRange(min = -400, max = 100) int departureTenths,
            @ForAll @IntRange(min = -400, max = 100) int arrivalTenths,
            @ForAll @IntRange(min = 0, max = 3000) int minutes,
            @ForAll boolean indicatorTriggered,
            @ForAll boolean sealIntact,
            @ForAll boolean liquid,
            @ForAll boolean newYork) {
        StandardProfile profile = newYork ? newYorkLiquid() : frozenOnly("HMBANA");
        BigDecimal departure = BigDecimal.valueOf(departureTenths, 1);
        BigDecimal arrival = BigDecimal.valueOf(arrivalTenths, 1);
        ColdChainVerdict v = new ColdChainPolicy(profile)
                .assess(new ColdChainPolicy.Journey(
                        liquid ? TransportMode.LIQUID : TransportMode.FROZEN,
                        DEPARTED,
                        departure,
                        DEPARTED.plus(Duration.ofMinutes(minutes)),
                        arrival,
                        indicatorTriggered ? IndicatorState.TRIGGERED : IndicatorState.INTACT,
                        sealIntact));
        boolean temperaturesHeld;
        int maxMinutes;
        if (liquid && newYork) {
            temperaturesHeld =
                    departureTenths >= 10 && departureTenths <= 60 && arrivalTenths >= 10 && arrivalTenths <= 60;
            maxMinutes = 48 * 60;
        } else if (liquid) {
            temperaturesHeld = false;
            maxMinutes = 24 * 60;
        } else {
            int limit = newYork ? -200 : -180;
            temperaturesHeld = departureTenths <= limit && arrivalTenths <= limit;
            maxMinutes = 24 * 60;
        }
        boolean expected = temperaturesHeld && minutes <= maxMinutes && !indicatorTriggered && sealIntact;
        assertThat(v.intact()).isEqualTo(v.reasons().isEmpty()).isEqualTo(expected);
    }
}
