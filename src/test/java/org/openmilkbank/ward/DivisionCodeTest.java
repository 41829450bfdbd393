package org.openmilkbank.ward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.Din;

class DivisionCodeTest {

    @Test
    void dividesABottleIntoA0ToZ0() {
        assertThat(DivisionCode.nth(0).value()).isEqualTo("A0");
        assertThat(DivisionCode.nth(1).value()).isEqualTo("B0");
        assertThat(DivisionCode.nth(25).value()).isEqualTo("Z0");
        assertThatThrownBy(() -> DivisionCode.nth(26)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesASyringeByItsBottlesDinAndItsDivision() {
        Din din = Din.parse("A000126000001");
        assertThat(DivisionCode.nth(1).codeOf(din)).isEqualTo("A000126000001-B0");
        assertThat(DivisionCode.nth(1).shownOf(din)).isEqualTo(din.withCheck() + " B0");
    }

    @Test
    void readsAScannedSyringeCodeWithOrWithoutTheCheckCharacter() {
        Din din = Din.parse("A000126000001");
        assertThat(WardPreparations.storedCode("A000126000001-A0")).contains("A000126000001-A0");
        assertThat(WardPreparations.storedCode(din.withCheck().replace(" ", "") + "-A0"))
                .contains("A000126000001-A0");
        assertThat(WardPreparations.storedCode("A000126000001")).isEmpty();
        assertThat(WardPreparations.storedCode("A000126000001-zz")).isEmpty();
    }
}
