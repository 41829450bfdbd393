package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bank's sender against a hub on a loopback port: a JDK {@code HttpServer} that hands each request to this
 * application's own hub endpoint, stopped to make an outage.
 */
@IntegrationTest
class NetworkSendingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkOutbox outbox;

    @Autowired
    NetworkSender sender;

    @Autowired
    NetworkHub hub;

    @Autowired
    BankKey key;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Value("${openmilkbank.facility-code}")
    String facilityCode;

    private HttpServer server;
    private int port;
    /** When set, the hub stores the batch but its answer is lost on the way back. */
    private final AtomicBoolean loseAnswers = new AtomicBoolean();

    @BeforeEach
    void startTheHub() throws IOException {
        if (!hub.isRegistered(facilityCode)) {
            hub.register(facilityCode, "VN", "Hà Nội", 380, key.publicKeyText());
        }
        // whatever an earlier test left waiting leaves first, so each test starts from an empty outbox
        startHubOn(0);
        assertThat(sender.sendPendingTo(hubUri()).failure()).isEmpty();
    }

    @AfterEach
    void stopTheHub() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void startHubOn(int wanted) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 0);
        server.createContext(NetworkSender.BATCHES, this::forwardToTheHub);
        server.start();
        port = server.getAddress().getPort();
    }

    private void forwardToTheHub(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            MockHttpServletResponse answer = mvc.perform(post(NetworkSender.BATCHES)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andReturn()
                    .getResponse();
            if (loseAnswers.get()) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
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

    private URI hubUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private long share(YearMonth month) {
        return new TransactionTemplate(transactions).execute(s -> outbox.addMonthOfIndicators(month));
    }

    private List<Long> atTheHub() {
        return jdbc.sql("select sequence from network_batch where facility_code = ? order by sequence")
                .param(facilityCode)
                .query(Long.class)
                .list();
    }

    private List<Long> waiting() {
        return outbox.pending(1000).stream().map(NetworkOutbox.Entry::sequence).toList();
    }

    @Test
    void sendsAMonthOfIndicatorsAndMarksItSentOnTheHubsAcknowledgement() {
        long entry = share(YearMonth.of(2026, 1));

        NetworkSender.Result result = sender.sendPendingTo(hubUri());

        assertThat(result.sent()).isEqualTo(1);
        assertThat(result.failure()).isEmpty();
        assertThat(atTheHub()).endsWith(entry);
        NetworkOutbox.Entry sent = outbox.entries(PageRequest.first()).items().get(0);
        assertThat(sent.sequence()).isEqualTo(entry);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(sent.payload()).contains("\"month\": \"2026-01\"").contains("\"kind\": \"indicators\"");
        byte[] stored = jdbc.sql("select payload_bytes from network_batch where facility_code = ? and sequence = ?")
                .params(facilityCode, entry)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo(sent.payload());
    }

    @Test
    void keepsTheBatchesWhileTheHubIsDownAndSendsThemInOrderWhenItIsBack() throws IOException {
        server.stop(0);
        long february = share(YearMonth.of(2026, 2));
        long march = share(YearMonth.of(2026, 3));

        NetworkSender.Result during = sender.sendPendingTo(hubUri());

        assertThat(during.sent()).isZero();
        assertThat(during.failure()).isPresent();
        assertThat(waiting()).containsExactly(february, march);
        assertThat(atTheHub()).doesNotContain(february, march);

        startHubOn(port);
        NetworkSender.Result after = sender.sendPendingTo(hubUri());

        assertThat(after.sent()).isEqualTo(2);
        assertThat(waiting()).isEmpty();
        List<Long> hubHas = atTheHub();
        assertThat(hubHas).endsWith(february, march).doesNotHaveDuplicates();
        assertThat(hubHas)
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, march)
                        .boxed()
                        .toList());
    }

    @Test
    void aBatchWhoseAcknowledgementWasLostIsSentAgainAndStoredOnce() {
        long entry = share(YearMonth.of(2026, 4));
        loseAnswers.set(true);

        NetworkSender.Result lost = sender.sendPendingTo(hubUri());

        assertThat(lost.sent()).isZero();
        assertThat(waiting()).containsExactly(entry);
        assertThat(atTheHub()).endsWith(entry);

        loseAnswers.set(false);
        NetworkSender.Result again = sender.sendPendingTo(hubUri());

        assertThat(again.sent()).isEqualTo(1);
        assertThat(waiting()).isEmpty();
        assertThat(atTheHub()).filteredOn(n -> n == entry).hasSize(1);
    }

    @Test
    void anEntryWhoseContentTheHubRefusesIsKeptThereWithWhyAndHoldsBackNothingAfterIt() {
        // a month with no figures: the hub's projection of indicators refuses it
        long refused = new TransactionTemplate(transactions)
                .execute(s -> outbox.add(Map.of("kind", "indicators", "month", "2024-07")));
        long after = share(YearMonth.of(2026, 5));

        NetworkSender.Result result = sender.sendPendingTo(hubUri());

        assertThat(result.failure()).isEmpty();
        assertThat(result.sent()).isEqualTo(2);
        assertThat(waiting()).isEmpty();
        assertThat(atTheHub()).contains(refused, after);
        NetworkOutbox.Entry kept = outbox.entry(refused).orElseThrow();
        assertThat(kept.refusedByHub()).isTrue();
        assertThat(kept.hubRefusal())
                .singleElement()
                .satisfies(why -> assertThat(why.key()).isEqualTo("network.indicators.invalid"));
        assertThat(outbox.entry(after).orElseThrow().refusedByHub()).isFalse();
        // the hub took nothing of the refused month, and says so in its refusals
        assertThat(jdbc.sql(
                                "select count(*) from network_indicator where facility_code = ? and month = date '2024-07-01'")
                        .param(facilityCode)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql(
                                "select count(*) from network_indicator where facility_code = ? and month = date '2026-05-01'")
                        .param(facilityCode)
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("select code from network_refusal where facility_code = ? and sequence = ?")
                        .params(facilityCode, refused)
                        .query(String.class)
                        .list())
                .containsExactly("network.indicators.invalid");
    }

    @Test
    void writesAnEntryOnlyInTheCallersTransaction() {
        assertThatThrownBy(() -> outbox.add(Map.of("kind", "indicators")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void anEntryRolledBackWithItsChangeNeverLeaves() {
        List<Long> before = waiting();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            outbox.add(Map.of("kind", "indicators"));
            s.setRollbackOnly();
        });

        assertThat(waiting()).isEqualTo(before);
    }

    @Test
    void withNoHubConfiguredNothingLeaves() {
        long entry = share(YearMonth.of(2026, 5));

        assertThat(sender.sendPending().sent()).isZero();
        assertThat(waiting()).containsExactly(entry);
    }
}
