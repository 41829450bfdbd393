package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.ContainerIntake;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.dispensing.NewInfant;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.NewDonor;
import org.openmilkbank.donor.SerologyOutcome;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.lab.Organism;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.reporting.indicators.IndicatorDefinition;
import org.openmilkbank.reporting.indicators.IndicatorSource;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The de-identification test: a bank with named donors (one with a positive serology result), an infant, cultures
 * negative and positive, addresses, phone numbers and notes, all carrying distinctive markers, shares its events and
 * its month of indicators; then every payload in the outbox, every batch signed as the sender signs it and every
 * request the sender actually sent to a hub is scanned for anything that names or points to a person or a test
 * result. One hit fails the test and says what leaked where.
 *
 * <p>The data dictionary's own codes and breakdowns are the names of aggregates (an indicator may be called
 * {@code POST_CULTURE_POSITIVE_RATE}): they are exempt from the word scan, nothing else is. Event pseudonyms are
 * checked to be 64 hexadecimal digits (HMACs) and left out of the substring scan, where hex digits could spell a
 * short name by chance.
 */
@IntegrationTest
class OutgoingPayloadsDeidentifiedTests {

    private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");
    /** Words that state a test outcome, in any case. */
    private static final List<String> OUTCOME_WORDS = List.of("positive", "negative", "reactive", "indeterminate");

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NetworkSharing sharing;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    NetworkOutbox outbox;

    @Autowired
    NetworkSender sender;

    @Autowired
    NetworkHub hub;

    @Autowired
    BankKey key;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    IndicatorSource indicators;

    @Autowired
    Clock clock;

    @Value("${openmilkbank.facility-code}")
    String facilityCode;

    private HttpServer server;
    private final List<String> sentBodies = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        EventSharingSwitch.set(sharing, false);
        if (server != null) {
            server.stop(0);
        }
    }

    /**
     * The markers this test's bank writes: each must stay at the bank, whole and by its distinctive words (each
     * name's parts; a text's marker words, not its common ones such as "test" or a city).
     */
    private final Set<String> markers = new LinkedHashSet<>();

    /** A person's name: whole and each part. */
    private String name(String text) {
        markers.add(text);
        markers.addAll(parts(text));
        return text;
    }

    /** A text typed at the bank: whole and its distinctive words. */
    private String text(String text, String... distinctive) {
        markers.add(text);
        markers.addAll(List.of(distinctive));
        return text;
    }

    @Test
    void noOutgoingPayloadNamesAPersonOrATestResult() throws Exception {
        EventSharingSwitch.set(sharing, true);
        long before = jdbc.sql("select coalesce(max(sequence), 0) from network_outbox")
                .query(Long.class)
                .single();
        runTheBanksPath();
        assertThat(jdbc.sql("""
                                select distinct e ->> 'type' from network_outbox o,
                                    jsonb_array_elements(o.payload -> 'events') e
                                where o.sequence > ? and o.payload ->> 'kind' = 'events'
                                """).param(before).query(String.class).list())
                .as("the path shared its steps: the refused milk, the positive run's discarded bottles, the dispense")
                .contains(
                        "RECEIVED",
                        "REJECTED",
                        "POOLED",
                        "PASTEURISED",
                        "FILLED",
                        "RELEASED",
                        "DISPENSED",
                        "DISCARDED");
        // the month shared by the manager's own action, as the bank's page does it
        String manager = Staff.create(context.getBean(IdentityManagement.class), Role.MANAGER);
        mvc.perform(post("/api/v1/network/indicators")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"month\": \"" + YearMonth.now(clock) + "\"}")
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().is2xxSuccessful());

        Map<String, String> outgoing = new TreeMap<>();
        for (NetworkOutbox.Entry entry : allEntries()) {
            outgoing.put("outbox entry " + entry.sequence(), entry.payload());
            SignedBatch signed = key.sign(Batch.of(facilityCode, entry.sequence(), entry.createdAt(), entry.payload()));
            outgoing.put("signed batch " + entry.sequence(), json.writeValueAsString(signed));
        }
        assertThat(outgoing.values())
                .as("the path wrote its events")
                .anySatisfy(p -> assertThat(p).contains("\"kind\": \"events\"").contains("DISPENSED"));
        assertThat(outgoing.values()).anySatisfy(p -> assertThat(p).contains("\"kind\": \"indicators\""));

        NetworkSender.Result sent = sendToAHub();
        long firstWaiting = outbox.pending(1).stream()
                .findFirst()
                .map(NetworkOutbox.Entry::sequence)
                .orElse(Long.MAX_VALUE);
        assertThat(sent.failure().isEmpty() || firstWaiting <= before)
                .as(
                        "the hub took every batch of this test (another test's entry may stop the shared outbox: %s)",
                        sent.failure())
                .isTrue();
        for (int i = 0; i < sentBodies.size(); i++) {
            outgoing.put("request " + (i + 1) + " to the hub", sentBodies.get(i));
        }
        assertThat(sentBodies).isNotEmpty();
        // and what the hub made of them (read as events, so each unit must be a pseudonym and is not scanned as text:
        // a keyed hash's hex may hold any short run of letters and digits)
        List<String> kept =
                jdbc.sql("""
                        select json_build_object('kind', 'events', 'type', type, 'unitKind', unit_kind,
                            'product', product, 'reason', reason_code, 'unit', unit)::text
                        from network_unit_event where facility_code = ?
                        """).param(facilityCode).query(String.class).list();
        if (sent.failure().isEmpty()) {
            assertThat(kept).as("the hub kept the bank's events").isNotEmpty();
        }
        for (int i = 0; i < kept.size(); i++) {
            outgoing.put("the hub's event " + (i + 1), kept.get(i));
        }

        List<String> leaks = leaks(outgoing, forbidden());

        assertThat(leaks)
                .as("what left the bank that names or points to a person or a test result")
                .isEmpty();
    }

    @Test
    void theScanFindsNamesWithOrWithoutAccentsAndOutcomeWordsButNoNameInsideAnotherWord() {
        Map<String, String> outgoing = Map.of(
                "a", "{\"kind\": \"events\", \"note\": \"Nguyen Thi Dao\"}",
                "b", "{\"kind\": \"events\", \"outcome\": \"Negative\"}",
                "c", "{\"kind\": \"indicators\", \"values\": [{\"code\": \"POST_CULTURE_POSITIVE_RATE\"}]}",
                "d", "{\"kind\": \"events\", \"reason\": \"maintenance.domain\", \"code\": \"X_POSITIVE_RATE\"}");

        List<String> leaks = leaks(
                outgoing,
                Map.of("donor name", Set.of("Nguyễn", "Đào", "Mai"), "a test outcome", Set.copyOf(OUTCOME_WORDS)));

        assertThat(leaks)
                .anySatisfy(l -> assertThat(l).startsWith("a").contains("Nguyễn"))
                .anySatisfy(l -> assertThat(l).startsWith("a").contains("Đào"))
                .anySatisfy(l -> assertThat(l).startsWith("b").contains("negative"))
                .anySatisfy(l -> assertThat(l).startsWith("d").contains("positive"))
                .noneSatisfy(l -> assertThat(l).startsWith("d").contains("Mai"))
                .noneSatisfy(l -> assertThat(l).startsWith("c"));
    }

    @Test
    void writesNoEventsWhileTheBankHasNotAgreed() {
        long before = lastEntry();

        ProcessingFixtures.receivedDonation(context, 3, 300);

        assertThat(eventEntriesAfter(before)).isEmpty();
    }

    @Test
    void aStepThatRollsBackLeavesNoEntry() {
        EventSharingSwitch.set(sharing, true);
        long before = lastEntry();

        tx.executeWithoutResult(status -> {
            ProcessingFixtures.receivedDonation(context, 3, 300);
            assertThat(eventEntriesAfter(before))
                    .as("written in the step's transaction")
                    .hasSize(1);
            status.setRollbackOnly();
        });

        assertThat(eventEntriesAfter(before)).isEmpty();
        assertThat(lastEntry()).isEqualTo(before);
    }

    private long lastEntry() {
        return jdbc.sql("select coalesce(max(sequence), 0) from network_outbox")
                .query(Long.class)
                .single();
    }

    private List<String> eventEntriesAfter(long sequence) {
        return jdbc.sql("select payload::text from network_outbox where sequence > ? and payload ->> 'kind' = 'events'")
                .param(sequence)
                .query(String.class)
                .list();
    }

    // --- the bank's path, with markers

    private void runTheBanksPath() {
        text(EventSharingSwitch.REASON, "Marker-Flamingo", "Flamingo");
        DonorManagement donors = context.getBean(DonorManagement.class);
        Standards standards = context.getBean(Standards.class);
        CollectionManagement collection = context.getBean(CollectionManagement.class);
        PasteurisationManagement runs = context.getBean(PasteurisationManagement.class);
        DispensingManagement dispensing = context.getBean(DispensingManagement.class);
        IdentityManagement identity = context.getBean(IdentityManagement.class);
        DispensingFixtures milk = new DispensingFixtures(context);
        LocalDate today = DispensingFixtures.today();

        DonorView[] donor = new DonorView[2];
        Staff.asSystem(() -> {
            donor[0] = donors.register(new NewDonor(
                    name("Xuân-Quỳnh"),
                    name("Đặng-Vireo"),
                    LocalDate.of(1991, 7, 23),
                    text("+84 912 345 678"),
                    text("17 Ngõ Huế-Zanzibar, Hoàn Kiếm", "Zanzibar")));
            DonorFixtures.completeScreening(donors, donor[0].id(), today.minusDays(90));
            DonorFixtures.recordNegativePanel(donors, standards, donor[0].id(), today.minusDays(90));
            // a second donor whose serology is positive: her milk is refused at the door
            donor[1] = donors.register(new NewDonor(
                    name("Phượng-Oriole"),
                    name("Lò-Kestrel"),
                    LocalDate.of(1989, 2, 14),
                    text("020 5555 8642"),
                    text("Ban Nongbone-Quetzal, Vientiane", "Nongbone-Quetzal", "Quetzal")));
            DonorFixtures.completeScreening(donors, donor[1].id(), today.minusDays(90));
            List<String> panel = standards.activeProfile().serologyPanel();
            for (int i = 0; i < panel.size(); i++) {
                donors.recordSerology(
                        donor[1].id(),
                        panel.get(i),
                        today.minusDays(90),
                        i == 0 ? SerologyOutcome.POSITIVE : SerologyOutcome.NEGATIVE,
                        text("SEROLAB-Marker-" + i));
            }
            collection.receive(
                    donor[1].id(),
                    null,
                    List.of(new ContainerIntake(300, today.minusDays(2))),
                    text("she said the fridge-Marker-Albatross failed", "Albatross"),
                    java.time.Instant.now().minus(java.time.Duration.ofHours(50)));
        });

        // her milk received, pooled, pasteurised, cultured negative and released; bottles dispensed to an infant
        DispensingFixtures.Batch released = milk.released(milk.containers(3, donor[0]), 3);
        // a second run of her milk: cultured positive, so its bottles are discarded
        DispensingFixtures.Batch positive = milk.quarantined(milk.containers(4, donor[0]), 2);
        Staff.as(
                "tech-recorder",
                Role.LAB_TECHNICIAN,
                () -> runs.recordPostCulture(
                        positive.run().id(),
                        80_000,
                        text("Listeria-Marker-Pelican", "Listeria", "Pelican"),
                        positive.run().endedAt().plusSeconds(60)));

        InfantView[] infant = new InfantView[1];
        Staff.as(
                "nurse-fixture",
                Role.NURSE,
                () -> infant[0] = dispensing.registerInfant(new NewInfant(
                        text("HN-HERON-4711", "HERON"),
                        name("Vông-Sa-Cormorant"),
                        name("Bé-Bông-Egret"),
                        today.minusDays(10),
                        30,
                        2,
                        1350,
                        "NICU",
                        true,
                        today.minusDays(9))));
        milk.order(infant[0]);
        milk.dispense(infant[0], released.bottles().get(0));
        text("chosen for this test");
        text("Dr Lan");

        // a container the staff discard with words of their own
        RawContainerView spare = milk.containers(2, donor[0]).get(0);
        Staff.as(
                Staff.create(identity, Role.LAB_TECHNICIAN),
                Role.LAB_TECHNICIAN,
                () -> collection.discardContainer(
                        spare.din(), text("dropped by Mrs Thao-Marker-Ibis", "Thao-Marker-Ibis", "Ibis")));
    }

    private List<NetworkOutbox.Entry> allEntries() {
        List<NetworkOutbox.Entry> all = new ArrayList<>();
        int page = 1;
        while (true) {
            var items = outbox.entries(new org.openmilkbank.shared.PageRequest(page++, 100))
                    .items();
            if (items.isEmpty()) {
                return all;
            }
            all.addAll(items);
        }
    }

    // --- the sender, against a hub on a loopback port that records each request and hands it to this hub

    private NetworkSender.Result sendToAHub() throws IOException {
        if (!hub.isRegistered(facilityCode)) {
            hub.register(facilityCode, "VN", "Hà Nội", 380, key.publicKeyText());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(NetworkSender.BATCHES, this::recordAndForward);
        server.start();
        return sender.sendPendingTo(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    private void recordAndForward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            sentBodies.add(new String(body, StandardCharsets.UTF_8));
            MockHttpServletResponse answer = mvc.perform(post(NetworkSender.BATCHES)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andReturn()
                    .getResponse();
            byte[] out = answer.getContentAsString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.getStatus(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    // --- what must never leave

    /** What must not appear, by what it is: read from the whole bank, not only this test's records. */
    private Map<String, Set<String>> forbidden() {
        Map<String, Set<String>> f = new TreeMap<>();
        f.put("a marker written by this test", markers);
        f.put("a donor's name", namesOf("select given_name || ' ' || family_name from donor"));
        f.put("an infant's name", namesOf("select coalesce(given_name, '') || ' ' || family_name from infant"));
        f.put("a staff member's name", namesOf("select display_name from staff_user"));
        f.put("a staff username", strings("select username from staff_user"));
        f.put("a donor's phone", phones(strings("select phone from donor where phone is not null")));
        f.put("a donor's address", strings("select address from donor where address is not null"));
        f.put("a donor's birth date", strings("select birth_date::text from donor where birth_date is not null"));
        f.put("a donor code", strings("select donor_code from donor"));
        f.put("an infant code", strings("select infant_code from infant"));
        f.put(
                "a DIN or unit code",
                strings("select coalesce(din, code) from milk_unit where coalesce(din, code) is not null"));
        f.put("a unit's id", strings("select id::text from milk_unit"));
        f.put("a donor's or infant's id", strings("select id::text from donor union select id::text from infant"));
        f.put("a donation's id", strings("select id::text from donation"));
        f.put("a donation note", strings("select note from donation where note is not null"));
        f.put(
                "a serology test or lab reference",
                strings("select test from serology_result union select lab_reference from serology_result"
                        + " where lab_reference is not null"));
        Set<String> organisms =
                new LinkedHashSet<>(strings("select other_name from lab_culture_count where other_name is not null"));
        for (Organism o : Organism.values()) {
            // OTHER is the catch-all word, not an organism: the name typed with it is scanned
            if (o != Organism.OTHER) {
                organisms.add(o.name());
                organisms.add(o.name().replace('_', ' '));
            }
        }
        f.put("a culture organism", organisms);
        f.put("a test outcome", Set.copyOf(OUTCOME_WORDS));
        return f;
    }

    private Set<String> strings(String sql) {
        return jdbc.sql(sql).query(String.class).list().stream()
                .filter(s -> s != null && !s.isBlank())
                .map(String::strip)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Each whole name and each of its parts of three letters or more. */
    private Set<String> namesOf(String sql) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : strings(sql)) {
            names.add(name);
            names.addAll(parts(name));
        }
        return names;
    }

    private static List<String> parts(String text) {
        return java.util.Arrays.stream(text.split("[\\s,.;:()/'\"-]+"))
                .filter(p -> p.codePointCount(0, p.length()) >= 3)
                .filter(p -> !p.chars().allMatch(Character::isDigit))
                .toList();
    }

    /** As typed, and its digits alone when there are enough of them to name a line. */
    private static Set<String> phones(Collection<String> typed) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : typed) {
            out.add(t);
            String digits = t.replaceAll("\\D", "");
            if (digits.length() >= 8) {
                out.add(digits);
            }
        }
        return out;
    }

    // --- the scan

    /** Each hit as "where: what it is «needle»". */
    List<String> leaks(Map<String, String> outgoing, Map<String, Set<String>> forbidden) {
        Set<String> exempt = new java.util.HashSet<>();
        for (IndicatorDefinition d : indicators.dictionary()) {
            exempt.add(d.code());
            exempt.addAll(d.breakdowns());
            exempt.add(d.unit().name());
        }
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, String> out : outgoing.entrySet()) {
            String text = scannable(out.getValue(), exempt, leaks, out.getKey());
            String plain = plain(text).toLowerCase(Locale.ROOT);
            for (Map.Entry<String, Set<String>> kind : forbidden.entrySet()) {
                for (String needle : kind.getValue()) {
                    String n = plain(needle).toLowerCase(Locale.ROOT);
                    if (!n.isBlank() && appears(n, plain)) {
                        leaks.add(out.getKey() + ": " + kind.getKey() + " «" + needle + "»");
                    }
                }
            }
        }
        return leaks;
    }

    /**
     * Every key and value of the JSON as text, a signed batch's payload read as JSON too, the dictionary's codes in an
     * indicators payload left out, and pseudonyms checked and left out.
     */
    private String scannable(String jsonText, Set<String> exempt, List<String> leaks, String where) {
        JsonNode root = json.readTree(jsonText);
        if (root.has("payload") && root.path("payload").isTextual()) {
            StringBuilder outer = new StringBuilder();
            root.properties().forEach(p -> {
                if (!p.getKey().equals("payload")
                        && !p.getKey().equals("signature")
                        && !p.getKey().equals("sha256")) {
                    outer.append(p.getKey())
                            .append(' ')
                            .append(p.getValue().asText())
                            .append('\n');
                }
            });
            return outer + scannable(root.path("payload").asText(), exempt, leaks, where);
        }
        String kind = root.path("kind").asText();
        StringBuilder text = new StringBuilder();
        walk(root, null, kind, exempt, text, leaks, where);
        return text.toString();
    }

    private void walk(
            JsonNode node,
            String field,
            String kind,
            Set<String> exempt,
            StringBuilder text,
            List<String> leaks,
            String where) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                text.append(p.getKey()).append('\n');
                walk(p.getValue(), p.getKey(), kind, exempt, text, leaks, where);
            }
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, field, kind, exempt, text, leaks, where));
        } else if (!node.isNull()) {
            String value = node.asText();
            // the dictionary's own codes (an indicator, a breakdown such as the near miss WRONG_BABY, a unit), wherever
            // the month's figures or definitions name them, are words of the dictionary, not of a person
            if (kind.equals("indicators") && exempt.contains(value)) {
                return;
            }
            if (kind.equals(UnitEventsWriter.KIND) && "unit".equals(field)) {
                if (!PSEUDONYM.matcher(value).matches()) {
                    leaks.add(where + ": a unit not named by a pseudonym «" + value + "»");
                }
                return;
            }
            text.append(value).append('\n');
        }
    }

    /**
     * A needle of letters alone (a name, a word) as a whole word, so "Mai" is not found in "domain" but is in
     * "CULTURE_MAI" or "mai.lan"; any other (an id, a DIN, a phone number) wherever it is.
     */
    static boolean appears(String needle, String text) {
        if (needle.codePoints().allMatch(c -> Character.isLetter(c) || c == ' ' || c == '-')) {
            return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(needle) + "(?![\\p{L}\\p{N}])")
                    .matcher(text)
                    .find();
        }
        return text.contains(needle);
    }

    /** Without accents, so "Nguyen" finds "Nguyễn" and the other way round (đ reads d). */
    static String plain(String s) {
        return Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }
}
