package org.openmilkbank.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;

class PlaceRulesTest {

    @Test
    void aQuarantineBoxIsNotPutInAReleasedShelf() {
        assertThatThrownBy(() -> PlaceRules.requireFits(
                        PlaceLevel.BOX,
                        PlacePurpose.QUARANTINE,
                        PlaceLevel.SHELF,
                        PlacePurpose.RELEASED,
                        false,
                        "R-S1"))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> {
                    RuleViolation v = (RuleViolation) e;
                    assertThat(v.code()).isEqualTo("storage.place.purposeMismatch");
                    assertThat(v.args())
                            .containsExactly(
                                    Said.label(PlacePurpose.QUARANTINE), "R-S1", Said.label(PlacePurpose.RELEASED));
                });
    }

    @Test
    void aBoxOfTheShelfsPurposeFitsInIt() {
        assertThatCode(() -> PlaceRules.requireFits(
                        PlaceLevel.BOX, PlacePurpose.RELEASED, PlaceLevel.SHELF, PlacePurpose.RELEASED, false, "R-S1"))
                .doesNotThrowAnyException();
    }

    @Test
    void levelsNestUnitShelfBoxPosition() {
        assertThat(PlaceLevel.SHELF.mayBeInside(PlaceLevel.UNIT)).isTrue();
        assertThat(PlaceLevel.BOX.mayBeInside(PlaceLevel.SHELF)).isTrue();
        assertThat(PlaceLevel.BOX.mayBeInside(PlaceLevel.UNIT)).isTrue();
        assertThat(PlaceLevel.POSITION.mayBeInside(PlaceLevel.BOX)).isTrue();
        assertThat(PlaceLevel.POSITION.mayBeInside(PlaceLevel.SHELF)).isFalse();
        assertThat(PlaceLevel.SHELF.mayBeInside(PlaceLevel.BOX)).isFalse();
        for (PlaceLevel parent : PlaceLevel.values()) {
            assertThat(PlaceLevel.UNIT.mayBeInside(parent)).isFalse();
        }
    }

    @Test
    void refusesAShelfInsideABox() {
        assertThatThrownBy(() -> PlaceRules.requireFits(
                        PlaceLevel.SHELF, PlacePurpose.RAW, PlaceLevel.BOX, PlacePurpose.RAW, false, "B-1"))
                .hasMessageContaining("storage.place.wrongLevel");
    }

    @Test
    void refusesAPlaceInsideARetiredOne() {
        assertThatThrownBy(() -> PlaceRules.requireFits(
                        PlaceLevel.BOX, PlacePurpose.RAW, PlaceLevel.SHELF, PlacePurpose.RAW, true, "S-OLD"))
                .hasMessageContaining("storage.place.parentRetired");
    }

    @Test
    void theMilksStepOnThePathSaysWhichPlaceItNeeds() {
        assertThat(PlaceRules.purposeNeeded("C", "CONTAINER", "RAW_FROZEN")).isEqualTo(PlacePurpose.RAW);
        assertThat(PlaceRules.purposeNeeded("B", "BOTTLE", "QUARANTINE")).isEqualTo(PlacePurpose.QUARANTINE);
        assertThat(PlaceRules.purposeNeeded("B", "BOTTLE", "RELEASED")).isEqualTo(PlacePurpose.RELEASED);
    }

    @Test
    void milkThatLeftTheShelvesCannotBePutAway() {
        for (String[] gone : new String[][] {
            {"BOTTLE", "DISPENSED"},
            {"BOTTLE", "DISCARDED"},
            {"CONTAINER", "POOLED"},
            {"CONTAINER", "DISCARDED"},
            {"POOL", null},
            {"RUN", null}
        }) {
            assertThatThrownBy(() -> PlaceRules.purposeNeeded("X", gone[0], gone[1]))
                    .as("%s %s", gone[0], gone[1])
                    .isInstanceOf(RuleViolation.class)
                    .hasMessageContaining("storage.putAway.notStorable");
        }
    }

    @Test
    void aPlaceOfTheWrongPurposeIsRefusedNamingBothPurposes() {
        assertThatThrownBy(
                        () -> PlaceRules.requirePurpose("B1", PlacePurpose.RELEASED, "Q-B1", PlacePurpose.QUARANTINE))
                .satisfies(e -> assertThat(((RuleViolation) e).args())
                        .containsExactly(
                                "B1", Said.label(PlacePurpose.RELEASED), "Q-B1", Said.label(PlacePurpose.QUARANTINE)));
        assertThatCode(() -> PlaceRules.requirePurpose("B1", PlacePurpose.RELEASED, "R-B1", PlacePurpose.RELEASED))
                .doesNotThrowAnyException();
    }

    @Test
    void aFullPlaceIsRefusedAndOneWithoutCapacityNever() {
        assertThatThrownBy(() -> PlaceRules.requireRoom("P1", 1, 1)).hasMessageContaining("storage.putAway.full");
        assertThatThrownBy(() -> PlaceRules.requireRoom("B1", 10, 10)).hasMessageContaining("storage.putAway.full");
        assertThatCode(() -> PlaceRules.requireRoom("B1", 10, 9)).doesNotThrowAnyException();
        assertThatCode(() -> PlaceRules.requireRoom("S1", null, 10_000)).doesNotThrowAnyException();
    }
}
