package org.openmilkbank.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;

class CultureVerdictTest {

    static List<CultureCount> counts(long total, long entero, long staph) {
        return List.of(
                CultureCount.of(Organism.TOTAL_VIABLE_COUNT, total),
                CultureCount.of(Organism.ENTEROBACTERIACEAE, entero),
                CultureCount.of(Organism.STAPH_AUREUS, staph));
    }

    @Test
    void nicePreCulturePassesAtEachLimitAndFailsNamingEachOrganismAbove() {
        assertThat(CultureVerdict.judge(SamplePurpose.PRE_CULTURE, counts(100_000, 10_000, 10_000), LabProfiles.nice())
                        .passed())
                .isTrue();
        CultureVerdict.Result result =
                CultureVerdict.judge(SamplePurpose.PRE_CULTURE, counts(100_001, 10_001, 0), LabProfiles.nice());
        assertThat(result.passed()).isFalse();
        assertThat(result.failures())
                .containsExactly(
                        Said.of("lab.culture.failure", Said.label(Organism.TOTAL_VIABLE_COUNT), 100_001L, 100_000L),
                        Said.of("lab.culture.failure", Said.label(Organism.ENTEROBACTERIACEAE), 10_001L, 10_000L));
    }

    @Test
    void franceLimitsTheTotalAtAMillionAndIgnoresEnterobacteriaceae() {
        List<CultureCount> counts = List.of(
                CultureCount.of(Organism.TOTAL_VIABLE_COUNT, 1_000_000),
                CultureCount.of(Organism.STAPH_AUREUS, 10_000),
                CultureCount.of(Organism.ENTEROBACTERIACEAE, 5_000_000));
        assertThat(CultureVerdict.judge(SamplePurpose.PRE_CULTURE, counts, LabProfiles.france())
                        .passed())
                .isTrue();
    }

    @Test
    void hmbanaFailsAnyGrowthAfterPasteurisationWhateverTheOrganism() {
        assertThat(CultureVerdict.judge(
                                SamplePurpose.POST_CULTURE,
                                List.of(CultureCount.of(Organism.TOTAL_VIABLE_COUNT, 0)),
                                LabProfiles.hmbana())
                        .passed())
                .isTrue();
        CultureVerdict.Result grew = CultureVerdict.judge(
                SamplePurpose.POST_CULTURE,
                List.of(CultureCount.of(Organism.TOTAL_VIABLE_COUNT, 0), new CultureCount(Organism.OTHER, "CoNS", 1)),
                LabProfiles.hmbana());
        assertThat(grew.passed()).isFalse();
        assertThat(grew.failures()).containsExactly(Said.of("lab.culture.failure", "CoNS", 1L, 0L));
    }

    @Test
    void niceAcceptsTenColoniesAfterPasteurisationAndRefusesEleven() {
        assertThat(CultureVerdict.judge(
                                SamplePurpose.POST_CULTURE,
                                List.of(CultureCount.of(Organism.BACILLUS_CEREUS, 10)),
                                LabProfiles.nice())
                        .passed())
                .isTrue();
        assertThat(CultureVerdict.judge(
                                SamplePurpose.POST_CULTURE,
                                List.of(CultureCount.of(Organism.BACILLUS_CEREUS, 11)),
                                LabProfiles.nice())
                        .passed())
                .isFalse();
    }

    @Test
    void brazilAsksForTheColiformsAndFailsAnyColiform() {
        assertThatThrownBy(() -> CultureVerdict.judge(
                        SamplePurpose.POST_CULTURE,
                        List.of(CultureCount.of(Organism.TOTAL_VIABLE_COUNT, 0)),
                        LabProfiles.brazil()))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo("lab.culture.count.missing");
                    assertThat(v.field()).contains("counts");
                });
        assertThat(CultureVerdict.judge(
                                SamplePurpose.POST_CULTURE,
                                List.of(CultureCount.of(Organism.COLIFORMS, 1)),
                                LabProfiles.brazil())
                        .passed())
                .isFalse();
    }

    @Test
    void aReadWithoutCountsIsRefused() {
        assertThatThrownBy(() -> CultureVerdict.judge(SamplePurpose.POST_CULTURE, List.of(), LabProfiles.nice()))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.code()).isEqualTo("lab.culture.count.required"));
    }

    @Test
    void aNegativeCountOrAnUnnamedOtherOrganismIsRefused() {
        assertThatThrownBy(() -> CultureCount.of(Organism.COLIFORMS, -1))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.code()).isEqualTo("lab.culture.count.negative"));
        assertThatThrownBy(() -> new CultureCount(Organism.OTHER, " ", 3))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        v -> assertThat(v.code()).isEqualTo("lab.culture.count.otherNameRequired"));
    }
}
