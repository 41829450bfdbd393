package org.openmilkbank.storage.cold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExcursionWindowTest {

    static final Instant T0 = Instant.parse("2026-03-04T08:00:00Z");
    static final Instant FROM = T0.plusSeconds(3600);
    static final Instant TO = T0.plusSeconds(3 * 3600);

    final UUID a = UUID.randomUUID();

    @Test
    void aUnitInsideTheWholeWindowIsInsideFromItsStartAndStillInsideAtItsEnd() {
        List<ExcursionWindow.Inside> inside =
                ExcursionWindow.inside(List.of(new ExcursionWindow.Stay(a, T0, null)), FROM, TO);
        assertThat(inside).containsExactly(new ExcursionWindow.Inside(a, FROM, null));
    }

    @Test
    void aUnitMovedInDuringTheWindowIsInsideOnlyFromWhenItCameIn() {
        Instant in = FROM.plusSeconds(600);
        assertThat(ExcursionWindow.inside(List.of(new ExcursionWindow.Stay(a, in, null)), FROM, TO))
                .containsExactly(new ExcursionWindow.Inside(a, in, null));
    }

    @Test
    void aUnitMovedOutDuringTheWindowIsInsideOnlyUntilItLeft() {
        Instant out = FROM.plusSeconds(600);
        assertThat(ExcursionWindow.inside(List.of(new ExcursionWindow.Stay(a, T0, out)), FROM, TO))
                .containsExactly(new ExcursionWindow.Inside(a, FROM, out));
    }

    @Test
    void aUnitMovedOutBeforeTheWindowIsNotInside() {
        assertThat(ExcursionWindow.inside(List.of(new ExcursionWindow.Stay(a, T0, FROM.minusSeconds(1))), FROM, TO))
                .isEmpty();
    }

    @Test
    void aUnitMovedOutAtTheVeryStartOfTheWindowIsNotInside() {
        assertThat(ExcursionWindow.inside(List.of(new ExcursionWindow.Stay(a, T0, FROM)), FROM, TO))
                .isEmpty();
    }

    @Test
    void aUnitMovedInAfterTheWindowIsNotInside() {
        assertThat(ExcursionWindow.inside(List.of(new ExcursionWindow.Stay(a, TO.plusSeconds(1), null)), FROM, TO))
                .isEmpty();
        assertThat(ExcursionWindow.inside(List.of(new ExcursionWindow.Stay(a, TO, null)), FROM, TO))
                .isEmpty();
    }

    @Test
    void aUnitMovedBetweenShelvesOfTheSameFreezerCountsOnceFromFirstToLast() {
        Instant move = FROM.plusSeconds(900);
        List<ExcursionWindow.Inside> inside = ExcursionWindow.inside(
                List.of(new ExcursionWindow.Stay(a, T0, move), new ExcursionWindow.Stay(a, move, null)), FROM, TO);
        assertThat(inside).containsExactly(new ExcursionWindow.Inside(a, FROM, null));
    }

    @Test
    void aWindowOfOneMomentHoldsWhatWasInsideAtThatMoment() {
        UUID b = UUID.randomUUID();
        List<ExcursionWindow.Inside> inside = ExcursionWindow.inside(
                List.of(new ExcursionWindow.Stay(a, T0, null), new ExcursionWindow.Stay(b, T0, FROM)), FROM, FROM);
        assertThat(inside).extracting(ExcursionWindow.Inside::unitId).containsExactly(a);
    }
}
