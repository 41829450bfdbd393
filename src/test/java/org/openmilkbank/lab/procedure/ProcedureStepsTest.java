package org.openmilkbank.lab.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The standard's steps say the profile's numbers, in the reader's language; nothing translated is stored. */
class ProcedureStepsTest {

    static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("i18n/messages", "i18n/lab");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    static StandardProfile profile(
            String code, String minHours, String readHours, String pre, String post, String dornic, String formula) {
        Map<Parameter, String> v = new EnumMap<>(Parameter.class);
        v.put(Parameter.CULTURE_MIN_INCUBATION_HOURS, minHours);
        v.put(Parameter.CULTURE_READ_HOURS, readHours);
        v.put(Parameter.CULTURE_INCUBATION_TEMPERATURE_C, "36");
        v.put(Parameter.CULTURE_INCUBATION_TOLERANCE_C, "1");
        v.put(Parameter.PRE_CULTURE_LIMITS, pre);
        v.put(Parameter.POST_CULTURE_LIMITS, post);
        if (dornic != null) {
            v.put(Parameter.RAW_QC_DORNIC_LIMIT, dornic);
        }
        v.put(Parameter.RAW_QC_CREMATOCRIT_FORMULA, formula);
        return StandardProfile.of(code, code, v);
    }

    static final StandardProfile NICE = profile(
            "NICE",
            "48",
            "24,48",
            "TOTAL_VIABLE_COUNT=100000,ENTEROBACTERIACEAE=10000,STAPH_AUREUS=10000",
            "ANY=10",
            null,
            "LUCAS");

    static final StandardProfile BRAZIL = profile("BRAZIL", "72", "24,48,72", "", "COLIFORMS=0", "8", "WANG_FROZEN");

    static List<String> steps(Procedure procedure, StandardProfile profile, Locale locale) {
        return BuiltInSteps.keys(procedure).stream()
                .map(key -> Procedures.render(BuiltInSteps.said(key, profile), locale, MESSAGES))
                .toList();
    }

    @Test
    void thePreCultureSaysTheProfilesIncubationReadTimesLimitsAndThePlatesTheyNeed() {
        List<String> nice = steps(Procedure.PRE_CULTURE, NICE, Locale.ENGLISH);

        assertThat(nice).hasSize(5);
        assertThat(nice.get(2)).isEqualTo("Plate the sample on: Blood agar; MacConkey agar; Baird-Parker agar.");
        assertThat(nice.get(3))
                .startsWith("Incubate for at least 48 h at 36 °C (± 1 °C) and read the plates at 24 h; 48 h");
        assertThat(nice.get(4))
                .contains("100,000 CFU/mL")
                .contains("10,000 CFU/mL")
                .doesNotContain("{");
    }

    @Test
    void aProfileWithoutLimitsBeforePasteurisationSaysSoAndBrazilReadsAtItsOwnHours() {
        List<String> brazil = steps(Procedure.PRE_CULTURE, BRAZIL, Locale.ENGLISH);
        assertThat(brazil.get(3))
                .startsWith("Incubate for at least 72 h at 36 °C (± 1 °C) and read the plates at 24 h; 48 h; 72 h");
        assertThat(brazil.get(4)).isEqualTo("This profile sets no limits before pasteurisation; record the counts.");
        assertThat(steps(Procedure.POST_CULTURE, BRAZIL, Locale.ENGLISH).get(2))
                .isEqualTo("Plate the sample on: Blood agar; Violet red bile agar.");
    }

    @Test
    void theDornicStepSaysTheProfilesLimitOrThatItHasNone() {
        assertThat(steps(Procedure.DORNIC, BRAZIL, Locale.ENGLISH).get(3))
                .isEqualTo("The mean must be under 8 °D, else the container is discarded.");
        assertThat(steps(Procedure.DORNIC, NICE, Locale.ENGLISH).get(3)).contains("no Dornic limit");
        assertThat(steps(Procedure.CREMATOCRIT, BRAZIL, Locale.ENGLISH).get(3)).contains("Wang, frozen milk");
    }

    @Test
    void theStepsAreSaidInLaoAndVietnameseWithTheNumbersAsEachLanguageGroupsThem() {
        List<String> lao = steps(Procedure.PRE_CULTURE, NICE, Locale.forLanguageTag("lo"));
        assertThat(lao.get(3)).contains("48 ຊົ່ວໂມງ").contains("ບົ່ມ");
        assertThat(lao.get(4)).contains("100.000");
        List<String> vietnamese = steps(Procedure.POST_CULTURE, NICE, Locale.forLanguageTag("vi"));
        assertThat(vietnamese.get(3)).contains("48 giờ");
        assertThat(String.join(" ", lao)).doesNotContain("Incubate").doesNotContain("{");
    }

    @Test
    void theCultureStepSaysTheProfilesIncubationTemperatureAndTolerance() {
        Map<Parameter, String> v = new EnumMap<>(Parameter.class);
        v.put(Parameter.CULTURE_MIN_INCUBATION_HOURS, "48");
        v.put(Parameter.CULTURE_READ_HOURS, "48");
        v.put(Parameter.PRE_CULTURE_LIMITS, "");
        v.put(Parameter.POST_CULTURE_LIMITS, "ANY=0");
        v.put(Parameter.CULTURE_INCUBATION_TEMPERATURE_C, "35.5");
        v.put(Parameter.CULTURE_INCUBATION_TOLERANCE_C, "0.5");
        v.put(Parameter.RAW_QC_CREMATOCRIT_FORMULA, "LUCAS");
        StandardProfile own = StandardProfile.of("OWN", "OWN", v);

        assertThat(steps(Procedure.POST_CULTURE, own, Locale.ENGLISH).get(3)).contains("at 35.5 °C (± 0.5 °C)");
        assertThat(steps(Procedure.PRE_CULTURE, own, Locale.forLanguageTag("lo"))
                        .get(3))
                .contains("35,5 °C (± 0,5 °C)");
    }
}
