package org.openmilkbank.network;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.Said;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The hub's board of requests and offers of milk: kept from the banks' batches (in the transaction that accepts
 * each) and relayed to every bank as a hub message {@code exchange} carrying the entry's whole state, so a bank's
 * copy is the hub's. A bank changes only its own entries (the bank is in every key). A batch whose content does not
 * make sense here (an unknown entry, a missing field) is kept as it came and changes nothing: refusing it would stop
 * the bank's outbox for good.
 */
@Service
public class ExchangeBoard {

    static final String RELAY = "exchange";
    private static final String RECORD = "NetworkExchangeBoard";
    private static final Logger log = LoggerFactory.getLogger(ExchangeBoard.class);

    private final JdbcClient jdbc;
    private final HubMessages messages;
    private final History history;
    private final Clock clock;

    ExchangeBoard(JdbcClient jdbc, HubMessages messages, History history, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.history = history;
        this.clock = clock;
    }

    void posted(String facility, Instant createdAt, JsonNode p, ExchangeEntry.Type type) {
        Optional<UUID> id = uuid(p, "id");
        Optional<Integer> volume = volume(p);
        Optional<ExchangeEntry.ProductClass> productClass = productClass(p);
        Optional<LocalDate> day = date(p, type == ExchangeEntry.Type.REQUEST ? "neededBy" : "useBefore");
        if (id.isEmpty() || volume.isEmpty() || productClass.isEmpty() || day.isEmpty()) {
            log.warn("A {} of bank {} lacks a field: kept as it came", type, facility);
            return;
        }
        boolean request = type == ExchangeEntry.Type.REQUEST;
        int added = jdbc.sql("""
                        insert into network_exchange (facility_code, id, type, volume_ml, product_class, needed_by,
                            use_before, reason, status, posted_at, changed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?) on conflict do nothing
                        """)
                .params(
                        facility,
                        id.get(),
                        type.name(),
                        volume.get(),
                        productClass.get().name(),
                        request ? day.get() : null,
                        request ? null : day.get(),
                        text(p, "reason"),
                        Timestamp.from(createdAt),
                        Timestamp.from(clock.instant()))
                .update();
        if (added == 1) {
            history.record(
                    RECORD,
                    id.get(),
                    Said.of(
                            request ? "network.history.exchange.requested" : "network.history.exchange.offered",
                            volume.get(),
                            Said.label(productClass.get()),
                            day.get().toString()));
            relay(facility, id.get());
        }
    }

    void amended(String facility, JsonNode p) {
        Optional<UUID> id = uuid(p, "id");
        Optional<Integer> volume = volume(p);
        Optional<ExchangeEntry> entry = id.flatMap(i -> entry(facility, i)).filter(ExchangeEntry::open);
        if (entry.isEmpty() || volume.isEmpty()) {
            log.warn("An amendment of bank {} names no open entry of it: kept as it came", facility);
            return;
        }
        boolean request = entry.get().type() == ExchangeEntry.Type.REQUEST;
        Optional<LocalDate> day = date(p, request ? "neededBy" : "useBefore");
        if (day.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update network_exchange set volume_ml = ?, needed_by = ?, use_before = ?, changed_at = ?,
                            version = version + 1
                        where facility_code = ? and id = ?
                        """)
                .params(
                        volume.get(),
                        request ? day.get() : null,
                        request ? null : day.get(),
                        Timestamp.from(clock.instant()),
                        facility,
                        id.get())
                .update();
        history.recordCorrection(
                RECORD,
                id.get(),
                Said.of(
                        "network.history.exchange.amended",
                        entry.get().volumeMl(),
                        volume.get(),
                        entry.get().day().toString(),
                        day.get().toString()),
                Optional.ofNullable(text(p, "reason")).orElse("—"));
        relay(facility, id.get());
    }

    void withdrawn(String facility, JsonNode p) {
        Optional<UUID> id = uuid(p, "id");
        Optional<ExchangeEntry> entry = id.flatMap(i -> entry(facility, i)).filter(ExchangeEntry::open);
        if (entry.isEmpty()) {
            log.warn("A withdrawal of bank {} names no open entry of it: kept as it came", facility);
            return;
        }
        String reason = Optional.ofNullable(text(p, "reason")).orElse("—");
        jdbc.sql("""
                        update network_exchange set status = 'WITHDRAWN', withdrawn_reason = ?, changed_at = ?,
                            version = version + 1
                        where facility_code = ? and id = ?
                        """)
                .params(reason, Timestamp.from(clock.instant()), facility, id.get())
                .update();
        history.recordCorrection(RECORD, id.get(), Said.of("network.history.exchange.withdrawn"), reason);
        relay(facility, id.get());
    }

    void replied(String facility, Instant createdAt, JsonNode p) {
        Optional<UUID> id = uuid(p, "id");
        Optional<UUID> entryId = uuid(p, "entryId");
        String entryFacility = text(p, "entryFacility");
        Optional<Integer> volume = volume(p);
        Optional<ExchangeEntry> entry = entryId.flatMap(
                        i -> entryFacility == null ? Optional.empty() : entry(entryFacility, i))
                .filter(ExchangeEntry::open)
                .filter(e -> !e.facilityCode().equals(facility));
        if (id.isEmpty() || entry.isEmpty() || volume.isEmpty()) {
            log.warn("A reply of bank {} names no open entry of another bank: kept as it came", facility);
            return;
        }
        int added = jdbc.sql("""
                        insert into network_exchange_reply (facility_code, id, entry_facility, entry_id, volume_ml,
                            note, replied_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                        """)
                .params(
                        facility,
                        id.get(),
                        entryFacility,
                        entryId.get(),
                        volume.get(),
                        text(p, "note"),
                        Timestamp.from(createdAt))
                .update();
        if (added == 1) {
            history.record(RECORD, entryId.get(), Said.of("network.history.exchange.replied", facility, volume.get()));
            relay(entryFacility, entryId.get());
        }
    }

    /** Publishes the entry's whole state to every bank. */
    private void relay(String facility, UUID id) {
        ExchangeEntry e = entry(facility, id).orElseThrow();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("facilityCode", e.facilityCode());
        fields.put("country", e.country());
        fields.put("region", e.region());
        fields.put("id", e.id().toString());
        fields.put("type", e.type().name());
        fields.put("volumeMl", e.volumeMl());
        fields.put("productClass", e.productClass().name());
        fields.put("neededBy", e.neededBy() == null ? null : e.neededBy().toString());
        fields.put("useBefore", e.useBefore() == null ? null : e.useBefore().toString());
        fields.put("reason", e.reason());
        fields.put("status", e.status().name());
        List<Map<String, Object>> replies = new ArrayList<>();
        for (ExchangeEntry.Reply r : e.replies()) {
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("facilityCode", r.facilityCode());
            reply.put("volumeMl", r.volumeMl());
            reply.put("note", r.note());
            reply.put("repliedAt", r.repliedAt().toString());
            replies.add(reply);
        }
        fields.put("replies", replies);
        messages.publish(RELAY, fields, Optional.empty());
    }

    private static final String SELECT = """
            select e.facility_code, b.country, b.region, e.id, e.type, e.volume_ml, e.product_class, e.needed_by,
                   e.use_before, e.reason, e.status, e.withdrawn_reason, e.posted_at
            from network_exchange e join network_bank b on b.facility_code = e.facility_code
            """;

    private Optional<ExchangeEntry> entry(String facility, UUID id) {
        List<ExchangeEntry> found = read(SELECT + " where e.facility_code = ? and e.id = ?", facility, id);
        return found.stream().findFirst();
    }

    /** The open requests and offers of every bank, by day. */
    @Transactional(readOnly = true)
    public List<ExchangeEntry> open() {
        return read(SELECT + " where e.status = 'OPEN' order by coalesce(e.needed_by, e.use_before), e.facility_code");
    }

    /** The open requests that an open offer could cover, with that offer ({@link ExchangeMatching}). */
    @Transactional(readOnly = true)
    public List<ExchangeMatching.Match> matches() {
        return ExchangeMatching.matches(open(), LocalDate.now(clock));
    }

    private List<ExchangeEntry> read(String sql, Object... params) {
        List<Object[]> rows = new ArrayList<>();
        jdbc.sql(sql).params(params).query(rs -> {
            rows.add(new Object[] {
                rs.getString("facility_code"),
                rs.getString("country"),
                rs.getString("region"),
                rs.getObject("id", UUID.class),
                rs.getString("type"),
                rs.getInt("volume_ml"),
                rs.getString("product_class"),
                rs.getObject("needed_by", LocalDate.class),
                rs.getObject("use_before", LocalDate.class),
                rs.getString("reason"),
                rs.getString("status"),
                rs.getString("withdrawn_reason"),
                rs.getTimestamp("posted_at").toInstant()
            });
        });
        Map<UUID, List<ExchangeEntry.Reply>> replies = new HashMap<>();
        if (!rows.isEmpty()) {
            jdbc.sql("""
                            select entry_id, facility_code, volume_ml, note, replied_at from network_exchange_reply
                            where entry_id = any (?) order by replied_at, facility_code, id
                            """)
                    .param(rows.stream().map(r -> (UUID) r[3]).toArray(UUID[]::new))
                    .query(rs -> {
                        replies.computeIfAbsent(rs.getObject("entry_id", UUID.class), k -> new ArrayList<>())
                                .add(new ExchangeEntry.Reply(
                                        rs.getString("facility_code"),
                                        rs.getInt("volume_ml"),
                                        rs.getString("note"),
                                        rs.getTimestamp("replied_at").toInstant()));
                    });
        }
        return rows.stream()
                .map(r -> new ExchangeEntry(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (UUID) r[3],
                        ExchangeEntry.Type.valueOf((String) r[4]),
                        (Integer) r[5],
                        ExchangeEntry.ProductClass.valueOf((String) r[6]),
                        (LocalDate) r[7],
                        (LocalDate) r[8],
                        (String) r[9],
                        ExchangeEntry.Status.valueOf((String) r[10]),
                        (String) r[11],
                        (Instant) r[12],
                        List.copyOf(replies.getOrDefault((UUID) r[3], List.of()))))
                .toList();
    }

    private static Optional<UUID> uuid(JsonNode p, String field) {
        try {
            return Optional.ofNullable(text(p, field)).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> volume(JsonNode p) {
        JsonNode v = p.path("volumeMl");
        return v.isIntegralNumber() && v.asInt() > 0 && v.asInt() <= 1_000_000
                ? Optional.of(v.asInt())
                : Optional.empty();
    }

    private static Optional<ExchangeEntry.ProductClass> productClass(JsonNode p) {
        try {
            return Optional.ofNullable(text(p, "productClass")).map(ExchangeEntry.ProductClass::valueOf);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(JsonNode p, String field) {
        try {
            return Optional.ofNullable(text(p, field)).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String text(JsonNode p, String field) {
        JsonNode v = p.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
