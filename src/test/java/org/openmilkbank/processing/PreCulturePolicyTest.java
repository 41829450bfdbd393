package org.openmilkbank.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;

class PreCulturePolicyTest {

    @Test
    void niceDiscardsATotalCountAboveTenToTheFive() {
        var verdict = PreCulturePolicy.assess(new PreCultureResult(100_001, 0L, 0L), TestProfiles.nice());
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures())
                .containsExactly(Said.of("processing.discard.pre-culture.total", 100_001L, 100_000L));
    }

    @Test
    void niceDiscardsStaphAureusAboveTenToTheFour() {
        var verdict = PreCulturePolicy.assess(new PreCultureResult(20_000, 0L, 10_001L), TestProfiles.nice());
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures())
                .containsExactly(Said.of("processing.discard.pre-culture.staphAureus", 10_001L, 10_000L));
    }

    @Test
    void niceDiscardsEnterobacteriaceaeAboveTenToTheFourAndNamesEveryOrganismOver() {
        var verdict = PreCulturePolicy.assess(new PreCultureResult(200_000, 10_001L, 0L), TestProfiles.nice());
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures())
                .containsExactly(
                        Said.of("processing.discard.pre-culture.total", 200_000L, 100_000L),
                        Said.of("processing.discard.pre-culture.enterobacteriaceae", 10_001L, 10_000L));
    }

    @Test
    void countsExactlyAtTheLimitsPass() {
        assertThat(PreCulturePolicy.assess(new PreCultureResult(100_000, 10_000L, 10_000L), TestProfiles.nice())
                        .passed())
                .isTrue();
    }

    @Test
    void aLimitTheProfileDoesNotSetIsNotChecked() {
        assertThat(PreCulturePolicy.assess(new PreCultureResult(5_000_000, null, null), TestProfiles.hmbana())
                        .passed())
                .isTrue();
    }

    @Test
    void aCountTheProfileLimitsMustBeGiven() {
        assertThatThrownBy(() -> PreCulturePolicy.assess(new PreCultureResult(10, 0L, null), TestProfiles.nice()))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("processing.preCulture.countRequired");
                    assertThat(e.args()).containsExactly("S. aureus");
                });
    }

    @Test
    void refusesNegativeCounts() {
        assertThatThrownBy(() -> new PreCultureResult(-1, 0L, 0L)).isInstanceOf(RuleViolation.class);
    }

    @Property
    void passesIfAndOnlyIfEveryCountIsWithinItsLimit(
            @ForAll @LongRange(max = 300_000) long total,
            @ForAll @LongRange(max = 30_000) long entero,
            @ForAll @LongRange(max = 30_000) long staph) {
        boolean expected = total <= 100_000 && entero <= 10_000 && staph <= 10_000;
        assertThat(PreCulturePolicy.assess(new PreCultureResult(total, entero, staph), TestProfiles.nice())
                        .passed())
                .isEqualTo(expected);
    }
}
