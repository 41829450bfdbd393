package org.openmilkbank.lab.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openmilkbank.lab.CaloricClass;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.CrematocritFormula;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;

class RawMilkQualityRulesTest {

    static final StandardProfile BRAZIL = StandardProfile.of(
            "BRAZIL",
            "Brazil",
            Map.of(
                    Parameter.RAW_QC_SENSORY_REQUIRED, "true",
                    Parameter.RAW_QC_DORNIC_REQUIRED, "true",
                    Parameter.RAW_QC_DORNIC_LIMIT, "8",
                    Parameter.RAW_QC_CREMATOCRIT_FORMULA, "LUCAS",
                    Parameter.RAW_QC_HYPOCALORIC_BELOW, "580",
                    Parameter.RAW_QC_HYPERCALORIC_ABOVE, "711"));
    static final StandardProfile SILENT = StandardProfile.of("X", "X", Map.of());

    static Dornic dornic(String a, String b, String c) {
        return new Dornic(new BigDecimal(a), new BigDecimal(b), new BigDecimal(c));
    }

    @Test
    void eachTitrationInMillilitresIsAHundredTimesItsDegrees() {
        Dornic d = dornic("0.15", "0.16", "0.17");
        assertThat(d.degrees()).containsExactly(new BigDecimal("15"), new BigDecimal("16"), new BigDecimal("17"));
        assertThat(d.meanDegrees()).isEqualByComparingTo("16");
    }

    @Test
    void aMeanUnderTheLimitPassesAndAMeanAtTheLimitFails() {
        Optional<BigDecimal> limit = BRAZIL.rawQcDornicLimit();
        assertThat(dornic("0.07", "0.08", "0.08").passes(limit)).contains(true); // 7.67 °D
        assertThat(dornic("0.08", "0.08", "0.08").passes(limit)).contains(false); // exactly 8 °D
        assertThat(dornic("0.09", "0.08", "0.08").passes(limit)).contains(false);
    }

    @Test
    void judgesTheExactMeanNotTheRoundedOne() {
        // 0.07 + 0.08 + 0.0899 → mean 7.9966… °D, shown as 8.00 but under the limit
        Dornic d = dornic("0.07", "0.08", "0.0899");
        assertThat(d.meanDegrees()).isEqualByComparingTo("8.00");
        assertThat(d.passes(Optional.of(new BigDecimal("8")))).contains(true);
    }

    @Test
    void aProfileWithoutALimitDoesNotJudgeDornic() {
        assertThat(dornic("0.2", "0.2", "0.2").passes(SILENT.rawQcDornicLimit()))
                .isEmpty();
    }

    @Test
    void refusesATitrationOfZeroOrOfOneMillilitreNamingItsField() {
        assertThatThrownBy(() -> dornic("0", "0.1", "0.1"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, r -> assertThat(r.field()).contains("ml1"));
        assertThatThrownBy(() -> dornic("0.1", "0.1", "1"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, r -> assertThat(r.field()).contains("ml3"));
        assertThatThrownBy(() -> new Dornic(new BigDecimal("0.1"), null, new BigDecimal("0.1")))
                .isInstanceOfSatisfying(
                        RuleViolation.class, r -> assertThat(r.field()).contains("ml2"));
    }

    @Test
    void lucasGivesFatAndEnergyFromTheCreamPercent() {
        Crematocrit c = new Crematocrit(new BigDecimal("5"), new BigDecimal("50")); // 10 %
        assertThat(c.creamPercent()).isEqualByComparingTo("10");
        assertThat(c.fatGPerDl(CrematocritFormula.LUCAS)).isEqualByComparingTo("6.45"); // (10 − 0.59) / 1.46
        assertThat(c.kcalPerL(CrematocritFormula.LUCAS)).isEqualByComparingTo("958.0"); // 66.8·10 + 290
        assertThat(c.kcalPerDl(CrematocritFormula.LUCAS)).isEqualByComparingTo("95.8");
    }

    @Test
    void wangGivesEnergyForFreshAndFrozenMilkAndNoFat() {
        Crematocrit c = new Crematocrit(new BigDecimal("5"), new BigDecimal("50"));
        assertThat(c.kcalPerDl(CrematocritFormula.WANG_FRESH)).isEqualByComparingTo("92.4"); // 5.99·10 + 32.5
        assertThat(c.kcalPerDl(CrematocritFormula.WANG_FROZEN)).isEqualByComparingTo("97.1"); // 6.20·10 + 35.1
        assertThat(c.fatGPerDl(CrematocritFormula.WANG_FRESH)).isNull();
    }

    @Test
    void fatIsNeverBelowZero() {
        assertThat(new Crematocrit(BigDecimal.ZERO, BigDecimal.TEN).fatGPerDl(CrematocritFormula.LUCAS))
                .isEqualByComparingTo("0");
    }

    @Test
    void refusesCreamLongerThanTheWholeColumnOrAnEmptyColumn() {
        assertThatThrownBy(() -> new Crematocrit(new BigDecimal("6"), new BigDecimal("5")))
                .isInstanceOfSatisfying(
                        RuleViolation.class, r -> assertThat(r.field()).contains("creamMm"));
        assertThatThrownBy(() -> new Crematocrit(BigDecimal.ZERO, BigDecimal.ZERO))
                .isInstanceOfSatisfying(
                        RuleViolation.class, r -> assertThat(r.field()).contains("totalMm"));
    }

    @Test
    void brazilClassesMilkByItsEnergyWithBothBoundsNormocaloric() {
        assertThat(CaloricClass.of(new BigDecimal("579.9"), BRAZIL)).contains(CaloricClass.HYPOCALORIC);
        assertThat(CaloricClass.of(new BigDecimal("580"), BRAZIL)).contains(CaloricClass.NORMOCALORIC);
        assertThat(CaloricClass.of(new BigDecimal("711"), BRAZIL)).contains(CaloricClass.NORMOCALORIC);
        assertThat(CaloricClass.of(new BigDecimal("711.1"), BRAZIL)).contains(CaloricClass.HYPERCALORIC);
    }

    @Test
    void aProfileWithoutClassesDoesNotClassAndRequiresNoCheck() {
        assertThat(CaloricClass.of(new BigDecimal("600"), SILENT)).isEmpty();
        assertThat(SILENT.rawQcSensoryRequired()).isFalse();
        assertThat(SILENT.rawQcDornicRequired()).isFalse();
        assertThat(SILENT.rawQcCrematocritFormula()).isEqualTo(CrematocritFormula.LUCAS);
    }

    @Test
    void aFormulaTheStandardDoesNotKnowIsRefusedWhenTheProfileIsRead() {
        assertThatThrownBy(() -> StandardProfile.of("X", "X", Map.of(Parameter.RAW_QC_CREMATOCRIT_FORMULA, "GUESS")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
