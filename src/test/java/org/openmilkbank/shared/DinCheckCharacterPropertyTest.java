package org.openmilkbank.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DinCheckCharacterPropertyTest {

    @Property
    void everyIssuedDinParsesBackWithItsCheckCharacter(
            @ForAll("facilities") String facility,
            @ForAll @IntRange(min = 0, max = 99) int year,
            @ForAll @IntRange(min = 1, max = 999_999) int sequence) {
        Din din = Din.of(facility, year, sequence);
        assertThat(Din.parse(din.withCheck())).isEqualTo(din);
    }

    @Property
    void anySingleWrongCharacterIsDetected(
            @ForAll("facilities") String facility,
            @ForAll @IntRange(min = 1, max = 999_999) int sequence,
            @ForAll @IntRange(min = 0, max = 13) int position,
            @ForAll @IntRange(min = 1, max = 35) int shift) {
        String code = Din.of(facility, 26, sequence).withCheck();
        char original = code.charAt(position);
        String alphabet =
                position < 5 ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : position < 13 ? "0123456789" : Din.ALPHABET;
        char replacement = alphabet.charAt((alphabet.indexOf(original) + shift) % alphabet.length());
        Assume.that(replacement != original);
        String typo = code.substring(0, position) + replacement + code.substring(position + 1);
        assertThatThrownBy(() -> Din.parse(typo)).isInstanceOf(InvalidDinException.class);
    }

    @Provide
    Arbitrary<String> facilities() {
        return Arbitraries.strings()
                .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                .ofLength(5);
    }
}
