package org.openmilkbank.lab.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.openmilkbank.lab.CaloricClass;
import org.openmilkbank.standards.CrematocritFormula;

class RawMilkQualityPropertyTest {

    @Property
    void dornicPassesExactlyWhenTheMeanIsUnderTheLimit(
            @ForAll @IntRange(min = 1, max = 999) int a,
            @ForAll @IntRange(min = 1, max = 999) int b,
            @ForAll @IntRange(min = 1, max = 999) int c,
            @ForAll @IntRange(min = 1, max = 30) int limitDegrees) {
        // titrations in thousandths of a mL: 0.001 … 0.999 mL
        Dornic d = new Dornic(BigDecimal.valueOf(a, 3), BigDecimal.valueOf(b, 3), BigDecimal.valueOf(c, 3));
        // mean °D = (a+b+c)/30; under the limit ⇔ a+b+c < 30·limit
        boolean under = a + b + c < 30 * limitDegrees;
        assertThat(d.passes(Optional.of(BigDecimal.valueOf(limitDegrees)))).contains(under);
    }

    @Property
    void theBrazilianLimitOfEightDegreesFailsEveryMeanAtOrOverIt(@ForAll @IntRange(min = 80, max = 99) int hundredths) {
        BigDecimal ml = BigDecimal.valueOf(hundredths, 3).multiply(BigDecimal.TEN); // 0.080 … 0.099 mL
        Dornic d = new Dornic(ml, ml, ml);
        assertThat(d.passes(Optional.of(new BigDecimal("8")))).contains(false);
    }

    @Property
    void moreCreamNeverMeansLessEnergy(
            @ForAll @BigRange(min = "0", max = "30") @Scale(2) BigDecimal cream,
            @ForAll @BigRange(min = "0", max = "5") @Scale(2) BigDecimal more,
            @ForAll CrematocritFormula formula) {
        BigDecimal total = new BigDecimal("50");
        Crematocrit less = new Crematocrit(cream, total);
        Crematocrit richer = new Crematocrit(cream.add(more).min(total), total);
        assertThat(richer.exactKcalPerL(formula)).isGreaterThanOrEqualTo(less.exactKcalPerL(formula));
    }

    @Property
    void everyEnergyFallsInExactlyTheClassItsBoundsSay(
            @ForAll @BigRange(min = "300", max = "1000") @Scale(1) BigDecimal kcalPerL,
            @ForAll @IntRange(min = 400, max = 650) int below,
            @ForAll @IntRange(min = 650, max = 900) int above) {
        CaloricClass c = CaloricClass.of(kcalPerL, below, above);
        if (kcalPerL.compareTo(BigDecimal.valueOf(below)) < 0) {
            assertThat(c).isEqualTo(CaloricClass.HYPOCALORIC);
        } else if (kcalPerL.compareTo(BigDecimal.valueOf(above)) > 0) {
            assertThat(c).isEqualTo(CaloricClass.HYPERCALORIC);
        } else {
            assertThat(c).isEqualTo(CaloricClass.NORMOCALORIC);
        }
    }

    @Property
    void brazilsBoundsAreNormocaloric(@ForAll("bounds") int bound) {
        assertThat(CaloricClass.of(BigDecimal.valueOf(bound), 580, 711)).isEqualTo(CaloricClass.NORMOCALORIC);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> bounds() {
        return net.jqwik.api.Arbitraries.of(580, 711);
    }
}
