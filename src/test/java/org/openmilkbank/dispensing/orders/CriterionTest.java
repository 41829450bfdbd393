package org.openmilkbank.dispensing.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.dispensing.InfantView;

class CriterionTest {

    static InfantView infant(int weeks, int grams, boolean nec, boolean gut, boolean heart) {
        return new InfantView(
                UUID.randomUUID(),
                "H-1",
                "Nguyen",
                "An",
                LocalDate.of(2026, 3, 1),
                weeks,
                0,
                grams,
                "NICU",
                true,
                LocalDate.of(2026, 3, 1),
                "nurse",
                Instant.EPOCH,
                "nurse",
                false,
                "Nguyen An",
                nec,
                gut,
                heart);
    }

    @Test
    void aTermInfantOfNormalWeightWithoutRisksMeetsNoCriterion() {
        assertThat(Criterion.anyMet(Criterion.of(infant(38, 3200, false, false, false), 32, 1500)))
                .isFalse();
    }

    @Test
    void thresholdsComeFromTheProfile() {
        var infant = infant(33, 1600, false, false, false);
        assertThat(Criterion.anyMet(Criterion.of(infant, 32, 1500))).isFalse();
        assertThat(Criterion.of(infant, 34, 1500))
                .filteredOn(Criterion::met)
                .extracting(Criterion::code)
                .containsExactly("weeks");
        assertThat(Criterion.of(infant, 32, 1700))
                .filteredOn(Criterion::met)
                .extracting(Criterion::code)
                .containsExactly("grams");
    }

    @Test
    void eachRiskIsACriterion() {
        assertThat(Criterion.of(infant(38, 3200, true, true, true), 32, 1500))
                .filteredOn(Criterion::met)
                .extracting(Criterion::code)
                .containsExactly("nec", "gut", "heart");
    }
}
