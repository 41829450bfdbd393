package org.openmilkbank.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.traceability.ExpiryMoment;

/** The thaw and warmed clocks of every built-in profile, over expiry days, thaw moments and time zones. */
class ExpiryClockPropertyTest {

    record Case(StandardProfile profile, LocalDate expiresOn, Instant thawedAt, ZoneId zone, ThawMethod method) {}

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<StandardProfile> profiles = Arbitraries.of(ExpiryProfiles.builtIn());
        Arbitrary<LocalDate> days = Arbitraries.integers()
                .between(0, 3650)
                .map(n -> LocalDate.of(2024, 1, 1).plusDays(n));
        Arbitrary<Long> minutesBefore = Arbitraries.longs().between(-3 * 24 * 60, 400 * 24 * 60);
        Arbitrary<ZoneId> zones = Arbitraries.of(List.of(
                ZoneId.of("UTC"),
                ZoneId.of("Asia/Vientiane"),
                ZoneId.of("America/Sao_Paulo"),
                ZoneId.of("Europe/London")));
        Arbitrary<ThawMethod> methods = Arbitraries.of(ThawMethod.class);
        return Combinators.combine(profiles, days, minutesBefore, zones, methods)
                .as((p, day, before, zone, method) -> new Case(
                        p,
                        day,
                        day.plusDays(1).atStartOfDay(zone).toInstant().minus(Duration.ofMinutes(before)),
                        zone,
                        method));
    }

    @Property
    void aThawNeverExtendsTheExpiry(@ForAll("cases") Case c) {
        Instant frozenEnd = ExpiryMoment.end(c.expiresOn(), null, c.zone());
        Instant thawed = ExpiryClock.thawed(c.expiresOn(), null, c.thawedAt(), c.method(), c.profile(), c.zone());
        assertThat(thawed).isBeforeOrEqualTo(frozenEnd);
    }

    @Property
    void aThawedBottleLastsTheProfilesHoursUnlessItsFrozenExpiryComesFirst(@ForAll("cases") Case c) {
        Instant frozenEnd = ExpiryMoment.end(c.expiresOn(), null, c.zone());
        long hours = c.method() == ThawMethod.FRIDGE
                ? c.profile().thawedLifeHours()
                : c.profile().thawedRoomLifeHours();
        Instant clock = c.thawedAt().plus(Duration.ofHours(hours));
        Instant thawed = ExpiryClock.thawed(c.expiresOn(), null, c.thawedAt(), c.method(), c.profile(), c.zone());
        assertThat(thawed).isEqualTo(clock.isBefore(frozenEnd) ? clock : frozenEnd);
    }

    @Property
    void warmingNeverExtendsTheThawedExpiryAndLastsAtMostTheWarmedHours(@ForAll("cases") Case c) {
        Instant thawed = ExpiryClock.thawed(c.expiresOn(), null, c.thawedAt(), c.method(), c.profile(), c.zone());
        Instant warmedAt = c.thawedAt().plus(Duration.ofMinutes(30));
        Instant warmed = ExpiryClock.warmed(c.expiresOn(), thawed, warmedAt, c.profile(), c.zone());
        assertThat(warmed).isBeforeOrEqualTo(thawed);
        assertThat(warmed)
                .isBeforeOrEqualTo(warmedAt.plus(Duration.ofHours(c.profile().warmedLifeHours())));
    }

    @Property
    void theLastDayOfAThawedBottleIsNeverAfterItsFrozenExpiryDay(@ForAll("cases") Case c) {
        Instant thawed = ExpiryClock.thawed(c.expiresOn(), null, c.thawedAt(), c.method(), c.profile(), c.zone());
        assertThat(ExpiryClock.lastDay(thawed, c.zone())).isBeforeOrEqualTo(c.expiresOn());
        // and the bottle is still usable during that day until its moment
        assertThat(ExpiryMoment.passed(c.expiresOn(), thawed, thawed.minusNanos(1), c.zone()))
                .isFalse();
        assertThat(ExpiryMoment.passed(c.expiresOn(), thawed, thawed, c.zone())).isTrue();
    }

    @Property
    void aFrozenBottleIsUsableThroughItsExpiryDayAndNotAfter(@ForAll("cases") Case c) {
        Instant lastMoment =
                c.expiresOn().plusDays(1).atStartOfDay(c.zone()).toInstant().minusNanos(1);
        assertThat(ExpiryMoment.passed(c.expiresOn(), null, lastMoment, c.zone()))
                .isFalse();
        assertThat(ExpiryMoment.passed(c.expiresOn(), null, lastMoment.plusNanos(1), c.zone()))
                .isTrue();
    }
}
