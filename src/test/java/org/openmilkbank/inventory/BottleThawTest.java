package org.openmilkbank.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.StandardProfile;

class BottleThawTest {

    static final ZoneId ZONE = ZoneOffset.UTC;
    static final LocalDate EXPIRY = LocalDate.of(2026, 6, 30);
    static final Instant FILLED = Instant.parse("2026-01-10T08:00:00Z");
    static final StandardProfile NICE = ExpiryProfiles.builtIn().get(1);

    static Bottle released() {
        Bottle b =
                Bottle.quarantined(Din.of("A0001", 26, 42), UUID.randomUUID(), UUID.randomUUID(), 100, EXPIRY, FILLED);
        b.release();
        return b;
    }

    @Test
    void aFridgeThawGivesTheProfilesHoursAndTheDayOfThatMoment() {
        Bottle b = released();
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        b.thaw(ThawMethod.FRIDGE, at, at, NICE, ZONE);
        assertThat(b.expiresAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(b.expiresOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(b.thawMethod()).isEqualTo(ThawMethod.FRIDGE);
    }

    @Test
    void aThawOnTheLastDayKeepsTheFrozenExpiry() {
        Bottle b = released();
        Instant at = Instant.parse("2026-06-30T22:00:00Z");
        b.thaw(ThawMethod.FRIDGE, at, at, NICE, ZONE);
        assertThat(b.expiresAt()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(b.expiresOn()).isEqualTo(EXPIRY);
    }

    @Test
    void warmingShortensToOneHour() {
        Bottle b = released();
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        b.thaw(ThawMethod.ROOM, at, at, NICE, ZONE);
        b.warm(at.plus(Duration.ofHours(1)), at.plus(Duration.ofHours(1)), NICE, ZONE);
        assertThat(b.expiresAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    }

    @Test
    void refusesToThawAQuarantinedBottle() {
        Bottle b =
                Bottle.quarantined(Din.of("A0001", 26, 43), UUID.randomUUID(), UUID.randomUUID(), 100, EXPIRY, FILLED);
        Instant at = FILLED.plus(Duration.ofDays(1));
        assertThatThrownBy(() -> b.thaw(ThawMethod.FRIDGE, at, at, NICE, ZONE))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("inventory.thaw.quarantined"));
        assertThat(b.thawedAt()).isNull();
    }

    @Test
    void refusesASecondThaw() {
        Bottle b = released();
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        b.thaw(ThawMethod.FRIDGE, at, at, NICE, ZONE);
        assertThatThrownBy(() -> b.thaw(ThawMethod.ROOM, at.plusSeconds(60), at.plusSeconds(60), NICE, ZONE))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("inventory.thaw.already"));
        assertThat(b.thawMethod()).isEqualTo(ThawMethod.FRIDGE);
    }

    @Test
    void refusesToWarmABottleNotThawed() {
        Bottle b = released();
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        assertThatThrownBy(() -> b.warm(at, at, NICE, ZONE))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("inventory.warm.notThawed"));
    }

    @Test
    void refusesToThawAnExpiredBottle() {
        Bottle b = released();
        Instant at = EXPIRY.plusDays(1).atStartOfDay(ZONE).toInstant();
        assertThatThrownBy(() -> b.thaw(ThawMethod.FRIDGE, at, at, NICE, ZONE))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("inventory.thaw.expired"));
    }

    @Test
    void refusesToWarmAThawedBottleWhoseClockRanOut() {
        Bottle b = released();
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        b.thaw(ThawMethod.ROOM, at, at, NICE, ZONE);
        Instant late = at.plus(Duration.ofHours(4));
        assertThatThrownBy(() -> b.warm(late, late, NICE, ZONE))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("inventory.thaw.expired"));
        assertThat(b.warmedAt()).isNull();
    }

    @Test
    void refusesAThawInTheFutureOrBeforeTheBottleWasFilled() {
        Bottle b = released();
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        assertThatThrownBy(() -> b.thaw(ThawMethod.FRIDGE, now.plus(Duration.ofHours(1)), now, NICE, ZONE))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("inventory.thaw.future"));
        assertThatThrownBy(() -> b.thaw(ThawMethod.FRIDGE, FILLED.minusSeconds(1), now, NICE, ZONE))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("inventory.thaw.beforeFilled"));
        assertThat(b.thawedAt()).isNull();
    }
}
