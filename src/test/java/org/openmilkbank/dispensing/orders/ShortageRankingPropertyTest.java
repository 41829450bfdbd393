package org.openmilkbank.dispensing.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.openmilkbank.inventory.EnergyClass;

/** In shortage no lower-priority infant receives milk while a higher-priority one's order is short. */
class ShortageRankingPropertyTest {

    static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");

    @Provide
    Arbitrary<Ranking.Claim> claims() {
        return Combinators.combine(
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(300, 6000),
                        Arbitraries.integers().between(22 * 7, 44 * 7),
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(1, 600))
                .as((candidate, risks, grams, days, minutes, ml) -> new Ranking.Claim(
                        UUID.randomUUID(), candidate, risks, grams, days, NOW.plusSeconds(minutes * 60L), ml));
    }

    @Property
    void noLowerPriorityInfantGetsMilkWhileAHigherOneIsShort(
            @ForAll @Size(max = 12) List<Ranking.@From("claims") Claim> claims,
            @ForAll @IntRange(min = 0, max = 5000) int stockMl) {
        List<Ranking.Share> plan = Ranking.plan(claims, stockMl);
        for (int i = 0; i < plan.size(); i++) {
            for (int j = i + 1; j < plan.size(); j++) {
                if (plan.get(i).shortMl() > 0) {
                    assertThat(plan.get(j).givenMl()).isZero();
                }
            }
            assertThat(plan.get(i).givenMl() + plan.get(i).shortMl())
                    .isEqualTo(plan.get(i).claim().neededMl());
        }
        assertThat(plan.stream().mapToLong(Ranking.Share::givenMl).sum()).isLessThanOrEqualTo(stockMl);
    }

    @Provide
    Arbitrary<Allocator.Candidate> bottles() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.of(EnergyClass.values()),
                        Arbitraries.integers().between(20, 200),
                        Arbitraries.integers().between(0, 30))
                .as((pool, energy, ml, days) -> new Allocator.Candidate(
                        UUID.randomUUID(),
                        UUID.randomUUID().toString(),
                        new UUID(0, pool),
                        ml,
                        LocalDate.of(2026, 4, 1).plusDays(days),
                        energy));
    }

    /** The bank's real allocation in shortage: orders in rank order, bands only preferred, bottles not split. */
    @Property
    void inShortageNoLowerRankedOrderIsProposedABottleWhileAHigherOneIsShort(
            @ForAll @Size(max = 8) List<Ranking.@From("claims") Claim> claims,
            @ForAll @Size(max = 20) List<Allocator.@From("bottles") Candidate> stock,
            @ForAll @IntRange(min = 0, max = 2) int bandIndex) {
        EnergyClass band = List.of(EnergyClass.HYPOCALORIC, EnergyClass.NORMOCALORIC, EnergyClass.HYPERCALORIC)
                .get(bandIndex);
        Map<UUID, Allocator.Need> needs = new HashMap<>();
        for (Ranking.Claim c : claims) {
            needs.put(c.orderId(), new Allocator.Need(c.neededMl(), band, false, Set.of()));
        }
        List<UUID> ranked =
                Ranking.ranked(claims).stream().map(Ranking.Claim::orderId).toList();
        var proposals = AllocationPlan.propose(ranked, needs, stock, new FirstToExpireAllocator());
        List<Long> given = new ArrayList<>();
        for (UUID order : ranked) {
            given.add(proposals.get(order).stream()
                    .mapToLong(Allocator.Candidate::volumeMl)
                    .sum());
        }
        for (int i = 0; i < ranked.size(); i++) {
            boolean shortOrder = given.get(i) < needs.get(ranked.get(i)).volumeMl();
            for (int j = i + 1; j < ranked.size() && shortOrder; j++) {
                assertThat(given.get(j))
                        .as("order ranked " + (j + 1) + " after a short one")
                        .isZero();
            }
        }
    }

    @Test
    void smallestAndSickestComeFirst() {
        var heavyNoRisk = new Ranking.Claim(UUID.randomUUID(), true, 0, 1400, 30 * 7, NOW, 100);
        var lightNoRisk = new Ranking.Claim(UUID.randomUUID(), true, 0, 900, 30 * 7, NOW, 100);
        var sick = new Ranking.Claim(UUID.randomUUID(), true, 2, 1450, 31 * 7, NOW, 100);
        var notCandidate = new Ranking.Claim(UUID.randomUUID(), false, 0, 600, 25 * 7, NOW, 100);
        assertThat(Ranking.ranked(List.of(notCandidate, heavyNoRisk, lightNoRisk, sick)))
                .containsExactly(sick, lightNoRisk, heavyNoRisk, notCandidate);
    }

    @Test
    void showsWhoGoesShortAndByHowMuch() {
        var first = new Ranking.Claim(UUID.randomUUID(), true, 1, 900, 28 * 7, NOW, 200);
        var second = new Ranking.Claim(UUID.randomUUID(), true, 0, 1200, 30 * 7, NOW, 200);
        var plan = Ranking.plan(List.of(second, first), 300);
        assertThat(plan).extracting(Ranking.Share::shortMl).containsExactly(0L, 100L);
        assertThat(plan).extracting(Ranking.Share::givenMl).containsExactly(200L, 100L);
    }
}
