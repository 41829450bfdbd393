package org.openmilkbank.dispensing.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.dispensing.orders.Allocator.Candidate;
import org.openmilkbank.dispensing.orders.Allocator.Need;
import org.openmilkbank.inventory.EnergyClass;

class FirstToExpireAllocatorTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 1);
    static final UUID POOL_A = new UUID(0, 0xA);
    static final UUID POOL_B = new UUID(0, 0xB);
    static final UUID POOL_C = new UUID(0, 0xC);
    final Allocator allocator = new FirstToExpireAllocator();

    static Candidate bottle(String din, UUID pool, int ml, int expiresInDays, EnergyClass energy) {
        return new Candidate(UUID.randomUUID(), din, pool, ml, DAY.plusDays(expiresInDays), energy);
    }

    static Need need(int ml) {
        return new Need(ml, null, true, Set.of());
    }

    static List<String> dins(List<Candidate> chosen) {
        return chosen.stream().map(Candidate::din).toList();
    }

    @Test
    void takesTheFirstToExpireFirst() {
        var later = bottle("B1", POOL_A, 100, 9, EnergyClass.NORMOCALORIC);
        var sooner = bottle("B2", POOL_B, 100, 3, EnergyClass.NORMOCALORIC);
        assertThat(dins(allocator.propose(need(100), List.of(later, sooner)))).containsExactly("B2");
    }

    @Test
    void takesBottlesUntilTheVolumeIsCovered() {
        var stock = List.of(
                bottle("B1", POOL_A, 100, 1, EnergyClass.NORMOCALORIC),
                bottle("B2", POOL_A, 100, 2, EnergyClass.NORMOCALORIC),
                bottle("B3", POOL_A, 100, 3, EnergyClass.NORMOCALORIC));
        assertThat(dins(allocator.propose(need(150), stock))).containsExactly("B1", "B2");
    }

    @Test
    void proposesWhatThereIsWhenStockIsShort() {
        var stock = List.of(bottle("B1", POOL_A, 100, 1, EnergyClass.NORMOCALORIC));
        assertThat(dins(allocator.propose(need(500), stock))).containsExactly("B1");
    }

    @Test
    void neverProposesAnalysedMilkOfAnotherBandOutsideShortage() {
        var rich = bottle("B1", POOL_A, 100, 1, EnergyClass.HYPERCALORIC);
        var normal = bottle("B2", POOL_B, 100, 5, EnergyClass.NORMOCALORIC);
        var unknown = bottle("B3", POOL_C, 100, 6, EnergyClass.NOT_ANALYSED);
        var chosen = allocator.propose(
                new Need(300, EnergyClass.NORMOCALORIC, true, Set.of()), List.of(rich, normal, unknown));
        assertThat(dins(chosen)).containsExactly("B2", "B3");
    }

    @Test
    void inShortageMilkOfAnotherBandComesAfterEveryMatch() {
        var rich = bottle("B1", POOL_A, 100, 1, EnergyClass.HYPERCALORIC);
        var normal = bottle("B2", POOL_B, 100, 5, EnergyClass.NORMOCALORIC);
        var chosen = allocator.propose(new Need(200, EnergyClass.NORMOCALORIC, false, Set.of()), List.of(rich, normal));
        assertThat(dins(chosen)).containsExactly("B2", "B1");
    }

    @Test
    void amongBottlesExpiringTheSameDayPrefersAPoolSheAlreadyHad() {
        var newPool = bottle("B1", POOL_A, 100, 2, EnergyClass.NORMOCALORIC);
        var hadPool = bottle("B9", POOL_B, 100, 2, EnergyClass.NORMOCALORIC);
        var chosen = allocator.propose(new Need(100, null, true, Set.of(POOL_B)), List.of(newPool, hadPool));
        assertThat(dins(chosen)).containsExactly("B9");
    }

    @Test
    void keepsToOnePoolAmongBottlesExpiringTheSameDay() {
        var stock = List.of(
                bottle("A1", POOL_A, 100, 2, EnergyClass.NORMOCALORIC),
                bottle("B1", POOL_B, 100, 2, EnergyClass.NORMOCALORIC),
                bottle("B2", POOL_B, 100, 2, EnergyClass.NORMOCALORIC),
                bottle("A2", POOL_A, 100, 2, EnergyClass.NORMOCALORIC));
        var chosen = allocator.propose(need(200), stock);
        assertThat(chosen).extracting(Candidate::poolId).containsOnly(POOL_A);
    }

    @Test
    void aPoolSheHadNeverBeatsMilkThatExpiresSooner() {
        var sooner = bottle("B1", POOL_A, 100, 1, EnergyClass.NORMOCALORIC);
        var hadPool = bottle("B2", POOL_B, 100, 4, EnergyClass.NORMOCALORIC);
        var chosen = allocator.propose(new Need(100, null, true, Set.of(POOL_B)), List.of(hadPool, sooner));
        assertThat(dins(chosen)).containsExactly("B1");
    }

    @Test
    void prefersAnalysedMilkOfTheBandToMilkWithoutAnEnergyTheSameDay() {
        var unknown = bottle("B1", POOL_A, 100, 2, EnergyClass.NOT_ANALYSED);
        var match = bottle("B2", POOL_B, 100, 2, EnergyClass.HYPERCALORIC);
        var chosen =
                allocator.propose(new Need(100, EnergyClass.HYPERCALORIC, true, Set.of()), List.of(unknown, match));
        assertThat(dins(chosen)).containsExactly("B2");
    }
}
