package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.labeling.Freezer;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank's de-identified unit-level events: written with each milk step only when the bank agreed, lost with a step
 * that rolls back, and kept and counted by the hub.
 */
@IntegrationTest
class UnitEventSharingTests {

    private static final AtomicInteger BANKS = new AtomicInteger();

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NetworkSharing sharing;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    UnitPseudonyms pseudonyms;

    @Autowired
    Freezer freezer;

    @Autowired
    JsonMapper json;

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkHub hub;

    @Autowired
    IdentityManagement identity;

    @AfterEach
    void stopSharing() {
        EventSharingSwitch.set(sharing, false);
    }

    private long lastEntry() {
        return jdbc.sql("select coalesce(max(sequence), 0) from network_outbox")
                .query(Long.class)
                .single();
    }

    private List<JsonNode> eventEntriesAfter(long sequence) {
        return jdbc
                .sql("select payload::text from network_outbox where sequence > ? and payload ->> 'kind' = 'events'"
                        + " order by sequence")
                .param(sequence)
                .query(String.class)
                .list()
                .stream()
                .map(json::readTree)
                .toList();
    }

    @Test
    void writesAReceptionAsOneEntryOfEventsNamingUnitsByPseudonymWhenTheBankShares() {
        EventSharingSwitch.set(sharing, true);
        long before = lastEntry();

        DonationView donation = ProcessingFixtures.receivedDonation(context, 3, 300, 200);

        List<JsonNode> entries = eventEntriesAfter(before);
        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.path("count").asInt()).isEqualTo(2);
        assertThat(entry.path("month").asText()).matches("\\d{4}-\\d{2}");
        List<RawContainerView> containers = donation.containers();
        for (int i = 0; i < 2; i++) {
            JsonNode event = entry.path("events").get(i);
            RawContainerView container = containers.get(i);
            assertThat(event.path("type").asText()).isEqualTo("RECEIVED");
            assertThat(event.path("unitKind").asText()).isEqualTo("CONTAINER");
            assertThat(event.path("volumeMl").asInt()).isEqualTo(container.volumeMl());
            assertThat(event.path("product").asText())
                    .isEqualTo(freezer.rawProduct().code());
            assertThat(event.path("unit").asText())
                    .isEqualTo(pseudonyms.of(container.id()))
                    .doesNotContain(container.id().toString())
                    .doesNotContain(container.din());
            assertThat(Instant.parse(event.path("at").asText()))
                    .isEqualTo(
                            UnitEventPolicy.hour(Instant.parse(event.path("at").asText())));
            assertThat(event.path("at").asText()).endsWith(":00:00Z");
        }
        assertThat(entry.toString()).doesNotContain(donation.id().toString());
    }

    @Test
    void theBanksListOfWhatLeftNamesAnEntryOfEventsAndSaysHowManyAndOfWhichMonth() throws Exception {
        EventSharingSwitch.set(sharing, true);
        long before = lastEntry();
        ProcessingFixtures.receivedDonation(context, 3, 300, 200);
        JsonNode entry = eventEntriesAfter(before).get(0);
        String manager = Staff.create(identity, Role.MANAGER);

        String html = mvc.perform(get("/network").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String vi = mvc.perform(get("/network").param("lang", "vi").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        String month = entry.path("month").asText();
        assertThat(html).contains("De-identified unit events").contains("2 events of " + month);
        assertThat(vi).contains("Sự kiện đơn vị sữa đã khử định danh").contains("2 sự kiện của " + month);
    }

    @Test
    void sharesNoCultureAndWithholdsAPositiveCultureAsTheReasonOfTheDiscard() {
        DispensingFixtures milk = new DispensingFixtures(context);
        DispensingFixtures.Batch batch = milk.quarantined(milk.containers(3, milk.eligibleDonor()), 2);
        EventSharingSwitch.set(sharing, true);
        long before = lastEntry();

        Staff.as(
                "tech-recorder",
                Role.LAB_TECHNICIAN,
                () -> context.getBean(org.openmilkbank.pasteurization.PasteurisationManagement.class)
                        .recordPostCulture(
                                batch.run().id(),
                                50_000,
                                null,
                                batch.run().endedAt().plusSeconds(60)));

        List<JsonNode> events = eventEntriesAfter(before).stream()
                .flatMap(e ->
                        java.util.stream.StreamSupport.stream(e.path("events").spliterator(), false))
                .toList();
        assertThat(events)
                .extracting(e -> e.path("type").asText())
                .doesNotContain("CULTURE_POSITIVE", "CULTURE_NEGATIVE", "CULTURE_RECORDED");
        List<JsonNode> discards = events.stream()
                .filter(e -> e.path("type").asText().equals("DISCARDED"))
                .toList();
        assertThat(discards).hasSize(2);
        assertThat(discards).allSatisfy(d -> {
            assertThat(d.has("reason")).as("a culture is a test result").isFalse();
            assertThat(d.path("unitKind").asText()).isEqualTo("BOTTLE");
            assertThat(d.path("volumeMl").asInt()).isEqualTo(100);
            assertThat(d.path("product").asText())
                    .isEqualTo(freezer.pasteurisedProduct().code());
        });
    }

    @Test
    void sharesAStaffDiscardWithItsCodedReasonButNotTheWordsTyped() {
        DonationView donation = ProcessingFixtures.receivedDonation(context, 3, 250);
        EventSharingSwitch.set(sharing, true);
        long before = lastEntry();
        String din = donation.containers().get(0).din();

        Staff.as(
                Staff.create(identity, Role.LAB_TECHNICIAN),
                Role.LAB_TECHNICIAN,
                () -> context.getBean(org.openmilkbank.collection.CollectionManagement.class)
                        .discardContainer(din, "spilt by Ms Quynh-Marker at the sink"));

        List<JsonNode> entries = eventEntriesAfter(before);
        assertThat(entries).hasSize(1);
        JsonNode event = entries.get(0).path("events").get(0);
        assertThat(event.path("type").asText()).isEqualTo("DISCARDED");
        assertThat(event.path("reason").asText()).isEqualTo("collection.discarded");
        assertThat(event.path("volumeMl").asInt())
                .as("the container's received volume")
                .isEqualTo(250);
        assertThat(entries.get(0).toString()).doesNotContain("Quynh", "sink", din);
    }

    // --- the hub

    private String registeredBank(KeyPair key) {
        String bank = "UE" + BANKS.incrementAndGet() + System.nanoTime() % 100_000;
        hub.register(bank, "VN", "Hà Nội", 400, BatchSignatures.encode(key.getPublic()));
        return bank;
    }

    private void send(String bank, KeyPair key, long sequence, String payload, int expectedStatus) throws Exception {
        SignedBatch batch = BatchSignatures.sign(
                Batch.of(bank, sequence, Instant.parse("2026-02-01T03:00:00.000001Z"), payload), key.getPrivate());
        mvc.perform(post("/api/v1/network/batches")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(batch)))
                .andExpect(status().is(expectedStatus));
    }

    private static String event(String type, String unit, String at, String month, Integer volumeMl) {
        return "{\"type\": \"" + type + "\", \"unit\": \"" + unit + "\", \"at\": \"" + at + "\", \"month\": \""
                + month + "\", \"unitKind\": \"BOTTLE\", \"product\": \"M0007\""
                + (volumeMl == null ? "" : ", \"volumeMl\": " + volumeMl) + "}";
    }

    @Test
    void theHubKeepsABanksEventsInTheMonthsPartitionAndCountsThemByType() throws Exception {
        KeyPair key = BatchSignatures.newKeyPair();
        String bank = registeredBank(key);
        send(
                bank,
                key,
                1,
                "{\"kind\": \"events\", \"month\": \"2026-02\", \"count\": 4, \"events\": ["
                        + event("FILLED", "u1", "2026-02-03T08:00:00Z", "2026-02", 100) + ", "
                        + event("FILLED", "u2", "2026-02-03T08:00:00Z", "2026-02", 100) + ", "
                        + event("DISPENSED", "u1", "2026-02-05T10:00:00Z", "2026-02", 100) + ", "
                        + event("DISCARDED", "u2", "2026-01-31T20:00:00Z", "2026-02", 40)
                                .replace("}", ", \"reason\": \"dropped by Ms Lan\"}")
                        + "]}",
                200);
        String coordinator = Staff.create(identity, Role.NETWORK_COORDINATOR);

        mvc.perform(get("/api/v1/hub/banks/{code}/events", bank)
                        .param("month", "2026-02")
                        .with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.facilityCode").value(bank))
                .andExpect(jsonPath("$.month").value("2026-02"))
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.counts[0].type").value("DISCARDED"))
                .andExpect(jsonPath("$.counts[0].volumeMl").value(40))
                .andExpect(jsonPath("$.counts[2].type").value("FILLED"))
                .andExpect(jsonPath("$.counts[2].events").value(2))
                .andExpect(jsonPath("$.counts[2].units").value(2))
                .andExpect(jsonPath("$.counts[2].volumeMl").value(200));
        assertThat(jdbc.sql("select distinct tableoid::regclass::text from network_unit_event where facility_code = ?")
                        .param(bank)
                        .query(String.class)
                        .list())
                .as("the bank's month, as the bank counted it")
                .containsExactly("network_unit_event_y2026m02");
        assertThat(context.getBean(UnitEvents.class).countsByType(bank, java.time.YearMonth.of(2026, 1)))
                .isEmpty();
        assertThat(jdbc.sql("select reason_code from network_unit_event where facility_code = ? and type = 'DISCARDED'")
                        .param(bank)
                        .query(String.class)
                        .list())
                .as("a reason that is not a code is not kept")
                .containsOnlyNulls();
    }

    @Test
    void aMonthFarFromNowIsKeptInTheDefaultPartitionNotRefused() throws Exception {
        KeyPair key = BatchSignatures.newKeyPair();
        String bank = registeredBank(key);

        send(
                bank,
                key,
                1,
                "{\"kind\": \"events\", \"events\": [" + event("FILLED", "u9", "1999-12-03T08:17:00Z", "1999-12", null)
                        + "]}",
                200);

        assertThat(jdbc.sql("select tableoid::regclass::text || ' ' || (occurred_at at time zone 'UTC')"
                                + " from network_unit_event"
                                + " where facility_code = ?")
                        .param(bank)
                        .query(String.class)
                        .single())
                .as("kept to the hour even when the bank sent minutes")
                .startsWith("network_unit_event_default 1999-12-03 08:00:00");
    }

    @Test
    void refusesTheContentOfABatchWithAnEventLackingItsUnitAndKeepsNothingOfIt() throws Exception {
        KeyPair key = BatchSignatures.newKeyPair();
        String bank = registeredBank(key);

        send(
                bank,
                key,
                1,
                "{\"kind\": \"events\", \"events\": [" + event("FILLED", "u1", "2026-02-03T08:00:00Z", "2026-02", 100)
                        + ", {\"type\": \"FILLED\", \"at\": \"2026-02-03T08:00:00Z\", \"month\": \"2026-02\"}]}",
                200);

        // the batch is kept with its number (the bank's next ones are not held back), none of its events are
        assertThat(context.getBean(BatchIntake.class).refusalCodes(bank)).hasSize(1);
        assertThat(context.getBean(UnitEvents.class).countsByType(bank, java.time.YearMonth.of(2026, 2)))
                .isEmpty();
    }

    @Test
    void theCountsAreTheCoordinatorsOnlyAndAnswerAnUnknownBankOrABadMonthWithoutAnError() throws Exception {
        String coordinator = Staff.create(identity, Role.NETWORK_COORDINATOR);
        String manager = Staff.create(identity, Role.MANAGER);
        KeyPair key = BatchSignatures.newKeyPair();
        String bank = registeredBank(key);

        mvc.perform(get("/api/v1/hub/banks/{code}/events", bank).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/hub/banks/{code}/events", "NO-SUCH-" + UUID.randomUUID())
                        .with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/hub/banks/{code}/events", bank)
                        .param("month", "2026-13")
                        .with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/hub/banks/{code}/events", bank).with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }
}
