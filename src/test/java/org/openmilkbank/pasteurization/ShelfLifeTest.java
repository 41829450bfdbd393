package org.openmilkbank.pasteurization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openmilkbank.processing.TestProfiles;

class ShelfLifeTest {

    static final LocalDate EXPRESSED = LocalDate.of(2026, 1, 31);
    static final LocalDate PASTEURISED = LocalDate.of(2026, 3, 10);

    @Test
    void niceCountsSixMonthsFromTheEarliestExpression() {
        assertThat(ShelfLife.expiresOn(EXPRESSED, PASTEURISED, TestProfiles.nice()))
                .isEqualTo(LocalDate.of(2026, 7, 31));
    }

    @Test
    void hmbanaCountsTwelveMonthsFromTheEarliestExpression() {
        assertThat(ShelfLife.expiresOn(EXPRESSED, PASTEURISED, TestProfiles.hmbana()))
                .isEqualTo(LocalDate.of(2027, 1, 31));
    }

    @Test
    void aPasteurisationProfileCountsFromTheDayOfPasteurisation() {
        assertThat(ShelfLife.expiresOn(EXPRESSED, PASTEURISED, TestProfiles.fromPasteurisation()))
                .isEqualTo(LocalDate.of(2026, 9, 10));
    }
}
