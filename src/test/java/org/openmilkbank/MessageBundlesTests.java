package org.openmilkbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every English message has its Vietnamese and Lao counterpart, and no translation has a key English lacks. */
class MessageBundlesTests {

    static List<String> bundles() throws IOException {
        Resource[] all = new PathMatchingResourcePatternResolver().getResources("classpath:i18n/*.properties");
        return java.util.Arrays.stream(all)
                .map(Resource::getFilename)
                .filter(n -> !n.contains("_"))
                .map(n -> n.replace(".properties", ""))
                .sorted()
                .toList();
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void vietnameseAndLaoHaveExactlyTheEnglishKeys(String bundle) throws IOException {
        Set<String> english = load(bundle + ".properties").stringPropertyNames();
        for (String language : List.of("vi", "lo")) {
            Properties translated = load(bundle + "_" + language + ".properties");
            assertThat(translated.stringPropertyNames())
                    .as("%s_%s keys", bundle, language)
                    .containsExactlyInAnyOrderElementsOf(english);
            translated.forEach((k, v) ->
                    assertThat(v.toString()).as("%s_%s %s", bundle, language, k).isNotBlank());
        }
    }

    /** A key written twice in one file keeps only its last words: the first are lost without a sound. */
    @ParameterizedTest
    @MethodSource("bundles")
    void noKeyIsWrittenTwiceInOneFile(String bundle) throws IOException {
        for (String file : List.of(bundle + ".properties", bundle + "_vi.properties", bundle + "_lo.properties")) {
            java.util.Map<String, Integer> seen = new java.util.HashMap<>();
            Properties counter = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    seen.merge(key.toString(), 1, Integer::sum);
                    return super.put(key, value);
                }
            };
            try (var reader = new InputStreamReader(
                    new ClassPathResource("i18n/" + file).getInputStream(), StandardCharsets.UTF_8)) {
                counter.load(reader);
            }
            assertThat(seen.entrySet().stream().filter(e -> e.getValue() > 1).map(java.util.Map.Entry::getKey))
                    .as("keys written twice in %s", file)
                    .isEmpty();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var reader =
                new InputStreamReader(new ClassPathResource("i18n/" + name).getInputStream(), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
