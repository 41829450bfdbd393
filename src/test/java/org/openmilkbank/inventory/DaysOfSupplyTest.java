package org.openmilkbank.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DaysOfSupplyTest {

    @Test
    void dividesTheStockByTheMeanDailyUse() {
        // 3,000 mL dispensed over 30 days is 100 mL a day; 1,250 mL lasts 12.5 days
        DaysOfSupply d = new DaysOfSupply(1250, 3000, 30);
        assertThat(d.meanDailyMl()).isEqualByComparingTo("100.0");
        assertThat(d.supplyDays()).isEqualByComparingTo("12.5");
    }

    @Test
    void worksFromTheExactNumbersNotTheRoundedMean() {
        // 100 mL over 3 days is 33.33… a day; 1,000 mL lasts 30.0 days (not 1000 / 33.3 = 30.03)
        DaysOfSupply d = new DaysOfSupply(1000, 100, 3);
        assertThat(d.meanDailyMl()).isEqualByComparingTo("33.3");
        assertThat(d.supplyDays()).isEqualByComparingTo("30.0");
    }

    @Test
    void hasNoNumberWithoutUse() {
        DaysOfSupply d = new DaysOfSupply(5000, 0, 30);
        assertThat(d.supplyDays()).isNull();
        assertThat(d.meanDailyMl()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void noStockIsNoDays() {
        assertThat(new DaysOfSupply(0, 600, 30).supplyDays()).isEqualByComparingTo("0.0");
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThatThrownBy(() -> new DaysOfSupply(100, 100, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
