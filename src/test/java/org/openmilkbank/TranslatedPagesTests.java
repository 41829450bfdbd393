package org.openmilkbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openmilkbank.collection.ContainerState;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.SerologyOutcome;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.identity.StaffAccount;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.pasteurization.RunState;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Staff who read Vietnamese or Lao see every page in their language: each page reachable from the navigation,
 * and the detail pages of each kind of record, answer without a missing message key ({@code ??…??}) and without
 * a piece of text that is an English message left untranslated (hard-coded in a template).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranslatedPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    ApplicationContext context;

    String everyone;
    List<String> pages;

    @BeforeAll
    void aLittleBank() {
        everyone = "all-roles-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Staff.asSystem(() -> identity.create(everyone, "Every Role", Staff.PASSWORD, EnumSet.allOf(Role.class)));
        StaffAccount account = identity.findByUsername(everyone).orElseThrow();

        DispensingFixtures bank = new DispensingFixtures(context);
        DonorView donor = bank.eligibleDonor();
        List<RawContainerView> containers = bank.containers(3, donor, bank.eligibleDonor());
        DispensingFixtures.Batch batch = bank.released(containers, 4);
        InfantView infant = bank.infantWithConsent();
        bank.dispense(infant, batch.bottles().get(0));
        PoolView ready = ProcessingFixtures.readyPool(context, "tech-recorder", 400);
        String containerDin = Din.parse(containers.get(0).din()).withCheck();
        String bottleDin = Din.parse(batch.bottles().get(1).din()).withCheck();

        pages = List.of(
                "/",
                "/donors",
                "/donors/" + donor.id(),
                "/reception",
                "/reception?code=" + donor.code(),
                "/donations/" + containers.get(0).donationId(),
                "/containers",
                "/containers/" + containerDin,
                "/pools",
                "/pools/new",
                "/pools/" + batch.pool().id(),
                "/pools/" + ready.id(),
                "/runs",
                "/runs/new?pool=" + ready.id(),
                "/runs/" + batch.run().id(),
                "/bottles",
                "/bottles/" + bottleDin,
                "/infants",
                "/infants/" + infant.id(),
                "/trace",
                "/trace/donors/" + donor.id(),
                "/trace/infants/" + infant.id(),
                "/trace/dins/" + containerDin,
                "/trace/dins/" + batch.pool().dinWithCheck(),
                "/trace/dins/" + bottleDin,
                "/standards",
                "/admin/users",
                "/admin/users/" + account.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "lo"})
    void everyPageSpeaksTheReadersLanguage(String language) throws Exception {
        Set<String> english = untranslatedEnglish(language);
        List<String> problems = new ArrayList<>();
        for (String path : pages) {
            MockHttpServletResponse response = mvc.perform(
                            get(path).param("lang", language).with(httpBasic(everyone, Staff.PASSWORD)))
                    .andReturn()
                    .getResponse();
            if (response.getStatus() != 200) {
                problems.add(path + " answered " + response.getStatus());
                continue;
            }
            String html = response.getContentAsString(StandardCharsets.UTF_8);
            if (html.contains("??")) {
                int at = html.indexOf("??");
                problems.add(path + " misses a message key: " + html.substring(at, Math.min(html.length(), at + 60)));
            }
            for (String text : textNodes(html)) {
                if (english.contains(text) && !DATA.contains(text)) {
                    problems.add(path + " shows English “" + text + "”");
                }
                for (String code : CODES) {
                    if (text.equals(code) || text.startsWith(code + ":")) {
                        problems.add(path + " shows the untranslated code “" + text + "”");
                    }
                }
            }
        }
        assertThat(problems).as("pages in %s", language).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "lo"})
    void theNavigationIsTranslated(String language) throws Exception {
        String html = mvc.perform(get("/").param("lang", language).with(httpBasic(everyone, Staff.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Properties navigation = bundle("messages", "");
        Properties translated = bundle("messages", "_" + language);
        List<String> texts = textNodes(html);
        for (String key : navigation.stringPropertyNames()) {
            if (key.startsWith("nav.") && !key.startsWith("nav.scan") && !key.equals("nav.activeProfile")) {
                assertThat(texts).as(key).doesNotContain(navigation.getProperty(key));
                assertThat(texts).as(key).contains(translated.getProperty(key));
            }
        }
    }

    /** English message texts without arguments whose translation differs (so seeing them means English leaked). */
    private static Set<String> untranslatedEnglish(String language) throws IOException {
        Set<String> english = new LinkedHashSet<>();
        Resource[] all = new PathMatchingResourcePatternResolver().getResources("classpath:i18n/*.properties");
        for (Resource resource : all) {
            String name = resource.getFilename();
            if (name == null || name.contains("_")) {
                continue;
            }
            String bundle = name.replace(".properties", "");
            Properties en = bundle(bundle, "");
            Properties other = bundle(bundle, "_" + language);
            for (String key : en.stringPropertyNames()) {
                String value = en.getProperty(key).strip();
                if (value.length() >= 3
                        && !value.contains("{")
                        && !value.contains("'")
                        && !value.equals(other.getProperty(key, "").strip())) {
                    english.add(value);
                }
            }
        }
        return english;
    }

    /** Texts that are records' data, not messages: the first admin's display name. */
    private static final Set<String> DATA = Set.of("Administrator");

    /** States and outcomes as stored: a page must show them through a message, never raw. */
    private static final Set<String> CODES = codes();

    private static Set<String> codes() {
        Set<String> codes = new LinkedHashSet<>(List.of("PASSED", "FAILED", "PASS", "FAIL"));
        for (Class<? extends Enum<?>> type : List.<Class<? extends Enum<?>>>of(
                ContainerState.class, PoolState.class, RunState.class, BottleState.class, SerologyOutcome.class)) {
            for (Enum<?> constant : type.getEnumConstants()) {
                codes.add(constant.name());
            }
        }
        return codes;
    }

    private static final Pattern TEXT = Pattern.compile(">([^<>]+)<");

    private static List<String> textNodes(String html) {
        String body = html.replaceAll("(?s)<script.*?</script>", "");
        List<String> texts = new ArrayList<>();
        Matcher m = TEXT.matcher(body);
        while (m.find()) {
            String text = HtmlUtils.htmlUnescape(m.group(1)).strip().replaceAll("\\s+", " ");
            if (!text.isEmpty()) {
                texts.add(text);
            }
        }
        return texts;
    }

    private static Properties bundle(String bundle, String suffix) throws IOException {
        Properties p = new Properties();
        var resource = new org.springframework.core.io.ClassPathResource("i18n/" + bundle + suffix + ".properties");
        try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
