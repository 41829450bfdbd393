package org.openmilkbank.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.openmilkbank.shared.RuleViolation;

/** Whatever movements are tried, a pool's account always adds up to what was pooled and no part goes negative. */
class PoolVolumePropertyTest {

    static final Instant AT = Instant.parse("2026-03-10T12:00:00Z");

    @Property
    void thePartsAlwaysSumToThePooledVolumeAndNoneIsNegative(
            @ForAll @IntRange(min = 1, max = 20_000) int pooledMl,
            @ForAll("movements") List<PoolVolume.Movement> tried) {
        PoolVolume account = PoolVolume.of(pooledMl, List.of());
        for (PoolVolume.Movement m : tried) {
            PoolVolume before = account;
            try {
                account = account.with(m);
            } catch (RuleViolation refused) {
                // a refused movement changes nothing
                assertThat(account).isEqualTo(before);
                assertThat(m.volumeMl() <= 0 || m.volumeMl() > before.leftMl()).isTrue();
            }
            assertThat(account.bottledMl() + account.sampledMl() + account.discardedMl() + account.leftMl())
                    .isEqualTo(pooledMl);
            assertThat(account.leftMl()).isNotNegative();
            assertThat(account.bottledMl()).isNotNegative();
            assertThat(account.sampledMl()).isNotNegative();
            assertThat(account.discardedMl()).isNotNegative();
        }
    }

    @Property
    void aRunThatAsksForMoreThanIsLeftIsRefusedAndNamesTheNumbers(
            @ForAll @IntRange(min = 1, max = 5_000) int pooledMl, @ForAll @IntRange(min = 1, max = 5_000) int askedMl) {
        PoolVolume account = PoolVolume.of(pooledMl, List.of());
        try {
            account.checkCanTake(askedMl, "A000126000001 X");
            assertThat(askedMl).isLessThanOrEqualTo(pooledMl);
        } catch (RuleViolation refused) {
            assertThat(askedMl).isGreaterThan(pooledMl);
            assertThat(refused.code()).isEqualTo("processing.volume.moreThanLeft");
        }
    }

    @Provide
    Arbitrary<List<PoolVolume.Movement>> movements() {
        Arbitrary<PoolVolume.Movement> one = Combinators.combine(
                        Arbitraries.of(VolumeMovementKind.values()),
                        Arbitraries.integers().between(-10, 8_000))
                .as((kind, ml) -> new PoolVolume.Movement(
                        kind,
                        ml,
                        UUID.randomUUID(),
                        "A000126000001-R1",
                        kind == VolumeMovementKind.BOTTLED ? 1 : null,
                        kind == VolumeMovementKind.BOTTLED ? ml : null,
                        kind == VolumeMovementKind.DISCARDED ? RemainderReason.SPILLED : null,
                        null,
                        AT,
                        "tech"));
        return one.list().ofMaxSize(30);
    }
}
