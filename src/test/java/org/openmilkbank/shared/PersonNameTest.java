package org.openmilkbank.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    void familyFirstWritesTheFamilyNameThenTheGivenNames() {
        assertThat(PersonName.of("Thị Thu", "Nguyễn", NameOrder.FAMILY_FIRST)).isEqualTo("Nguyễn Thị Thu");
    }

    @Test
    void givenFirstWritesTheGivenNamesThenTheFamilyName() {
        assertThat(PersonName.of("Thị Thu", "Nguyễn", NameOrder.GIVEN_FIRST)).isEqualTo("Thị Thu Nguyễn");
    }

    @Test
    void neverSeparatesTheNamesWithAComma() {
        for (NameOrder order : NameOrder.values()) {
            assertThat(PersonName.of("Binh", "Tran", order)).doesNotContain(",");
        }
    }

    @Test
    void leavesOutAMissingOrBlankPartAndStripsSpaces() {
        assertThat(PersonName.of(null, "Nguyễn", NameOrder.FAMILY_FIRST)).isEqualTo("Nguyễn");
        assertThat(PersonName.of("  ", " Nguyễn ", NameOrder.GIVEN_FIRST)).isEqualTo("Nguyễn");
        assertThat(PersonName.of(" Lan ", null, NameOrder.FAMILY_FIRST)).isEqualTo("Lan");
        assertThat(PersonName.of(null, null, NameOrder.GIVEN_FIRST)).isNull();
    }

    @Test
    void sortsByFamilyNameThenGivenNameWhateverTheDisplayOrder() {
        List<PersonName> sorted = Stream.of(
                        new PersonName("An", "Trần"), new PersonName("Thu", "Lê"), new PersonName("Binh", "Lê"))
                .sorted(PersonName.BY_FAMILY)
                .toList();
        assertThat(sorted)
                .extracting(n -> n.shown(NameOrder.GIVEN_FIRST))
                .containsExactly("Binh Lê", "Thu Lê", "An Trần");
    }
}
