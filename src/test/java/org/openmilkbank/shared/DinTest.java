package org.openmilkbank.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DinTest {

    @Test
    void computesTheStandardsAnnexExampleCheckCharacter() {
        assertThat(Din.checkCharacter("G123498654321")).isEqualTo('H');
    }

    @Test
    void buildsFacilityYearAndSequence() {
        Din din = Din.of("A0001", 2026, 42);
        assertThat(din.value()).isEqualTo("A000126000042");
        assertThat(din.withCheck()).hasSize(14).startsWith("A000126000042");
    }

    @Test
    void parsesPlainWithCheckAndIsbtDataStructure() {
        assertThat(Din.parse("G123498654321").value()).isEqualTo("G123498654321");
        assertThat(Din.parse(" g123498654321h ").value()).isEqualTo("G123498654321");
        assertThat(Din.parse("=G12349865432100").value()).isEqualTo("G123498654321");
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertThatThrownBy(() -> Din.parse("G123498654321J"))
                .isInstanceOf(InvalidDinException.class)
                .hasMessageContaining("din.invalid.check");
    }

    @Test
    void refusesMalformedCodes() {
        assertThatThrownBy(() -> Din.parse("")).hasMessageContaining("din.invalid.empty");
        assertThatThrownBy(() -> Din.parse("G1234")).hasMessageContaining("din.invalid.length");
        assertThatThrownBy(() -> Din.parse("G1234986543X1")).hasMessageContaining("din.invalid.characters");
        assertThatThrownBy(() -> Din.of("G12", 26, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Din.of("G1234", 26, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
