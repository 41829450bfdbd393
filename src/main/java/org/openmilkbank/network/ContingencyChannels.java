package org.openmilkbank.network;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contingency's kinds on both channels: the hub's projections of the banks' requests, offers, answers and declared
 * shortages, and a bank's handlers of the hub's {@code exchange}, {@code shortage} and {@code shortage-ended}.
 */
@Configuration
class ContingencyChannels {

    private static final Logger log = LoggerFactory.getLogger(ContingencyChannels.class);

    /** A projection of one kind. */
    interface Projector {
        void project(String facilityCode, Instant createdAt, JsonNode payload);
    }

    private static BatchProjection projection(String kind, Projector projector) {
        return new BatchProjection() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void project(String facilityCode, long sequence, Instant createdAt, JsonNode payload) {
                projector.project(facilityCode, createdAt, payload);
            }
        };
    }

    private static HubMessageHandler handler(String kind, Consumer<InboxMessage> handle) {
        return new HubMessageHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void handle(InboxMessage message) {
                handle.accept(message);
            }
        };
    }

    @Bean
    BatchProjection exchangeRequestProjection(ExchangeBoard board) {
        return projection(NetworkExchange.REQUEST, (f, at, p) -> board.posted(f, at, p, ExchangeEntry.Type.REQUEST));
    }

    @Bean
    BatchProjection exchangeOfferProjection(ExchangeBoard board) {
        return projection(NetworkExchange.OFFER, (f, at, p) -> board.posted(f, at, p, ExchangeEntry.Type.OFFER));
    }

    @Bean
    BatchProjection exchangeAmendedProjection(ExchangeBoard board) {
        return projection(NetworkExchange.AMENDED, (f, at, p) -> board.amended(f, p));
    }

    @Bean
    BatchProjection exchangeWithdrawnProjection(ExchangeBoard board) {
        return projection(NetworkExchange.WITHDRAWN, (f, at, p) -> board.withdrawn(f, p));
    }

    @Bean
    BatchProjection exchangeReplyProjection(ExchangeBoard board) {
        return projection(NetworkExchange.REPLY, board::replied);
    }

    @Bean
    BatchProjection shortageDeclaredProjection(Forecasts forecasts) {
        return projection(NetworkExchange.DECLARED, (f, at, p) -> {
            if (!p.path("declared").isBoolean()) {
                log.warn("A declaration of bank {} says neither declared nor ended: kept as it came", f);
                return;
            }
            forecasts.declare(f, p.get("declared").asBoolean(), ExchangeBoard.text(p, "reason"));
        });
    }

    @Bean
    HubMessageHandler exchangeHandler(JdbcClient jdbc, JsonMapper json) {
        return handler(ExchangeBoard.RELAY, m -> {
            JsonNode p = m.payload();
            requireRelay(p);
            jdbc.sql("""
                            insert into network_board (facility_code, id, country, region, type, volume_ml,
                                product_class, needed_by, use_before, reason, status, replies, hub_sequence)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
                            on conflict (facility_code, id) do update set country = excluded.country,
                                region = excluded.region, type = excluded.type, volume_ml = excluded.volume_ml,
                                product_class = excluded.product_class, needed_by = excluded.needed_by,
                                use_before = excluded.use_before, reason = excluded.reason, status = excluded.status,
                                replies = excluded.replies, hub_sequence = excluded.hub_sequence
                            where network_board.hub_sequence < excluded.hub_sequence
                            """)
                    .params(
                            ExchangeBoard.text(p, "facilityCode"),
                            java.util.UUID.fromString(ExchangeBoard.text(p, "id")),
                            ExchangeBoard.text(p, "country"),
                            ExchangeBoard.text(p, "region"),
                            ExchangeEntry.Type.valueOf(ExchangeBoard.text(p, "type"))
                                    .name(),
                            p.path("volumeMl").asInt(),
                            ExchangeEntry.ProductClass.valueOf(ExchangeBoard.text(p, "productClass"))
                                    .name(),
                            date(p, "neededBy"),
                            date(p, "useBefore"),
                            ExchangeBoard.text(p, "reason"),
                            ExchangeEntry.Status.valueOf(ExchangeBoard.text(p, "status"))
                                    .name(),
                            p.path("replies").isArray() ? json.writeValueAsString(p.get("replies")) : "[]",
                            m.sequence())
                    .update();
        });
    }

    @Bean
    HubMessageHandler shortageHandler(JdbcClient jdbc) {
        return handler(Forecasts.SHORTAGE, m -> {
            JsonNode p = m.payload();
            requireBank(p);
            jdbc.sql("""
                            insert into network_alert (facility_code, country, region, short, declared, days_now,
                                lowest_days, since, ended_at, hub_sequence)
                            values (?, ?, ?, true, ?, ?, ?, ?, null, ?)
                            on conflict (facility_code) do update set country = excluded.country,
                                region = excluded.region, short = true, declared = excluded.declared,
                                days_now = excluded.days_now, lowest_days = excluded.lowest_days,
                                since = excluded.since, ended_at = null, hub_sequence = excluded.hub_sequence
                            where network_alert.hub_sequence < excluded.hub_sequence
                            """)
                    .params(
                            ExchangeBoard.text(p, "facilityCode"),
                            ExchangeBoard.text(p, "country"),
                            ExchangeBoard.text(p, "region"),
                            p.path("declared").asBoolean(false),
                            number(p, "daysOfSupply"),
                            number(p, "lowestDays"),
                            moment(p, "since", m.createdAt()),
                            m.sequence())
                    .update();
        });
    }

    @Bean
    HubMessageHandler shortageEndedHandler(JdbcClient jdbc) {
        return handler(Forecasts.SHORTAGE_ENDED, m -> {
            JsonNode p = m.payload();
            requireBank(p);
            jdbc.sql("""
                            insert into network_alert (facility_code, short, days_now, lowest_days, ended_at,
                                hub_sequence)
                            values (?, false, ?, ?, ?, ?)
                            on conflict (facility_code) do update set short = false, days_now = excluded.days_now,
                                lowest_days = excluded.lowest_days, ended_at = excluded.ended_at,
                                hub_sequence = excluded.hub_sequence
                            where network_alert.hub_sequence < excluded.hub_sequence
                            """)
                    .params(
                            ExchangeBoard.text(p, "facilityCode"),
                            number(p, "daysOfSupply"),
                            number(p, "lowestDays"),
                            moment(p, "endedAt", m.createdAt()),
                            m.sequence())
                    .update();
        });
    }

    /** A relayed entry the bank cannot keep is refused (the message stays in the inbox with the refusal). */
    private static void requireRelay(JsonNode p) {
        try {
            java.util.UUID.fromString(ExchangeBoard.text(p, "id"));
            ExchangeEntry.Type.valueOf(ExchangeBoard.text(p, "type"));
            ExchangeEntry.ProductClass.valueOf(ExchangeBoard.text(p, "productClass"));
            ExchangeEntry.Status.valueOf(ExchangeBoard.text(p, "status"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new org.openmilkbank.shared.RuleViolation("network.exchange.relay.invalid");
        }
        if (ExchangeBoard.text(p, "facilityCode") == null || !p.path("volumeMl").isIntegralNumber()) {
            throw new org.openmilkbank.shared.RuleViolation("network.exchange.relay.invalid");
        }
    }

    private static void requireBank(JsonNode p) {
        if (ExchangeBoard.text(p, "facilityCode") == null) {
            throw new org.openmilkbank.shared.RuleViolation("network.exchange.relay.invalid");
        }
    }

    private static LocalDate date(JsonNode p, String field) {
        String text = ExchangeBoard.text(p, field);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal number(JsonNode p, String field) {
        JsonNode v = p.path(field);
        return v.isNumber() ? v.decimalValue() : null;
    }

    private static Timestamp moment(JsonNode p, String field, Instant otherwise) {
        String text = ExchangeBoard.text(p, field);
        try {
            return Timestamp.from(text == null ? otherwise : Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Timestamp.from(otherwise);
        }
    }
}
