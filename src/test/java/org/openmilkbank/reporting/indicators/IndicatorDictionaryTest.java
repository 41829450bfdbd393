package org.openmilkbank.reporting.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The data dictionary and the reporting bundles are kept complete: every indicator has its name, definition,
 * numerator and (a ratio) denominator, every breakdown its word, in each language; no word is left for an indicator
 * or a breakdown the dictionary does not hold.
 */
class IndicatorDictionaryTest {

    private final List<IndicatorDefinition> dictionary = new Indicators(null, null).dictionary();

    @ParameterizedTest
    @ValueSource(strings = {"", "_vi", "_lo"})
    void everyIndicatorAndBreakdownHasItsWordsAndNoWordIsLeftOver(String language) throws IOException {
        Properties bundle = load("i18n/reporting" + language + ".properties");
        Set<String> expected = new TreeSet<>();
        for (IndicatorDefinition d : dictionary) {
            String key = "report.indicator." + d.code();
            expected.add(key + ".name");
            expected.add(key + ".definition");
            expected.add(key + ".numerator");
            if (d.ratio()) {
                expected.add(key + ".denominator");
            }
            d.breakdowns().forEach(b -> expected.add("report.breakdown." + b));
        }
        Set<String> present = new TreeSet<>();
        for (String key : bundle.stringPropertyNames()) {
            if (key.startsWith("report.indicator.") || key.startsWith("report.breakdown.")) {
                present.add(key);
                assertThat(bundle.getProperty(key)).as(key).isNotBlank();
            }
        }
        assertThat(present).containsExactlyInAnyOrderElementsOf(expected);
    }

    @org.junit.jupiter.api.Test
    void codesAreUniqueAndTheIssuesBreakdownsAreThere() {
        Set<String> codes = new HashSet<>();
        dictionary.forEach(d -> assertThat(codes.add(d.code())).as(d.code()).isTrue());
        assertThat(breakdowns("VOLUME_DISPENSED")).containsExactly("NICU", "OUTPATIENT");
        assertThat(breakdowns("RECIPIENTS")).containsExactly("GA_LT_28", "GA_28_31", "GA_32_36", "GA_GE_37");
        assertThat(breakdowns("DISCARDED_VOLUME"))
                .contains(
                        "SENSORY",
                        "DORNIC",
                        "PRE_CULTURE",
                        "POST_CULTURE",
                        "EXPIRY",
                        "COLD_CHAIN",
                        "EXCURSION",
                        "DONOR_BLOCK",
                        "RECALL");
        assertThat(breakdowns("DISCARDED_UNITS")).isEqualTo(breakdowns("DISCARDED_VOLUME"));
        assertThat(codes)
                .contains(
                        "VOLUME_RECEIVED",
                        "VOLUME_PASTEURISED",
                        "VOLUME_DISPENSED",
                        "DONORS_ACTIVE",
                        "DONORS_NEW",
                        "VOLUME_PER_DONOR",
                        "POOLS",
                        "RUNS",
                        "FAILED_CYCLES",
                        "PRE_CULTURE_POSITIVE_RATE",
                        "POST_CULTURE_POSITIVE_RATE",
                        "MEAN_ENERGY",
                        "MEAN_PROTEIN",
                        "STOCK_ON_HAND",
                        "DAYS_OF_SUPPLY",
                        "NEAR_MISSES");
    }

    private List<String> breakdowns(String code) {
        return dictionary.stream()
                .filter(d -> d.code().equals(code))
                .findFirst()
                .orElseThrow()
                .breakdowns();
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (var reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
