package org.openmilkbank.transfer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.network.BatchProjection;
import org.openmilkbank.network.HubMessages;
import org.openmilkbank.network.NetworkHub;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub's part in transfers: it keeps each transfer between banks (the source bank in every key) and relays it to
 * the destination, relays what arrived back to the source and a source's recall on to the destination. A transfer to
 * a bank the hub does not know is refused (the batch with it).
 */
@Service
@Transactional(readOnly = true)
public class HubTransfers {

    static final String RECORD_TYPE = "HubTransfer";

    private final JdbcClient jdbc;
    private final HubMessages messages;
    private final NetworkHub hub;
    private final History history;
    private final JsonMapper json;

    HubTransfers(JdbcClient jdbc, HubMessages messages, NetworkHub hub, History history, JsonMapper json) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.hub = hub;
        this.history = history;
        this.json = json;
    }

    /** A transfer between two banks as the hub keeps it. */
    public record HubTransfer(
            String source,
            UUID transferId,
            String destination,
            String reference,
            Instant dispatchedAt,
            Instant receivedAt,
            List<HubBottle> bottles,
            List<String> recalls) {

        public long count(ArrivalOutcome outcome) {
            return bottles.stream().filter(b -> b.outcome() == outcome).count();
        }

        public TransferState state() {
            return receivedAt == null ? TransferState.DISPATCHED : TransferState.RECEIVED;
        }
    }

    public record HubBottle(String din, ArrivalOutcome outcome, String recallCode) {}

    @Transactional(propagation = Propagation.MANDATORY)
    void transfer(String source, long sequence, JsonNode p) {
        String destination = p.path("destination").asText("");
        UUID id = uuid(p.path("transfer").asText(""));
        if (destination.equals(source) || !hub.isRegistered(destination)) {
            throw new RuleViolation("transfer.hub.destinationUnknown", destination);
        }
        if (!p.path("bottles").isArray() || p.path("bottles").isEmpty()) {
            throw new RuleViolation("transfer.manifest.invalid", id);
        }
        Instant dispatched = instant(p.path("dispatchedAt").asText(""));
        jdbc.sql("""
                        insert into network_transfer (facility_code, transfer_id, destination, reference, dispatched_at)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(
                        source,
                        id,
                        destination,
                        p.path("reference").isTextual() ? p.path("reference").asText() : null,
                        Timestamp.from(dispatched))
                .update();
        for (JsonNode b : p.path("bottles")) {
            jdbc.sql("insert into network_transfer_bottle (facility_code, transfer_id, din) values (?, ?, ?)")
                    .params(source, id, b.path("din").asText(""))
                    .update();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("from", source);
        fields.put("transfer", id.toString());
        fields.put(
                "reference",
                p.path("reference").isTextual() ? p.path("reference").asText() : null);
        fields.put("dispatchedAt", dispatched.toString());
        fields.put("bottles", json.treeToValue(p.path("bottles"), List.class));
        messages.publish(Transfers.KIND_TRANSFER, fields, Optional.of(destination));
        history.record(
                RECORD_TYPE,
                id,
                Said.of(
                        "transfer.history.hub.relayed",
                        source,
                        destination,
                        p.path("bottles").size()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void received(String destination, long sequence, JsonNode p) {
        UUID id = uuid(p.path("transfer").asText(""));
        String source = p.path("source").asText("");
        int n = jdbc.sql("""
                        update network_transfer set received_at = now()
                        where facility_code = ? and transfer_id = ? and destination = ?
                        """).params(source, id, destination).update();
        if (n != 1) {
            throw new RuleViolation("transfer.hub.unknownTransfer", id);
        }
        for (JsonNode b : p.path("bottles")) {
            jdbc.sql("""
                            update network_transfer_bottle set outcome = ?
                            where facility_code = ? and transfer_id = ? and din = ?
                            """)
                    .params(
                            ArrivalOutcome.valueOf(b.path("outcome").asText("DISCARDED"))
                                    .name(),
                            source,
                            id,
                            b.path("din").asText(""))
                    .update();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("from", destination);
        fields.put("transfer", id.toString());
        fields.put("bottles", json.treeToValue(p.path("bottles"), List.class));
        messages.publish(Transfers.KIND_RECEIVED, fields, Optional.of(source));
        history.record(RECORD_TYPE, id, Said.of("transfer.history.hub.received", destination, source));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void recall(String source, long sequence, JsonNode p) {
        UUID id = uuid(p.path("transfer").asText(""));
        Optional<String> destination = jdbc.sql(
                        "select destination from network_transfer where facility_code = ? and transfer_id = ?")
                .params(source, id)
                .query(String.class)
                .optional();
        if (destination.isEmpty()) {
            throw new RuleViolation("transfer.hub.unknownTransfer", id);
        }
        String code = p.path("recall").asText("");
        List<String> dins = new ArrayList<>();
        p.path("dins").forEach(d -> dins.add(d.asText()));
        jdbc.sql("""
                        insert into network_transfer_recall (facility_code, transfer_id, recall_code, reason_code, dins,
                            relayed_at)
                        values (?, ?, ?, ?, cast(? as jsonb), now()) on conflict do nothing
                        """)
                .params(source, id, code, p.path("reason").asText("recall"), json.writeValueAsString(dins))
                .update();
        jdbc.sql("""
                        update network_transfer_bottle set recall_code = ?
                        where facility_code = ? and transfer_id = ? and din = any(cast(? as text[]))
                        """).params(code, source, id, dins.toArray(String[]::new)).update();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("from", source);
        fields.put("transfer", id.toString());
        fields.put("recall", code);
        fields.put("reason", p.path("reason").asText("recall"));
        fields.put("dins", dins);
        messages.publish(Transfers.KIND_RECALL, fields, destination);
        history.record(RECORD_TYPE, id, Said.of("transfer.history.hub.recall", source, code, destination.get()));
    }

    /** The transfers between banks, newest first. */
    public Paged<HubTransfer> list(PageRequest page) {
        long total = jdbc.sql("select count(*) from network_transfer")
                .query(Long.class)
                .single();
        List<HubTransfer> items = jdbc
                .sql("""
                        select facility_code, transfer_id, destination, reference, dispatched_at, received_at
                        from network_transfer order by dispatched_at desc, facility_code, transfer_id limit ? offset ?
                        """)
                .params(page.size(), page.offset())
                .query((rs, n) -> new HubTransfer(
                        rs.getString("facility_code"),
                        rs.getObject("transfer_id", UUID.class),
                        rs.getString("destination"),
                        rs.getString("reference"),
                        rs.getTimestamp("dispatched_at").toInstant(),
                        rs.getTimestamp("received_at") == null
                                ? null
                                : rs.getTimestamp("received_at").toInstant(),
                        List.of(),
                        List.of()))
                .list()
                .stream()
                .map(t -> new HubTransfer(
                        t.source(),
                        t.transferId(),
                        t.destination(),
                        t.reference(),
                        t.dispatchedAt(),
                        t.receivedAt(),
                        bottles(t.source(), t.transferId()),
                        jdbc.sql("""
                                        select recall_code from network_transfer_recall
                                        where facility_code = ? and transfer_id = ? order by relayed_at
                                        """)
                                .params(t.source(), t.transferId())
                                .query(String.class)
                                .list()))
                .toList();
        return new Paged<>(items, page, total);
    }

    private List<HubBottle> bottles(String source, UUID id) {
        return jdbc.sql("""
                        select din, outcome, recall_code from network_transfer_bottle
                        where facility_code = ? and transfer_id = ? order by din
                        """)
                .params(source, id)
                .query((rs, n) -> new HubBottle(
                        rs.getString("din"),
                        rs.getString("outcome") == null ? null : ArrivalOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("recall_code")))
                .list();
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("transfer.manifest.invalid", text);
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new RuleViolation("transfer.manifest.invalid", text);
        }
    }

    /** The projections of the banks' transfer batches. */
    @Configuration
    static class Projections {

        @Bean
        BatchProjection transferProjection(HubTransfers hub) {
            return projection(Transfers.KIND_TRANSFER, hub::transfer);
        }

        @Bean
        BatchProjection transferReceivedProjection(HubTransfers hub) {
            return projection(Transfers.KIND_RECEIVED, hub::received);
        }

        @Bean
        BatchProjection transferRecallProjection(HubTransfers hub) {
            return projection(Transfers.KIND_RECALL, hub::recall);
        }

        interface Project {
            void apply(String facility, long sequence, JsonNode payload);
        }

        private static BatchProjection projection(String kind, Project project) {
            return new BatchProjection() {
                @Override
                public String kind() {
                    return kind;
                }

                @Override
                public void project(String facilityCode, long sequence, Instant createdAt, JsonNode payload) {
                    project.apply(facilityCode, sequence, payload);
                }
            };
        }
    }
}
