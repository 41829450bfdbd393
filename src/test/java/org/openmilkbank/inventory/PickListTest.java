package org.openmilkbank.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.RuleViolation;

class PickListTest {

    static final ZoneId ZONE = ZoneOffset.UTC;
    static final LocalDate DAY = LocalDate.of(2026, 5, 10);

    static BottleView bottle(String din, LocalDate expiresOn, int ml, Instant expiresAt) {
        return new BottleView(
                UUID.randomUUID(),
                din,
                UUID.randomUUID(),
                UUID.randomUUID(),
                ml,
                expiresOn,
                BottleState.RELEASED,
                null,
                expiresAt == null ? null : expiresAt.minusSeconds(3600),
                expiresAt == null ? null : ThawMethod.FRIDGE,
                null,
                expiresAt);
    }

    static final BottleView LATER = bottle("A000126000003", DAY.plusDays(30), 100, null);
    static final BottleView SOON_B = bottle("A000126000002", DAY, 100, null);
    static final BottleView SOON_A = bottle("A000126000001", DAY, 50, null);
    static final BottleView THAWED =
            bottle("A000126000009", DAY, 80, DAY.atTime(14, 0).toInstant(ZoneOffset.UTC));

    static final List<BottleView> OFFERED = List.of(LATER, SOON_B, SOON_A, THAWED);

    @Test
    void takesTheEarliestExpiryFirstAThawedBottlesMomentBeforeTheEndOfItsDayThenByDin() {
        PickList list = PickList.of(OFFERED, null, 4, ZONE);
        assertThat(list.bottles()).containsExactly(THAWED, SOON_A, SOON_B, LATER);
    }

    @Test
    void takesBottlesUntilTheVolumeAskedIsReached() {
        PickList list = PickList.of(OFFERED, 150, null, ZONE);
        assertThat(list.bottles()).containsExactly(THAWED, SOON_A, SOON_B);
        assertThat(list.totalMl()).isEqualTo(230);
        assertThat(list.isShort()).isFalse();
    }

    @Test
    void takesExactlyTheVolumeWhenItFallsOnABottle() {
        PickList list = PickList.of(OFFERED, 130, null, ZONE);
        assertThat(list.bottles()).containsExactly(THAWED, SOON_A);
    }

    @Test
    void takesTheCountAsked() {
        assertThat(PickList.of(OFFERED, null, 2, ZONE).bottles()).containsExactly(THAWED, SOON_A);
    }

    @Test
    void saysByHowMuchTheStockIsShort() {
        PickList byVolume = PickList.of(OFFERED, 1000, null, ZONE);
        assertThat(byVolume.bottles()).hasSize(4);
        assertThat(byVolume.shortMl()).isEqualTo(1000 - 330);
        PickList byCount = PickList.of(OFFERED, null, 6, ZONE);
        assertThat(byCount.shortBottles()).isEqualTo(2);
    }

    @Test
    void refusesBothOrNeitherOfVolumeAndCount() {
        assertThatThrownBy(() -> PickList.of(OFFERED, 100, 2, ZONE))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("inventory.pick.oneOf"));
        assertThatThrownBy(() -> PickList.of(OFFERED, null, null, ZONE))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("inventory.pick.oneOf"));
    }

    @Test
    void refusesAVolumeOrCountBelowOne() {
        assertThatThrownBy(() -> PickList.of(OFFERED, 0, null, ZONE))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("inventory.pick.volume.invalid"));
        assertThatThrownBy(() -> PickList.of(OFFERED, null, -1, ZONE))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("inventory.pick.count.invalid"));
    }
}
