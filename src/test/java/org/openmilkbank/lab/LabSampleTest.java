package org.openmilkbank.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.RuleViolation;

class LabSampleTest {

    static final Instant TAKEN = Instant.parse("2026-03-01T10:00:00Z");
    static final List<CultureCount> NONE = List.of(CultureCount.of(Organism.TOTAL_VIABLE_COUNT, 0));

    static LabSample sample(SamplePurpose purpose) {
        return LabSample.take(
                Din.parse("A000126000042"),
                new SampledUnit(UUID.randomUUID(), "RUN", "A000126000001X-R1"),
                purpose,
                CultureMedium.BLOOD_AGAR,
                TAKEN,
                null,
                "tech",
                TAKEN);
    }

    static RuleViolation refusal(Runnable r) {
        try {
            r.run();
        } catch (RuleViolation v) {
            return v;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void refusesANegativeReadOneMinuteAfterTheSampleWasTaken() {
        LabSample sample = sample(SamplePurpose.POST_CULTURE);
        Instant soon = TAKEN.plus(Duration.ofMinutes(1));
        RuleViolation v = refusal(() -> sample.read(NONE, soon, LabProfiles.hmbana(), "reader", soon));
        assertThat(v.code()).isEqualTo("lab.culture.read.tooEarly");
        assertThat(v.field()).contains("readAt");
        assertThat(sample.verdict()).isNull();
    }

    @Test
    void refusesANegativeReadAMinuteBeforeTheMinimumIncubationAndAcceptsItAtTheMinimum() {
        LabSample sample = sample(SamplePurpose.POST_CULTURE);
        Instant justBefore = TAKEN.plus(Duration.ofHours(48)).minusSeconds(60);
        assertThat(refusal(() -> sample.read(NONE, justBefore, LabProfiles.hmbana(), "r", justBefore))
                        .code())
                .isEqualTo("lab.culture.read.tooEarly");
        Instant at = TAKEN.plus(Duration.ofHours(48));
        assertThat(sample.read(NONE, at, LabProfiles.hmbana(), "r", at).passed())
                .isTrue();
        assertThat(sample.verdict()).isEqualTo(SampleView.Verdict.PASS);
    }

    @Test
    void aGrowthSeenEarlyFailsAtOnce() {
        LabSample sample = sample(SamplePurpose.POST_CULTURE);
        Instant at = TAKEN.plus(Duration.ofHours(24));
        List<CultureCount> grew = List.of(CultureCount.of(Organism.BACILLUS_CEREUS, 40));
        assertThat(sample.read(grew, at, LabProfiles.hmbana(), "r", at).passed())
                .isFalse();
        assertThat(sample.verdict()).isEqualTo(SampleView.Verdict.FAIL);
    }

    @Test
    void refusesAReadInTheFutureOrBeforeTheIncubationStarted() {
        LabSample sample = sample(SamplePurpose.POST_CULTURE);
        Instant now = TAKEN.plus(Duration.ofHours(50));
        assertThat(refusal(() -> sample.read(NONE, now.plusSeconds(60), LabProfiles.hmbana(), "r", now))
                        .code())
                .isEqualTo("lab.culture.read.inFuture");
        assertThat(refusal(() -> sample.read(NONE, TAKEN.minusSeconds(1), LabProfiles.hmbana(), "r", now))
                        .code())
                .isEqualTo("lab.culture.read.beforeIncubation");
    }

    @Test
    void aJudgedSampleIsNotReadAgainButAmendedWithAReasonKeepingTheReadItCorrects() {
        LabSample sample = sample(SamplePurpose.POST_CULTURE);
        Instant at = TAKEN.plus(Duration.ofHours(49));
        sample.read(NONE, at, LabProfiles.nice(), "r", at);
        assertThat(refusal(() -> sample.read(NONE, at, LabProfiles.nice(), "r", at))
                        .code())
                .isEqualTo("lab.culture.alreadyJudged");
        List<CultureCount> corrected = List.of(CultureCount.of(Organism.TOTAL_VIABLE_COUNT, 5));
        assertThat(refusal(() -> sample.amend(corrected, " ", LabProfiles.nice(), "r", at))
                        .code())
                .isEqualTo("lab.culture.amend.reasonRequired");
        sample.amend(corrected, "typed 0 for 5", LabProfiles.nice(), "checker", at);
        SampleView view = sample.view(LabProfiles.nice());
        assertThat(view.reads()).hasSize(2);
        assertThat(view.reads().get(0).superseded()).isTrue();
        assertThat(view.reads().get(1).amendReason()).isEqualTo("typed 0 for 5");
        assertThat(view.currentRead().orElseThrow().counts()).isEqualTo(corrected);
    }

    @Test
    void anAmendmentMayNotTurnTheVerdict() {
        LabSample sample = sample(SamplePurpose.POST_CULTURE);
        Instant at = TAKEN.plus(Duration.ofHours(49));
        sample.read(NONE, at, LabProfiles.nice(), "r", at);
        List<CultureCount> grew = List.of(CultureCount.of(Organism.TOTAL_VIABLE_COUNT, 500));
        assertThat(refusal(() -> sample.amend(grew, "misread", LabProfiles.nice(), "r", at))
                        .code())
                .isEqualTo("lab.culture.amend.verdictWouldTurn");
        assertThat(sample.verdict()).isEqualTo(SampleView.Verdict.PASS);
        assertThat(sample.currentCounts()).isEqualTo(NONE);
    }

    @Test
    void refusesASampleTakenInTheFutureOrIncubatedBeforeItWasTaken() {
        assertThatThrownBy(() -> LabSample.take(
                        Din.parse("A000126000042"),
                        new SampledUnit(UUID.randomUUID(), "POOL", "A000126000001X"),
                        SamplePurpose.PRE_CULTURE,
                        null,
                        TAKEN.plusSeconds(60),
                        null,
                        "t",
                        TAKEN))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.code()).isEqualTo("lab.culture.sample.takenInFuture"));
        assertThatThrownBy(() -> LabSample.take(
                        Din.parse("A000126000042"),
                        new SampledUnit(UUID.randomUUID(), "POOL", "A000126000001X"),
                        SamplePurpose.PRE_CULTURE,
                        null,
                        TAKEN,
                        TAKEN.minusSeconds(60),
                        "t",
                        TAKEN))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        v -> assertThat(v.code()).isEqualTo("lab.culture.sample.incubationBeforeTaken"));
    }

    @Test
    void theIncubationTemperatureDefaultsToTheProfilesAndIsAcceptedAtEitherEndOfItsTolerance() {
        assertThat(sample(SamplePurpose.POST_CULTURE)
                        .incubatedAt(null, LabProfiles.hmbana())
                        .incubationTemperatureC())
                .isEqualByComparingTo("36");
        assertThat(sample(SamplePurpose.POST_CULTURE)
                        .incubatedAt(new java.math.BigDecimal("35.0"), LabProfiles.hmbana())
                        .incubationTemperatureC())
                .isEqualByComparingTo("35");
        assertThat(sample(SamplePurpose.PRE_CULTURE)
                        .incubatedAt(new java.math.BigDecimal("37"), LabProfiles.nice())
                        .incubationTemperatureC())
                .isEqualByComparingTo("37");
    }

    @Test
    void refusesAnIncubationTemperatureJustOutsideTheProfilesToleranceOnTheField() {
        for (String outside : List.of("34.9", "37.1", "20", "4")) {
            LabSample sample = sample(SamplePurpose.POST_CULTURE);
            RuleViolation v =
                    refusal(() -> sample.incubatedAt(new java.math.BigDecimal(outside), LabProfiles.hmbana()));
            assertThat(v.code()).isEqualTo("lab.culture.sample.temperatureOutOfRange");
            assertThat(v.field()).contains("incubationTemperatureC");
            assertThat(sample.incubationTemperatureC()).isNull();
        }
    }
}
