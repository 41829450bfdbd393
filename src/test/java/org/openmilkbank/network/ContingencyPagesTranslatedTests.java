package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contingency pages (bank and hub) in Vietnamese and Lao: the page's language, no missing key, no English
 * sentence of the network's bundle, no coded value shown raw, numbers grouped as the language groups them.
 */
@IntegrationTest
class ContingencyPagesTranslatedTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    NetworkHub hub;

    @Autowired
    BankKey key;

    @Autowired
    BatchIntake intake;

    @Autowired
    NetworkOutbox outbox;

    @Autowired
    NetworkInbox inbox;

    @Autowired
    HubMessages messages;

    @Autowired
    Forecasts forecasts;

    @Autowired
    NetworkExchange exchange;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    @Value("${openmilkbank.facility-code}")
    String facilityCode;

    private static final Pattern CODES = Pattern.compile(
            "\\b(REQUEST|OFFER|PRETERM|TERM|HIGH_ENERGY|OPEN|WITHDRAWN|FORECAST|TOO_LITTLE_HISTORY|NO_HISTORY|OWN|"
                    + "COUNTRY|NETWORK|NONE)\\b");
    private static final Pattern TEXT = Pattern.compile(">([^<>]+)<");

    private List<String> pages() {
        if (!hub.isRegistered(facilityCode)) {
            hub.register(facilityCode, "VN", "Hà Nội", 380, key.publicKeyText());
        }
        LocalDate today = LocalDate.now(clock);
        String manager = Staff.create(identity, Role.MANAGER);
        ExchangeEntry[] own = new ExchangeEntry[1];
        Staff.as(
                manager,
                Role.MANAGER,
                () -> own[0] = exchange.post(new ExchangePost(
                        ExchangeEntry.Type.REQUEST,
                        2000,
                        ExchangeEntry.ProductClass.PRETERM,
                        today.plusDays(9),
                        null,
                        "x")));
        for (NetworkOutbox.Entry entry : outbox.pending(1000)) {
            intake.receive(key.sign(Batch.of(facilityCode, entry.sequence(), entry.createdAt(), entry.payload())));
            outbox.markSent(entry.sequence());
        }
        KeyPair pair = BatchSignatures.newKeyPair();
        String other = "KH" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        hub.register(other, "KH", "Phnom Penh", 90, BatchSignatures.encode(pair.getPublic()));
        long n = 0;
        for (int m = 1; m <= 4; m++) {
            List<Map<String, Object>> values = new ArrayList<>();
            values.add(value("VOLUME_PASTEURISED", 1500));
            values.add(value("VOLUME_DISPENSED", 1500));
            values.add(value("STOCK_ON_HAND", m == 4 ? 10 : 2500));
            send(
                    other,
                    pair,
                    ++n,
                    Map.of("kind", "indicators", "month", YearMonth.of(2026, m).toString(), "values", values));
        }
        UUID offer = UUID.randomUUID();
        send(
                other,
                pair,
                ++n,
                Map.of(
                        "kind",
                        "exchange-offer",
                        "id",
                        offer.toString(),
                        "volumeMl",
                        3000,
                        "productClass",
                        "PRETERM",
                        "useBefore",
                        today.plusDays(20).toString()));
        forecasts.review(other);
        var hubKey = BatchSignatures.publicKey(key.publicKeyText());
        messages.since(facilityCode, inbox.lastSequence(), 1000).forEach(msg -> inbox.deliver(msg, hubKey));
        return List.of(
                "/network/exchange",
                "/network/exchange/" + own[0].id(),
                "/network/exchange/" + offer,
                "/hub/forecasts",
                "/hub/forecasts/" + other,
                "/hub/exchange");
    }

    private void send(String code, KeyPair pair, long n, Map<String, ?> payload) {
        intake.receive(BatchSignatures.sign(
                Batch.of(code, n, Instant.now().truncatedTo(ChronoUnit.MICROS), json.writeValueAsString(payload)),
                pair.getPrivate()));
    }

    private static Map<String, Object> value(String code, double v) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("code", code);
        value.put("breakdown", null);
        value.put("value", v);
        return value;
    }

    private static List<String> english(String language) throws IOException {
        Properties en = load("i18n/network.properties");
        Properties other = load("i18n/network_" + language + ".properties");
        List<String> out = new ArrayList<>();
        for (String k : en.stringPropertyNames()) {
            String v = en.getProperty(k).strip();
            if (v.length() >= 4
                    && !v.contains("{")
                    && !v.equals(other.getProperty(k, "").strip())) {
                out.add(v);
            }
        }
        return out;
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "lo"})
    void theContingencyPagesSpeakTheReadersLanguage(String language) throws Exception {
        String everyone = "everyone-" + UUID.randomUUID().toString().substring(0, 8);
        Staff.asSystem(() -> identity.create(everyone, "Mọi vai trò", Staff.PASSWORD, EnumSet.allOf(Role.class)));
        List<String> english = english(language);
        List<String> problems = new ArrayList<>();
        for (String path : pages()) {
            var response = mvc.perform(get(path).param("lang", language).with(httpBasic(everyone, Staff.PASSWORD)))
                    .andReturn()
                    .getResponse();
            if (response.getStatus() != 200) {
                problems.add(path + " answered " + response.getStatus());
                continue;
            }
            String html = response.getContentAsString(StandardCharsets.UTF_8);
            if (!html.contains("<html lang=\"" + language + "\"")) {
                problems.add(path + " lacks <html lang=\"" + language + "\">");
            }
            if (html.contains("??")) {
                problems.add(
                        path + " misses a key near " + html.substring(html.indexOf("??"), html.indexOf("??") + 40));
            }
            String body = html.replaceAll("(?s)<script.*?</script>", "");
            Matcher texts = TEXT.matcher(body);
            while (texts.find()) {
                String text = texts.group(1).strip();
                if (text.isEmpty()) {
                    continue;
                }
                if (english.contains(text)) {
                    problems.add(path + " shows English “" + text + "”");
                }
                Matcher code = CODES.matcher(text);
                if (code.find()) {
                    problems.add(path + " shows the code “" + code.group() + "” in “" + text + "”");
                }
            }
            // the request is 2,000 mL, the offer 3,000 mL: grouped with a dot in both languages
            if (path.startsWith("/network/exchange/") && !html.contains("2.000") && !html.contains("3.000")) {
                problems.add(path + " does not group its volume with a dot");
            }
        }
        assertThat(problems).as("pages in %s", language).isEmpty();
    }
}
