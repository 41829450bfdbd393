package org.openmilkbank.network;

import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank's inbox of its hub's messages. Each message is checked against the hub's key, kept once (by its hub number)
 * and handed to the {@link HubMessageHandler} of its kind in the transaction that keeps it. A handler's refusal
 * leaves the message kept with the refusal as its outcome and nothing of the handling; a kind no handler takes is
 * kept as it came.
 */
@Service
public class NetworkInbox {

    private static final Logger log = LoggerFactory.getLogger(NetworkInbox.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final String facilityCode;
    private final Map<String, HubMessageHandler> handlers;

    NetworkInbox(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            JsonMapper json,
            Clock clock,
            @Value("${openmilkbank.facility-code}") String facilityCode,
            List<HubMessageHandler> handlers) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
        this.facilityCode = facilityCode;
        this.handlers = handlers.stream().collect(Collectors.toMap(HubMessageHandler::kind, Function.identity()));
    }

    /** What became of one delivered message. */
    public enum Delivery {
        HANDLED,
        /** kept; no handler takes its kind */
        KEPT,
        /** kept; its handler refused it (the refusal is its outcome) */
        REFUSED,
        /** the bank already holds it: nothing done */
        ALREADY_HELD,
        /** not signed by the hub's key, or for another bank: not kept */
        REJECTED
    }

    /** Checks, keeps and handles one message from the hub. */
    public Delivery deliver(SignedBatch message, PublicKey hubKey) {
        if (!BatchSignatures.verify(message, hubKey)) {
            log.warn("A message {} not signed by the hub's key was dropped", message.sequence());
            return Delivery.REJECTED;
        }
        JsonNode payload = json.readTree(message.payload());
        String to = payload.path("to").isTextual() ? payload.get("to").asText() : null;
        if (to != null && !to.equals(facilityCode)) {
            log.warn("Message {} is for bank {}, not this one: dropped", message.sequence(), to);
            return Delivery.REJECTED;
        }
        InboxMessage inbox =
                new InboxMessage(message.sequence(), payload.path("kind").asText(""), to, message.createdAt(), payload);
        Optional<HubMessageHandler> handler = Optional.ofNullable(handlers.get(inbox.kind()));
        try {
            return tx.execute(status -> {
                if (!keep(inbox)) {
                    return Delivery.ALREADY_HELD;
                }
                if (handler.isEmpty()) {
                    return Delivery.KEPT;
                }
                handler.get().handle(inbox);
                jdbc.sql("update network_inbox set handled_at = ? where sequence = ?")
                        .params(Timestamp.from(clock.instant()), inbox.sequence())
                        .update();
                return Delivery.HANDLED;
            });
        } catch (RuleViolation refused) {
            log.warn("Message {} ({}) was refused: {}", inbox.sequence(), inbox.kind(), refused.code());
            return tx.execute(status -> {
                if (!keep(inbox)) {
                    return Delivery.ALREADY_HELD;
                }
                jdbc.sql("update network_inbox set outcome = cast(? as jsonb) where sequence = ?")
                        .params(Said.toJson(List.of(Said.of(refused.code(), refused.args()))), inbox.sequence())
                        .update();
                return Delivery.REFUSED;
            });
        }
    }

    /** One message's payload as kept, by its hub number. */
    public Optional<String> payload(long sequence) {
        return jdbc.sql("select payload::text from network_inbox where sequence = ?")
                .param(sequence)
                .query(String.class)
                .optional();
    }

    /** The highest hub number this bank holds (0 when none): where the next fetch starts. */
    public long lastSequence() {
        return jdbc.sql("select coalesce(max(sequence), 0) from network_inbox")
                .query(Long.class)
                .single();
    }

    /** The messages held, newest first. */
    public Paged<Entry> entries(PageRequest page) {
        long total =
                jdbc.sql("select count(*) from network_inbox").query(Long.class).single();
        List<Entry> items = jdbc.sql("""
                        select sequence, kind, payload::text as payload, created_at, received_at, handled_at,
                            outcome::text as outcome
                        from network_inbox order by sequence desc limit ? offset ?
                        """)
                .params(page.size(), page.offset())
                .query((rs, n) -> {
                    Timestamp handled = rs.getTimestamp("handled_at");
                    String outcome = rs.getString("outcome");
                    return new Entry(
                            rs.getLong("sequence"),
                            rs.getString("kind"),
                            rs.getString("payload"),
                            rs.getTimestamp("created_at").toInstant(),
                            rs.getTimestamp("received_at").toInstant(),
                            handled == null ? null : handled.toInstant(),
                            outcome == null ? List.of() : Said.listFromJson(outcome));
                })
                .list();
        return new Paged<>(items, page, total);
    }

    /**
     * One message held.
     *
     * @param handledAt when its handler took it, {@code null} when kept only or refused
     * @param outcome the refusal of its handler, empty otherwise
     */
    public record Entry(
            long sequence,
            String kind,
            String payload,
            Instant createdAt,
            Instant receivedAt,
            Instant handledAt,
            List<Said> outcome) {}

    private boolean keep(InboxMessage message) {
        return jdbc.sql("""
                        insert into network_inbox (sequence, kind, payload, created_at, received_at)
                        values (?, ?, cast(? as jsonb), ?, ?) on conflict (sequence) do nothing
                        """)
                        .params(
                                message.sequence(),
                                message.kind(),
                                json.writeValueAsString(message.payload()),
                                Timestamp.from(message.createdAt()),
                                Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }
}
