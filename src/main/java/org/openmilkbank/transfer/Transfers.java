package org.openmilkbank.transfer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.labeling.ProductCode;
import org.openmilkbank.network.InboxMessage;
import org.openmilkbank.network.NetworkOutbox;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.InvalidDinException;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.GateUse;
import org.openmilkbank.traceability.MilkGate;
import org.openmilkbank.traceability.RecallCase;
import org.openmilkbank.traceability.RecallOpened;
import org.openmilkbank.traceability.Recalls;
import org.openmilkbank.traceability.Traceability;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank's transfers of milk to and from the other banks of the network. Sending: a transfer to a destination
 * (its facility code: everything goes through the hub), bottles scanned through the gate, dispatched with a reason
 * and who packed it: the bottles leave the stock and the manifest goes to the outbox in the same transaction.
 * Receiving: the hub's announcement is kept awaiting arrival; each bottle is scanned with the temperature it arrived
 * at and enters the stock with its own DIN, or is discarded by the {@link ArrivalRule}; once every bottle is scanned
 * the source is told what arrived. A recall at the source that reaches transferred bottles is sent on; at the
 * destination it holds them and opens a recall case of its own.
 */
@Service
@Transactional(readOnly = true)
public class Transfers {

    static final String RECORD_TYPE = "NetworkTransfer";
    static final String KIND_TRANSFER = "transfer";
    static final String KIND_RECEIVED = "transfer-received";
    static final String KIND_RECALL = "recall";
    private static final Pattern FACILITY = Pattern.compile("[A-Z0-9]{5}");

    private final JdbcClient jdbc;
    private final Inventory inventory;
    private final MilkGate gate;
    private final Traceability traceability;
    private final Recalls recalls;
    private final NetworkOutbox outbox;
    private final Standards standards;
    private final History history;
    private final JsonMapper json;
    private final Clock clock;
    private final String facilityCode;
    private final int freezerTemperatureC;

    Transfers(
            JdbcClient jdbc,
            Inventory inventory,
            MilkGate gate,
            Traceability traceability,
            Recalls recalls,
            NetworkOutbox outbox,
            Standards standards,
            History history,
            JsonMapper json,
            Clock clock,
            @Value("${openmilkbank.facility-code}") String facilityCode,
            @Value("${openmilkbank.freezer-temperature-c:-20}") int freezerTemperatureC) {
        this.jdbc = jdbc;
        this.inventory = inventory;
        this.gate = gate;
        this.traceability = traceability;
        this.recalls = recalls;
        this.outbox = outbox;
        this.standards = standards;
        this.history = history;
        this.json = json;
        this.clock = clock;
        this.facilityCode = facilityCode;
        this.freezerTemperatureC = freezerTemperatureC;
    }

    // ---- sending

    /** A transfer to another bank, being packed. Refuses a destination that is no facility code or this bank. */
    @Transactional
    public TransferView create(TransferForms.NewTransfer form) {
        String destination =
                form.destination() == null ? "" : form.destination().strip().toUpperCase(Locale.ROOT);
        if (!FACILITY.matcher(destination).matches()) {
            throw new RuleViolation("transfer.destination.invalid", destination).on("destination");
        }
        if (destination.equals(facilityCode)) {
            throw new RuleViolation("transfer.destination.self", destination).on("destination");
        }
        UUID id = UUID.randomUUID();
        String reference = form.reference() == null || form.reference().isBlank()
                ? null
                : form.reference().strip();
        jdbc.sql("""
                        insert into network_bank_transfer (id, direction, peer_facility, state, reference,
                            created_at, created_by)
                        values (?, 'OUT', ?, 'DRAFT', ?, ?, ?)
                        """)
                .params(id, destination, reference, now(), CurrentActor.username())
                .update();
        history.record(RECORD_TYPE, id, Said.of("transfer.history.created", destination));
        return find(id);
    }

    /**
     * Adds a bottle as scanned to a transfer being packed: it must be in this bank's stock, released, never thawed
     * and pass the gate for a transfer now (not held, recalled or expired), and be in no other transfer being packed.
     */
    @Transactional
    public TransferView addBottle(UUID transferId, TransferForms.Scan scan) {
        Row t = lock(transferId);
        if (t.direction() != TransferDirection.OUT || t.state() != TransferState.DRAFT) {
            throw new RuleViolation("transfer.notDraft", Said.label(t.state()));
        }
        Din din = parse(scan.din(), "din");
        BottleView bottle = inventory
                .findByDin(din.value())
                .orElseThrow(() -> new RuleViolation("transfer.bottle.notInStock", din.withCheck()).on("din"));
        if (bottle.state() != BottleState.RELEASED) {
            throw new RuleViolation("transfer.bottle.notReleased", din.withCheck(), Said.label(bottle.state()))
                    .on("din");
        }
        if (bottle.thawedAt() != null) {
            throw new RuleViolation("inventory.transfer.thawed", din.withCheck()).on("din");
        }
        boolean packed =
                jdbc.sql("""
                        select exists (select 1 from network_bank_transfer_bottle b
                            join network_bank_transfer t on t.id = b.transfer_id
                            where b.din = ? and t.direction = 'OUT' and t.state = 'DRAFT'
                              and b.removed_at is null)
                        """).param(din.withCheck()).query(Boolean.class).single();
        if (packed) {
            throw new RuleViolation("transfer.bottle.alreadyPacked", din.withCheck()).on("din");
        }
        var verdict = gate.check(bottle.id(), GateUse.TRANSFER, clock.instant());
        if (!verdict.reasons().isEmpty()) {
            throw new RuleViolation("transfer.bottle.refused", verdict.reasons(), din.withCheck()).on("din");
        }
        jdbc.sql("""
                        insert into network_bank_transfer_bottle (transfer_id, din, bottle_id, manifest, added_at)
                        values (?, ?, ?, cast(? as jsonb), ?)
                        on conflict (transfer_id, din) do update set bottle_id = excluded.bottle_id,
                            manifest = excluded.manifest, added_at = excluded.added_at, removed_at = null
                        """)
                .params(
                        transferId,
                        din.withCheck(),
                        bottle.id(),
                        json.writeValueAsString(entry(bottle).toMap()),
                        now())
                .update();
        history.record(RECORD_TYPE, transferId, Said.of("transfer.history.bottleAdded", din));
        return find(transferId);
    }

    /** Takes a bottle out of a transfer being packed again (it stays in stock), with the reason in the history. */
    @Transactional
    public TransferView removeBottle(UUID transferId, TransferForms.Removal form) {
        Row t = lock(transferId);
        if (t.direction() != TransferDirection.OUT || t.state() != TransferState.DRAFT) {
            throw new RuleViolation("transfer.notDraft", Said.label(t.state()));
        }
        Din din = parse(form.din(), "din");
        String reason = required(form.reason(), "reason");
        int n = jdbc.sql("""
                        update network_bank_transfer_bottle set removed_at = ?
                        where transfer_id = ? and din = ? and removed_at is null
                        """).params(now(), transferId, din.withCheck()).update();
        if (n == 0) {
            throw new RuleViolation("transfer.bottle.notInTransfer", din.withCheck()).on("din");
        }
        history.recordCorrection(RECORD_TYPE, transferId, Said.of("transfer.history.bottleRemoved", din), reason);
        return find(transferId);
    }

    /**
     * Dispatches the transfer: every bottle passes the gate again and leaves the stock (TRANSFERRED, naming the
     * destination), and the manifest goes to the outbox, all in one transaction; refuses, changing nothing, when
     * any one is refused.
     */
    @Transactional
    public TransferView dispatch(UUID transferId, TransferForms.Dispatch form) {
        Row t = lock(transferId);
        if (t.direction() != TransferDirection.OUT || t.state() != TransferState.DRAFT) {
            throw new RuleViolation("transfer.notDraft", Said.label(t.state()));
        }
        String reason = required(form.reason(), "reason");
        String packedBy = required(form.packedBy(), "packedBy");
        List<TransferView.Bottle> bottles = bottles(transferId);
        if (bottles.isEmpty()) {
            throw new RuleViolation("transfer.empty");
        }
        Instant at = clock.instant();
        List<Map<String, Object>> manifest = new ArrayList<>();
        for (TransferView.Bottle b : bottles) {
            BottleView out = inventory.transferOut(b.bottleId(), t.peer(), transferId, at);
            Map<String, Object> entry = entry(out).toMap();
            manifest.add(entry);
            jdbc.sql(
                            "update network_bank_transfer_bottle set manifest = cast(? as jsonb) where transfer_id = ? and din = ?")
                    .params(json.writeValueAsString(entry), transferId, b.din())
                    .update();
        }
        jdbc.sql("""
                        update network_bank_transfer set state = 'DISPATCHED', reason = ?, packed_by = ?,
                            dispatched_at = ?, version = version + 1 where id = ?
                        """).params(reason, packedBy, Timestamp.from(at), transferId).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", KIND_TRANSFER);
        payload.put("transfer", transferId.toString());
        payload.put("destination", t.peer());
        payload.put("reference", t.reference());
        payload.put("dispatchedAt", at.toString());
        payload.put("bottles", manifest);
        outbox.add(payload);
        history.record(
                RECORD_TYPE, transferId, Said.of("transfer.history.dispatched", t.peer(), bottles.size(), packedBy));
        return find(transferId);
    }

    private ManifestEntry entry(BottleView bottle) {
        return ManifestEntry.of(
                bottle,
                traceability.lineage(bottle.din()),
                ProductCode.forPasteurised(freezerTemperatureC).code(),
                clock.getZone());
    }

    /**
     * The source learns a recall it opened reaches bottles it sent to other banks: one outbox entry {@code recall} per
     * transfer (transfer, destination, the recall's code, the coded reason and the DINs), in the recall's transaction.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(RecallOpened recall) {
        if (recall.heldUnitIds().isEmpty()) {
            return;
        }
        record Sent(UUID transfer, String destination, String din) {}
        List<Sent> sent = jdbc.sql("""
                        select t.id, t.peer_facility, b.din from network_bank_transfer_bottle b
                        join network_bank_transfer t on t.id = b.transfer_id
                        where t.direction = 'OUT' and t.state in ('DISPATCHED', 'RECEIVED')
                          and b.bottle_id = any(cast(? as uuid[]))
                        order by t.id, b.din
                        """)
                .param(recall.heldUnitIds().toArray(UUID[]::new))
                .query((rs, n) ->
                        new Sent(rs.getObject("id", UUID.class), rs.getString("peer_facility"), rs.getString("din")))
                .list();
        Map<UUID, List<Sent>> byTransfer = new LinkedHashMap<>();
        sent.forEach(s ->
                byTransfer.computeIfAbsent(s.transfer(), k -> new ArrayList<>()).add(s));
        for (Map.Entry<UUID, List<Sent>> e : byTransfer.entrySet()) {
            List<String> dins = e.getValue().stream().map(Sent::din).toList();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("kind", KIND_RECALL);
            payload.put("transfer", e.getKey().toString());
            payload.put("destination", e.getValue().get(0).destination());
            payload.put("recall", recall.code());
            payload.put("reason", "recall");
            payload.put("dins", dins);
            outbox.add(payload);
            markRecalled(e.getKey(), dins, recall.code(), recall.at());
            history.record(
                    RECORD_TYPE,
                    e.getKey(),
                    Said.of(
                            "transfer.history.recallSent",
                            recall.code(),
                            dins.size(),
                            e.getValue().get(0).destination()));
        }
    }

    /** The destination reported what arrived (relayed by the hub): the source's transfer shows it. */
    @Transactional(propagation = Propagation.MANDATORY)
    void received(InboxMessage message) {
        JsonNode p = message.payload();
        UUID transferId = uuid(p.path("transfer").asText(""));
        Row t = find(transferId, true)
                .filter(r -> r.direction() == TransferDirection.OUT)
                .orElseThrow(() -> new NotFound("transfer.notFound", transferId));
        if (!t.peer().equals(p.path("from").asText(""))) {
            throw new RuleViolation(
                    "transfer.received.wrongBank", p.path("from").asText(""));
        }
        int accepted = 0;
        int discarded = 0;
        for (JsonNode b : p.path("bottles")) {
            ArrivalOutcome outcome = ArrivalOutcome.valueOf(b.path("outcome").asText("DISCARDED"));
            String code = b.path("code").isTextual() ? b.path("code").asText() : null;
            int n = jdbc.sql("""
                            update network_bank_transfer_bottle set outcome = ?, outcome_code = ?, arrived_at = ?,
                                arrival_temperature_c = ?
                            where transfer_id = ? and din = ? and outcome is null
                            """)
                    .params(
                            outcome.name(),
                            code,
                            Timestamp.from(Instant.parse(b.path("arrivedAt")
                                    .asText(message.createdAt().toString()))),
                            b.path("temperatureC").isNumber()
                                    ? b.path("temperatureC").decimalValue()
                                    : null,
                            transferId,
                            b.path("din").asText(""))
                    .update();
            if (n == 1) {
                if (outcome == ArrivalOutcome.ACCEPTED) {
                    accepted++;
                } else {
                    discarded++;
                }
            }
        }
        if (t.state() == TransferState.DISPATCHED) {
            jdbc.sql(
                            "update network_bank_transfer set state = 'RECEIVED', arrived_at = ?, version = version + 1 where id = ?")
                    .params(Timestamp.from(message.createdAt()), transferId)
                    .update();
        }
        history.record(
                RECORD_TYPE, transferId, Said.of("transfer.history.receivedThere", t.peer(), accepted, discarded));
    }

    // ---- receiving

    /** The hub announced a transfer to this bank: kept awaiting arrival, with its manifest. A second copy is refused. */
    @Transactional(propagation = Propagation.MANDATORY)
    void announced(InboxMessage message) {
        JsonNode p = message.payload();
        UUID transferId = uuid(p.path("transfer").asText(""));
        String from = p.path("from").asText("");
        if (!FACILITY.matcher(from).matches()) {
            throw new RuleViolation("transfer.destination.invalid", from);
        }
        if (find(transferId, false).isPresent()) {
            throw new RuleViolation("transfer.alreadyHeld", transferId);
        }
        List<ManifestEntry> entries = new ArrayList<>();
        try {
            p.path("bottles").forEach(b -> entries.add(ManifestEntry.from(b)));
        } catch (RuntimeException e) {
            throw new RuleViolation("transfer.manifest.invalid", transferId);
        }
        if (entries.isEmpty()) {
            throw new RuleViolation("transfer.manifest.invalid", transferId);
        }
        String reference = p.path("reference").isTextual() ? p.path("reference").asText() : null;
        Instant dispatched =
                Instant.parse(p.path("dispatchedAt").asText(message.createdAt().toString()));
        jdbc.sql("""
                        insert into network_bank_transfer (id, direction, peer_facility, state, reference, created_at,
                            created_by, dispatched_at)
                        values (?, 'IN', ?, 'AWAITING', ?, ?, ?, ?)
                        """)
                .params(transferId, from, reference, now(), CurrentActor.username(), Timestamp.from(dispatched))
                .update();
        for (ManifestEntry e : entries) {
            jdbc.sql("""
                            insert into network_bank_transfer_bottle (transfer_id, din, manifest, added_at)
                            values (?, ?, cast(? as jsonb), ?) on conflict do nothing
                            """)
                    .params(transferId, e.din(), json.writeValueAsString(e.toMap()), now())
                    .update();
        }
        history.record(RECORD_TYPE, transferId, Said.of("transfer.history.announced", from, entries.size()));
    }

    /**
     * One bottle of an awaited transfer as it arrives, with the temperature it arrived at: refuses a DIN not in the
     * manifest or already scanned; else it enters the stock with its own DIN (released, its lineage naming the source
     * bank, the transfer and the manifest's lineage), or is recorded discarded by the {@link ArrivalRule}. When it was
     * the last, the transfer has arrived and the source is told what came.
     */
    @Transactional
    public TransferView arrive(UUID transferId, TransferForms.Arrival form) {
        Row t = lock(transferId);
        if (t.direction() != TransferDirection.IN || t.state() != TransferState.AWAITING) {
            throw new RuleViolation("transfer.notAwaiting", Said.label(t.state()));
        }
        if (form.temperatureC() == null) {
            throw new RuleViolation("transfer.arrival.temperature.required").on("temperatureC");
        }
        Din din = parse(form.din(), "din");
        TransferView.Bottle b = bottles(transferId).stream()
                .filter(x -> x.din().equals(din.withCheck()))
                .findFirst()
                .orElseThrow(() -> new RuleViolation("transfer.arrival.notInManifest", din.withCheck()).on("din"));
        if (b.outcome() != null) {
            throw new RuleViolation("transfer.arrival.already", din.withCheck(), Said.label(b.outcome())).on("din");
        }
        Instant at = clock.instant();
        ArrivalRule rule = new ArrivalRule(standards.activeProfile().transportFrozenMaxC());
        Optional<String> discard = rule.discard(b.manifest(), b.recalled(), form.temperatureC(), at, clock.getZone());
        ManifestEntry m = b.manifest();
        BottleView entered = inventory.receiveFromAnotherBank(
                new Inventory.ArrivingBottle(
                        din.value(),
                        t.peer(),
                        transferId,
                        m.volumeMl(),
                        m.expiresOn(),
                        m.expiresAt(),
                        m.frozen() ? null : at,
                        at),
                m.sourceLineage(),
                discard.orElse(null));
        ArrivalOutcome outcome = discard.isPresent() ? ArrivalOutcome.DISCARDED : ArrivalOutcome.ACCEPTED;
        jdbc.sql("""
                        update network_bank_transfer_bottle set bottle_id = ?, outcome = ?, outcome_code = ?,
                            arrival_temperature_c = ?, arrived_at = ?, arrived_by = ?
                        where transfer_id = ? and din = ?
                        """)
                .params(
                        entered.id(),
                        outcome.name(),
                        discard.orElse(null),
                        form.temperatureC(),
                        Timestamp.from(at),
                        CurrentActor.username(),
                        transferId,
                        din.withCheck())
                .update();
        history.record(
                RECORD_TYPE,
                transferId,
                discard.isPresent()
                        ? Said.of(
                                "transfer.history.arrivedDiscarded",
                                din,
                                form.temperatureC(),
                                Said.code("lineage.reason." + discard.get()))
                        : Said.of("transfer.history.arrived", din, form.temperatureC()));
        List<TransferView.Bottle> all = bottles(transferId);
        if (all.stream().allMatch(x -> x.outcome() != null)) {
            jdbc.sql(
                            "update network_bank_transfer set state = 'ARRIVED', arrived_at = ?, version = version + 1 where id = ?")
                    .params(Timestamp.from(at), transferId)
                    .update();
            List<Map<String, Object>> reported = new ArrayList<>();
            for (TransferView.Bottle x : all) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("din", x.din());
                r.put("outcome", x.outcome().name());
                r.put("code", x.outcomeCode());
                r.put("temperatureC", x.arrivalTemperatureC());
                r.put("arrivedAt", x.arrivedAt().toString());
                reported.add(r);
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("kind", KIND_RECEIVED);
            payload.put("transfer", transferId.toString());
            payload.put("source", t.peer());
            payload.put("bottles", reported);
            outbox.add(payload);
            history.record(
                    RECORD_TYPE,
                    transferId,
                    Said.of(
                            "transfer.history.allArrived",
                            all.stream()
                                    .filter(x -> x.outcome() == ArrivalOutcome.ACCEPTED)
                                    .count(),
                            all.stream()
                                    .filter(x -> x.outcome() == ArrivalOutcome.DISCARDED)
                                    .count()));
        }
        return find(transferId);
    }

    /**
     * The source recalled bottles it sent here (relayed by the hub): those that arrived are held (NETWORK_RECALL) in a
     * recall case of this bank's own, which lists every infant already given them; those still on the way are marked
     * and are discarded when they arrive.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void recalledBySource(InboxMessage message) {
        JsonNode p = message.payload();
        UUID transferId = uuid(p.path("transfer").asText(""));
        Row t = find(transferId, true)
                .filter(r -> r.direction() == TransferDirection.IN)
                .orElseThrow(() -> new NotFound("transfer.notFound", transferId));
        String from = p.path("from").asText("");
        if (!t.peer().equals(from)) {
            throw new RuleViolation("transfer.received.wrongBank", from);
        }
        String code = p.path("recall").asText("");
        if (code.isBlank()) {
            throw new RuleViolation("transfer.manifest.invalid", transferId);
        }
        List<String> dins = new ArrayList<>();
        p.path("dins").forEach(d -> dins.add(d.asText()));
        List<TransferView.Bottle> reached =
                bottles(transferId).stream().filter(b -> dins.contains(b.din())).toList();
        markRecalled(transferId, reached.stream().map(TransferView.Bottle::din).toList(), code, clock.instant());
        List<UUID> arrived = reached.stream()
                .filter(b -> b.bottleId() != null)
                .map(TransferView.Bottle::bottleId)
                .toList();
        String local = null;
        if (!arrived.isEmpty()) {
            RecallCase opened = recalls.openFromAnotherBank(t.peer(), code, arrived);
            local = opened.code();
        }
        history.record(
                RECORD_TYPE,
                transferId,
                Said.of(
                        "transfer.history.recalledBySource",
                        t.peer(),
                        code,
                        reached.size(),
                        local == null ? "—" : local));
    }

    private void markRecalled(UUID transferId, List<String> dins, String code, Instant at) {
        if (dins.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update network_bank_transfer_bottle set recall_code = ?, recalled_at = ?
                        where transfer_id = ? and din = any(cast(? as text[])) and recall_code is null
                        """)
                .params(code, Timestamp.from(at), transferId, dins.toArray(String[]::new))
                .update();
    }

    // ---- reading

    public Paged<TransferView> list(PageRequest page) {
        long total = jdbc.sql("select count(*) from network_bank_transfer")
                .query(Long.class)
                .single();
        List<UUID> ids = jdbc.sql("select id from network_bank_transfer order by created_at desc, id limit ? offset ?")
                .params(page.size(), page.offset())
                .query(UUID.class)
                .list();
        return new Paged<>(ids.stream().map(this::find).toList(), page, total);
    }

    public TransferView find(UUID id) {
        Row t = find(id, false).orElseThrow(() -> new NotFound("transfer.notFound", id));
        return new TransferView(
                t.id(),
                t.direction(),
                t.peer(),
                t.state(),
                t.reference(),
                t.reason(),
                t.packedBy(),
                t.createdAt(),
                t.createdBy(),
                t.dispatchedAt(),
                t.arrivedAt(),
                bottles(id));
    }

    /** The transfers a bottle of this bank was part of (sent from here or received here), by its DIN. */
    public List<TransferView> ofBottle(String din) {
        String withCheck = Din.parse(din).withCheck();
        return jdbc
                .sql("select distinct transfer_id from network_bank_transfer_bottle where din = ?")
                .param(withCheck)
                .query(UUID.class)
                .list()
                .stream()
                .map(this::find)
                .toList();
    }

    public List<History.HistoryEntry> history(UUID id) {
        return history.of(RECORD_TYPE, id);
    }

    record Row(
            UUID id,
            TransferDirection direction,
            String peer,
            TransferState state,
            String reference,
            String reason,
            String packedBy,
            Instant createdAt,
            String createdBy,
            Instant dispatchedAt,
            Instant arrivedAt) {}

    private Row lock(UUID id) {
        return find(id, true).orElseThrow(() -> new NotFound("transfer.notFound", id));
    }

    private Optional<Row> find(UUID id, boolean lock) {
        return jdbc.sql("select * from network_bank_transfer where id = ?" + (lock ? " for update" : ""))
                .param(id)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        TransferDirection.valueOf(rs.getString("direction")),
                        rs.getString("peer_facility"),
                        TransferState.valueOf(rs.getString("state")),
                        rs.getString("reference"),
                        rs.getString("reason"),
                        rs.getString("packed_by"),
                        instant(rs.getTimestamp("created_at")),
                        rs.getString("created_by"),
                        instant(rs.getTimestamp("dispatched_at")),
                        instant(rs.getTimestamp("arrived_at"))))
                .optional();
    }

    private List<TransferView.Bottle> bottles(UUID transferId) {
        return jdbc.sql("""
                        select din, bottle_id, manifest::text as manifest, outcome, outcome_code,
                            arrival_temperature_c, arrived_at, arrived_by, recall_code, recalled_at
                        from network_bank_transfer_bottle where transfer_id = ? and removed_at is null order by din
                        """).param(transferId).query(this::bottle).list();
    }

    private TransferView.Bottle bottle(ResultSet rs, int n) throws SQLException {
        String manifest = rs.getString("manifest");
        String outcome = rs.getString("outcome");
        return new TransferView.Bottle(
                rs.getString("din"),
                rs.getObject("bottle_id", UUID.class),
                manifest == null ? null : ManifestEntry.from(json.readTree(manifest)),
                outcome == null ? null : ArrivalOutcome.valueOf(outcome),
                rs.getString("outcome_code"),
                rs.getBigDecimal("arrival_temperature_c"),
                instant(rs.getTimestamp("arrived_at")),
                rs.getString("arrived_by"),
                rs.getString("recall_code"),
                instant(rs.getTimestamp("recalled_at")));
    }

    private static Din parse(String scanned, String field) {
        try {
            return Din.parse(scanned == null ? "" : scanned.strip());
        } catch (InvalidDinException | IllegalArgumentException e) {
            throw new RuleViolation("transfer.din.invalid", scanned == null ? "" : scanned.strip()).on(field);
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("transfer.manifest.invalid", text);
        }
    }

    private static String required(String words, String field) {
        if (words == null || words.isBlank()) {
            throw new RuleViolation("transfer." + field + ".required").on(field);
        }
        return words.strip();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    static BigDecimal decimal(JsonNode n) {
        return n.isNumber() ? n.decimalValue() : null;
    }
}
