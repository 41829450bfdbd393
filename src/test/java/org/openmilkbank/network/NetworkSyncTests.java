package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.LoopbackHub;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bank's exchange with its hub over HTTP: a JDK {@code HttpServer} on a loopback port hands every request, its
 * signature headers and body, to this application's own hub endpoints; stopping it is the hub down. The application
 * is the hub and the bank at once: the bank is linked to the loopback hub with the installation's own key.
 */
@IntegrationTest
class NetworkSyncTests {

    private static final AtomicInteger BANKS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkSync sync;

    @Autowired
    NetworkOutbox outbox;

    @Autowired
    NetworkInbox inbox;

    @Autowired
    HubMessages messages;

    @Autowired
    HubClient client;

    @Autowired
    NetworkHub hub;

    @Autowired
    NetworkLink link;

    @Autowired
    BankKey key;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Value("${openmilkbank.facility-code}")
    String facilityCode;

    private LoopbackHub server;

    @BeforeEach
    void linkTheBankToALoopbackHub() throws IOException {
        if (!hub.isRegistered(facilityCode)) {
            hub.register(facilityCode, "VN", "Hà Nội", 380, key.publicKeyText());
        }
        server = LoopbackHub.start(mvc);
        link.link(hubUri(), key.publicKeyText());
        // whatever an earlier test left waiting is exchanged first, so each test starts even
        assertThat(sync.syncNow().failure()).isEmpty();
    }

    @AfterEach
    void stopTheHub() {
        if (server != null) {
            server.stop();
        }
    }

    private URI hubUri() {
        return server.uri();
    }

    private long publish(Map<String, ?> fields, Optional<String> to) {
        return new TransactionTemplate(transactions).execute(s -> messages.publish("test-sync", fields, to));
    }

    private long share(YearMonth month) {
        return new TransactionTemplate(transactions).execute(s -> outbox.addMonthOfIndicators(month));
    }

    private List<Long> held() {
        return inbox.entries(new PageRequest(1, 500)).items().stream()
                .map(NetworkInbox.Entry::sequence)
                .toList();
    }

    private List<Long> atTheHub() {
        return jdbc.sql("select sequence from network_batch where facility_code = ? order by sequence")
                .param(facilityCode)
                .query(Long.class)
                .list();
    }

    @Test
    void fetchesTheHubsMessagesForItOverSignedRequestsAndKeepsEachOnce() {
        long mine = publish(Map.of("note", "for this bank"), Optional.of(facilityCode));
        long all = publish(Map.of("note", "for all"), Optional.empty());
        long theirs = publish(Map.of("note", "for another"), Optional.of(otherBank()));

        NetworkSync.Result result = sync.syncNow();

        assertThat(result.failure()).isEmpty();
        assertThat(result.fetched()).isEqualTo(2);
        assertThat(held()).contains(mine, all).doesNotContain(theirs);
        assertThat(inbox.lastSequence()).isEqualTo(all);

        NetworkSync.Result again = sync.syncNow();
        assertThat(again.fetched()).isZero();
        assertThat(held()).filteredOn(n -> n == mine).hasSize(1);
    }

    @Test
    void fetchesPageByPage() {
        long first = 0;
        for (int i = 0; i < NetworkSync.PAGE + 3; i++) {
            long n = publish(Map.of("i", i), Optional.of(facilityCode));
            first = first == 0 ? n : first;
        }

        NetworkSync.Result result = sync.syncNow();

        assertThat(result.fetched()).isEqualTo(NetworkSync.PAGE + 3);
        assertThat(held()).contains(first, inbox.lastSequence());
    }

    @Test
    void keepsEverythingWhileTheHubIsDownSaysWhyAndCatchesUpInOrder() throws IOException {
        NetworkSync.Status before = sync.status().orElseThrow();
        server.stop();
        long january = share(YearMonth.of(2025, 1));
        long february = share(YearMonth.of(2025, 2));
        long message = publish(Map.of("note", "while down"), Optional.of(facilityCode));

        NetworkSync.Result down = sync.syncNow();

        assertThat(down.sent()).isZero();
        assertThat(down.fetched()).isZero();
        assertThat(down.failure()).hasValueSatisfying(f -> assertThat(f.key()).isEqualTo("network.sync.unreachable"));
        NetworkSync.Status failed = sync.status().orElseThrow();
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.lastSuccessAt()).isEqualTo(before.lastSuccessAt());
        assertThat(outbox.pending(1000).stream().map(NetworkOutbox.Entry::sequence))
                .containsExactly(january, february);
        assertThat(held()).doesNotContain(message);

        server.restart();
        NetworkSync.Result back = sync.syncNow();

        assertThat(back.failure()).isEmpty();
        assertThat(back.sent()).isEqualTo(2);
        assertThat(back.fetched()).isEqualTo(1);
        assertThat(outbox.pending(1000)).isEmpty();
        assertThat(atTheHub()).endsWith(january, february).doesNotHaveDuplicates();
        assertThat(held()).contains(message);
        assertThat(sync.status().orElseThrow().succeeded()).isTrue();
    }

    @Test
    void aMessageNotSignedByTheLinkedHubsKeyIsNotKeptAndTheRunSaysSo() {
        link.link(hubUri(), BatchSignatures.encode(BatchSignatures.newKeyPair().getPublic()));
        long n = publish(Map.of("note", "x"), Optional.of(facilityCode));

        NetworkSync.Result result = sync.syncNow();

        assertThat(result.failure())
                .hasValueSatisfying(f -> assertThat(f.key()).isEqualTo("network.sync.messageRejected"));
        assertThat(held()).doesNotContain(n);
        link.link(hubUri(), key.publicKeyText());
        assertThat(sync.syncNow().failure()).isEmpty();
        assertThat(held()).contains(n);
    }

    @Test
    void theHubClientSignsAndCallsTheLinkedHub() {
        long n = publish(Map.of("note", "y"), Optional.of(facilityCode));

        SignedBatch[] page = client.get(NetworkSync.MESSAGES + "?after=" + (n - 1) + "&limit=1", SignedBatch[].class);

        assertThat(page).singleElement().satisfies(m -> assertThat(m.sequence()).isEqualTo(n));
    }

    @Test
    void theHubsCodedRefusalComesBackToTheBank() {
        link.link(URI.create(hubUri() + "/"), key.publicKeyText());

        assertThatThrownBy(() -> client.post("/api/v1/network/enrolments", Map.of("x", 1), Map.class))
                .isInstanceOfSatisfying(
                        RuleViolation.class, r -> assertThat(r.code()).startsWith("network."));
    }

    @Test
    void aHubThatCannotBeReachedIsACodedRefusal() {
        server.stop();

        assertThatThrownBy(() -> client.get(NetworkSync.MESSAGES, SignedBatch[].class))
                .isInstanceOfSatisfying(
                        RuleViolation.class, r -> assertThat(r.code()).isEqualTo("network.hub.unreachable"));
    }

    @Autowired
    NetworkSharing sharing;

    @Test
    void aSharingChangeReachesTheHubWhichKeepsTheBanksConsents() {
        org.openmilkbank.support.Staff.as(
                "manager-sync",
                org.openmilkbank.shared.Role.MANAGER,
                () -> sharing.change(new NetworkSharing.SharingForm(true, true, "Agreed with the ministry")));

        assertThat(sync.syncNow().failure()).isEmpty();
        NetworkHub.BankView named = hub.bank(facilityCode);
        assertThat(named.named()).isTrue();
        assertThat(named.sharesEvents()).isTrue();

        org.openmilkbank.support.Staff.as(
                "manager-sync",
                org.openmilkbank.shared.Role.MANAGER,
                () -> sharing.change(new NetworkSharing.SharingForm(false, true, "Events paused by the board")));
        assertThat(sync.syncNow().failure()).isEmpty();

        NetworkHub.BankView paused = hub.bank(facilityCode);
        assertThat(paused.named()).isTrue();
        assertThat(paused.sharesEvents()).isFalse();
        assertThat(sharing.changes()).first().satisfies(c -> {
            assertThat(c.reason()).isEqualTo("Events paused by the board");
            assertThat(c.changedBy()).isEqualTo("manager-sync");
        });
    }

    private String otherBank() {
        String code = "SY" + BANKS.incrementAndGet() + System.nanoTime() % 100_000;
        hub.register(
                code,
                "LA",
                "Vientiane",
                40,
                BatchSignatures.encode(BatchSignatures.newKeyPair().getPublic()));
        return code;
    }

    // the hub's check of signed requests, straight at its endpoint

    private final KeyPair stranger = BatchSignatures.newKeyPair();

    private String registered(KeyPair pair) {
        String code = "SR" + BANKS.incrementAndGet() + System.nanoTime() % 100_000;
        hub.register(code, "VN", "Huế", 120, BatchSignatures.encode(pair.getPublic()));
        return code;
    }

    private MockHttpServletRequestBuilder signedGet(String facility, java.time.Instant at, KeyPair by) {
        String path = NetworkSync.MESSAGES + "?after=0&limit=5";
        SignedRequests.Headers h = SignedRequests.sign("GET", path, facility, at, null, by.getPrivate());
        return get(path)
                .header(SignedRequests.FACILITY, h.facilityCode())
                .header(SignedRequests.TIMESTAMP, h.timestamp())
                .header(SignedRequests.SIGNATURE, h.signature());
    }

    @Test
    void theHubAnswersARegisteredBanksSignedRequest() throws Exception {
        KeyPair pair = BatchSignatures.newKeyPair();
        String bank = registered(pair);

        mvc.perform(signedGet(bank, clock.instant(), pair)).andExpect(status().isOk());
    }

    @Test
    void theHubRefusesARequestSignedByAnotherKey() throws Exception {
        String bank = registered(BatchSignatures.newKeyPair());

        mvc.perform(signedGet(bank, clock.instant(), stranger))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("network.request.badSignature"));
    }

    @Test
    void theHubRefusesAStaleOrEarlyTimestamp() throws Exception {
        KeyPair pair = BatchSignatures.newKeyPair();
        String bank = registered(pair);

        mvc.perform(signedGet(bank, clock.instant().minus(Duration.ofMinutes(6)), pair))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("network.request.stale"));
        mvc.perform(signedGet(bank, clock.instant().plus(Duration.ofMinutes(6)), pair))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("network.request.stale"));
    }

    @Test
    void theHubRefusesAnUnknownBankAndAnUnsignedRequestInTheReadersLanguage() throws Exception {
        mvc.perform(signedGet("NOSUCHBANK", clock.instant(), stranger))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("network.request.unknownBank"));
        mvc.perform(get(NetworkSync.MESSAGES).param("lang", "vi"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").doesNotExist());
        mvc.perform(get(NetworkSync.MESSAGES)
                        .param("lang", "vi")
                        .header(SignedRequests.SIGNATURE, "x")
                        .header(SignedRequests.FACILITY, "NOSUCHBANK"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("network.request.unsigned"))
                .andExpect(jsonPath("$.detail")
                        .value("Yêu cầu gửi trung tâm này không có chữ ký của ngân hàng: bị từ chối."));
    }

    @Test
    void aChangedQueryIsRefused() throws Exception {
        KeyPair pair = BatchSignatures.newKeyPair();
        String bank = registered(pair);
        SignedRequests.Headers h = SignedRequests.sign(
                "GET", NetworkSync.MESSAGES + "?after=0&limit=5", bank, clock.instant(), null, pair.getPrivate());

        mvc.perform(get(NetworkSync.MESSAGES + "?after=0&limit=500")
                        .header(SignedRequests.FACILITY, h.facilityCode())
                        .header(SignedRequests.TIMESTAMP, h.timestamp())
                        .header(SignedRequests.SIGNATURE, h.signature()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("network.request.badSignature"));
    }
}
