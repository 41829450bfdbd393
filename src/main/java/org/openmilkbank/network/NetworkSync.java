package org.openmilkbank.network;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bank's exchange with its hub, by the scheduler or the manager's "Send now": the outbox leaves first, oldest
 * first, then the hub's messages after the last one held are fetched page by page and delivered to the inbox, each
 * checked with the hub's key. With the hub down nothing is lost: what waits stays waiting and the next run catches
 * up in order. Every run is kept (last attempt, last success, why it failed, coded) for the bank's page.
 */
@Service
public class NetworkSync {

    static final String MESSAGES = "/api/v1/network/messages";
    static final int PAGE = 100;
    private static final Logger log = LoggerFactory.getLogger(NetworkSync.class);

    private final NetworkSender sender;
    private final HubClient client;
    private final NetworkLink link;
    private final NetworkInbox inbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    NetworkSync(
            NetworkSender sender,
            HubClient client,
            NetworkLink link,
            NetworkInbox inbox,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.sender = sender;
        this.client = client;
        this.link = link;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * What one run did.
     *
     * @param sent how many outbox entries the hub acknowledged
     * @param fetched how many of the hub's messages were delivered to the inbox (kept, handled or refused)
     * @param failure why the run stopped early, empty when it went through
     */
    public record Result(int sent, int fetched, Optional<Said> failure) {

        public boolean succeeded() {
            return failure.isEmpty();
        }
    }

    /**
     * The last run kept.
     *
     * @param lastSuccessAt the last run that went through, {@code null} when none did
     * @param failure why the last run failed, empty when it went through
     */
    public record Status(
            Instant lastAttemptAt, Instant lastSuccessAt, List<Said> failure, int lastSent, int lastFetched) {

        public boolean succeeded() {
            return failure.isEmpty();
        }
    }

    /** Whether the bank has a hub to talk to (a link, or the configured address). */
    public boolean hasHub() {
        return link.current().isPresent() || sender.configuredHub().isPresent();
    }

    /**
     * Sends the outbox and fetches the hub's messages now; refused with {@code network.link.none} when the bank has no
     * hub. A failure (the hub down, a refusal) is kept and answered, not thrown.
     */
    public synchronized Result syncNow() {
        Optional<NetworkLink.Link> linked = link.current();
        URI hub = linked.map(NetworkLink.Link::hubUrl)
                .or(sender::configuredHub)
                .orElseThrow(() -> new RuleViolation("network.link.none"));
        Instant attempt = clock.instant();
        NetworkSender.Result sending = sender.sendPendingTo(hub);
        Optional<Said> failure = sending.reason();
        int fetched = 0;
        if (linked.isPresent()) {
            Fetch fetch = fetch(linked.get());
            fetched = fetch.delivered();
            failure = failure.or(fetch::failure);
        }
        Result result = new Result(sending.sent(), fetched, failure);
        if (failure.isPresent()) {
            log.warn("The exchange with the hub {} stopped: {}", hub, failure.get());
        }
        keep(attempt, result);
        return result;
    }

    private record Fetch(int delivered, Optional<Said> failure) {}

    private Fetch fetch(NetworkLink.Link hub) {
        java.security.PublicKey hubKey = hub.publicKey();
        int delivered = 0;
        while (true) {
            long after = inbox.lastSequence();
            SignedBatch[] page;
            try {
                page = client.exchange(
                        hub.hubUrl(),
                        HttpMethod.GET,
                        MESSAGES + "?after=" + after + "&limit=" + PAGE,
                        null,
                        SignedBatch[].class);
            } catch (RuleViolation refused) {
                return new Fetch(delivered, Optional.of(Said.of(refused.code(), refused.args())));
            }
            if (page == null || page.length == 0) {
                return new Fetch(delivered, Optional.empty());
            }
            for (SignedBatch message : page) {
                if (message.sequence() == null || message.sequence() <= after) {
                    return new Fetch(delivered, Optional.of(Said.of("network.sync.messageRejected", after)));
                }
                NetworkInbox.Delivery delivery = inbox.deliver(message, hubKey);
                if (delivery == NetworkInbox.Delivery.REJECTED) {
                    // not the hub's signature: the same message would come again; stop here, the page says so
                    return new Fetch(
                            delivered, Optional.of(Said.of("network.sync.messageRejected", message.sequence())));
                }
                delivered++;
            }
            if (page.length < PAGE) {
                return new Fetch(delivered, Optional.empty());
            }
        }
    }

    private void keep(Instant attempt, Result result) {
        tx.executeWithoutResult(s -> jdbc.sql("""
                        insert into network_sync (id, last_attempt_at, last_success_at, last_failure, last_sent,
                            last_fetched)
                        values (1, ?, ?, cast(? as jsonb), ?, ?)
                        on conflict (id) do update set last_attempt_at = excluded.last_attempt_at,
                            last_success_at = coalesce(excluded.last_success_at, network_sync.last_success_at),
                            last_failure = excluded.last_failure, last_sent = excluded.last_sent,
                            last_fetched = excluded.last_fetched
                        """)
                .params(
                        Timestamp.from(attempt),
                        result.succeeded() ? Timestamp.from(attempt) : null,
                        result.failure().map(f -> Said.toJson(List.of(f))).orElse(null),
                        result.sent(),
                        result.fetched())
                .update());
    }

    /** The last run, empty before the first. */
    public Optional<Status> status() {
        return jdbc.sql("""
                        select last_attempt_at, last_success_at, last_failure::text as failure, last_sent, last_fetched
                        from network_sync where id = 1
                        """)
                .query((rs, n) -> {
                    Timestamp success = rs.getTimestamp("last_success_at");
                    String failure = rs.getString("failure");
                    return new Status(
                            rs.getTimestamp("last_attempt_at").toInstant(),
                            success == null ? null : success.toInstant(),
                            failure == null ? List.of() : Said.listFromJson(failure),
                            rs.getInt("last_sent"),
                            rs.getInt("last_fetched"));
                })
                .optional();
    }
}
