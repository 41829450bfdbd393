package org.openmilkbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openmilkbank.shared.Said;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every value of every enum a page, a history line or an export may show has its words in English, Vietnamese and
 * Lao under {@code enum.<Type>.<VALUE>} ({@code shared.web.Formats.label}, {@code Said.label}), so no page ever
 * shows NEGATIVE or IN_PERSON.
 */
class EnumLabelsTests {

    /** Enums that are never shown as words: how values are typed or printed, not what happened to milk or people. */
    static final Set<String> NEVER_SHOWN = Set.of(
            "org.openmilkbank.standards.Parameter", // shown by its parameter.<key> message
            "org.openmilkbank.reporting.indicators.Indicators$How", // how a value is counted; never shown
            "org.openmilkbank.standards.Parameter$Type",
            "org.openmilkbank.traceability.CodeLookup$Kind", // only routes a scanned code
            "org.openmilkbank.lab.CultureReadImports$Column", // shown as the file's own header words
            "org.openmilkbank.traceability.GateUse", // shown through its gate.refused.<USE> message
            "org.openmilkbank.traceability.RecallReport$Style",
            "org.openmilkbank.network.BatchOrder$Decision", // the hub's inner step; the API answers BatchReceipt
            "org.openmilkbank.network.NetworkInbox$Delivery", // what the fetch did with a message; logged, never shown
            "org.openmilkbank.demo.DemoProgress$State"); // shown as the demo.preparing notice, never by its name

    @SuppressWarnings("unchecked")
    static List<Class<? extends Enum<?>>> shownEnums() {
        List<Class<? extends Enum<?>>> enums = new ArrayList<>();
        try {
            Resource[] classes =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:org/openmilkbank/**/*.class");
            for (Resource resource : classes) {
                String url = resource.getURL().toString();
                if (url.contains("/test-classes/")) {
                    continue;
                }
                String name = url.substring(url.indexOf("org/openmilkbank/"), url.length() - ".class".length())
                        .replace('/', '.');
                Class<?> type = Class.forName(name, false, EnumLabelsTests.class.getClassLoader());
                if (type.isEnum() && !type.isAnonymousClass() && !NEVER_SHOWN.contains(type.getName())) {
                    enums.add((Class<? extends Enum<?>>) type);
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        enums.sort(Comparator.comparing(Class::getName));
        return enums;
    }

    @Test
    void theEnumsOfThePathAreFound() {
        assertThat(shownEnums())
                .extracting(Class::getSimpleName)
                .contains("ContainerState", "PoolState", "RunState", "BottleState", "SerologyOutcome", "InterviewMode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_vi", "_lo"})
    void everyValueOfEveryShownEnumHasItsWords(String language) throws IOException {
        Properties all = new Properties();
        Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath:i18n/*.properties");
        for (Resource resource : bundles) {
            String file = resource.getFilename();
            String base = file.replace(".properties", "");
            boolean english = !base.contains("_");
            if (language.isEmpty() ? english : base.endsWith(language)) {
                try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                    all.load(reader);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Class<? extends Enum<?>> type : shownEnums()) {
            for (Enum<?> value : type.getEnumConstants()) {
                String key = Said.labelKey(value);
                if (all.getProperty(key, "").isBlank()) {
                    missing.add(key);
                }
            }
        }
        assertThat(missing)
                .as("enum labels missing in i18n/*%s.properties", language)
                .isEmpty();
    }

    @Test
    void aNestedEnumKeepsItsOuterType() {
        assertThat(Said.labelKey(org.openmilkbank.traceability.RecallCase.Status.OPEN))
                .isEqualTo("enum.RecallCase.Status.OPEN");
        assertThat(Said.labelKey(org.openmilkbank.donor.InterviewMode.IN_PERSON))
                .isEqualTo("enum.InterviewMode.IN_PERSON");
    }
}
