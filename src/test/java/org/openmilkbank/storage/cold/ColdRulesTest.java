package org.openmilkbank.storage.cold;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ColdRulesTest {

    @Test
    void rulesRisingFromAlarmToHoldToDiscardAreInOrder() {
        assertThat(new ColdRules(new BigDecimal("-15"), new BigDecimal("-12"), 60, new BigDecimal("-5")).inOrder())
                .isTrue();
    }

    @Test
    void aHoldColderThanTheAlarmOrADiscardColderThanTheHoldIsOutOfOrder() {
        assertThat(new ColdRules(new BigDecimal("-10"), new BigDecimal("-12"), 60, new BigDecimal("-5")).inOrder())
                .isFalse();
        assertThat(new ColdRules(new BigDecimal("-15"), new BigDecimal("-5"), 60, new BigDecimal("-8")).inOrder())
                .isFalse();
    }
}
