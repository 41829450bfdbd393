package org.openmilkbank.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.labeling.Nutrients;

/** A bottle prints the pool's analyser result where there is one, its containers' crematocrit otherwise. */
class LabelNutrientsTest {

    private static final UUID POOL = UUID.randomUUID();
    private static final List<PoolNutrition.Portion> PORTIONS =
            List.of(new PoolNutrition.Portion(UUID.randomUUID(), 100));
    private static final Nutrients NOTHING = new Nutrients(null, null, null, null);

    private static LabelNutrients with(Nutrients crematocrit, Nutrients analyser) {
        RawMilkQuality quality = new RawMilkQuality() {
            @Override
            public Optional<QualityView> ofContainer(UUID containerId) {
                return Optional.empty();
            }

            @Override
            public PoolNutrition poolNutrition(List<PoolNutrition.Portion> portions) {
                return PoolNutrition.NONE;
            }

            @Override
            public Nutrients labelNutrients(List<PoolNutrition.Portion> portions) {
                return crematocrit;
            }
        };
        return new LabelNutrients(quality, unit -> unit.equals(POOL) ? analyser : NOTHING);
    }

    @Test
    void thePoolsAnalyserResultBeatsTheEstimateAndTheEstimateFillsWhatItLacks() {
        Nutrients label = with(
                        new Nutrients(65, null, new BigDecimal("3.1"), null),
                        new Nutrients(null, new BigDecimal("1.1"), new BigDecimal("3.4"), new BigDecimal("7.2")))
                .ofPool(POOL, PORTIONS);

        assertThat(label)
                .isEqualTo(new Nutrients(65, new BigDecimal("1.1"), new BigDecimal("3.4"), new BigDecimal("7.2")));
    }

    @Test
    void withoutAnAnalyserResultTheContainersCrematocritIsPrinted() {
        Nutrients crematocrit = new Nutrients(65, null, new BigDecimal("3.1"), null);

        assertThat(with(crematocrit, NOTHING).ofPool(POOL, PORTIONS)).isEqualTo(crematocrit);
    }

    @Test
    void nothingMeasuredPrintsNothing() {
        assertThat(with(null, NOTHING).ofPool(POOL, PORTIONS)).isNull();
        assertThat(with(null, new Nutrients(70, null, null, null)).ofPool(null, PORTIONS))
                .isNull();
    }
}
