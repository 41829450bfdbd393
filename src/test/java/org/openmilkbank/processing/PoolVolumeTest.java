package org.openmilkbank.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.RuleViolation;

/** A pool's volume account: runs take parts of what is left, a failed run's milk stays, a discard needs a reason. */
class PoolVolumeTest {

    static final Instant AT = Instant.parse("2026-03-10T12:00:00Z");

    static PoolVolume.Movement m(VolumeMovementKind kind, int ml) {
        return new PoolVolume.Movement(
                kind, ml, UUID.randomUUID(), "A000126000001-R1", null, null, null, null, AT, "t");
    }

    @Test
    void twoRunsOfTwoSizesAndASampleLeaveTheRestForTheNextRun() {
        PoolVolume account = PoolVolume.of(
                2_500,
                List.of(
                        m(VolumeMovementKind.BOTTLED, 20 * 50),
                        m(VolumeMovementKind.BOTTLED, 10 * 100),
                        m(VolumeMovementKind.SAMPLED, 20)));
        assertThat(account.bottledMl()).isEqualTo(2_000);
        assertThat(account.sampledMl()).isEqualTo(20);
        assertThat(account.leftMl()).isEqualTo(480);
    }

    @Test
    void aFailedRunsMilkStaysInThePool() {
        PoolVolume account = PoolVolume.of(1_000, List.of(m(VolumeMovementKind.RETURNED, 800)));
        assertThat(account.leftMl()).isEqualTo(1_000);
        assertThat(account.returnedMl()).isEqualTo(800);
        assertThat(account.anyBottled()).isFalse();
    }

    @Test
    void refusesTakingMoreThanIsLeftNamingTheNumbers() {
        PoolVolume account = PoolVolume.of(1_000, List.of(m(VolumeMovementKind.BOTTLED, 900)));
        assertThatThrownBy(() -> account.checkCanTake(200, "A000126000001 X"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("processing.volume.moreThanLeft");
                    assertThat(e.args()).containsExactly(200, 100, 1_000, "A000126000001 X");
                });
        assertThatThrownBy(() -> account.with(m(VolumeMovementKind.DISCARDED, 101)))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void showsARunsCodeWithItsPoolsCheckCharacter() {
        assertThat(m(VolumeMovementKind.BOTTLED, 1).runCodeWithCheck())
                .isEqualTo(org.openmilkbank.shared.Din.parse("A000126000001").withCheck() + "-R1");
    }
}
