package org.openmilkbank.network;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank's side of the network's exchange of milk: it posts requests and offers, amends or withdraws them with a
 * reason (never deleted), answers other banks' and declares a shortage of its own; each change is written to the
 * outbox in its transaction, with its history. It reads the board and the shortage alerts as its hub relayed them.
 */
@Service
public class NetworkExchange {

    static final String REQUEST = "exchange-request";
    static final String OFFER = "exchange-offer";
    static final String AMENDED = "exchange-amended";
    static final String WITHDRAWN = "exchange-withdrawn";
    static final String REPLY = "exchange-reply";
    static final String DECLARED = "shortage-declared";
    static final String RECORD = "NetworkExchange";
    static final UUID DECLARATION_ID = UUID.fromString("00000000-0000-4000-a000-00000000e243");

    private final JdbcClient jdbc;
    private final NetworkOutbox outbox;
    private final History history;
    private final Clock clock;
    private final JsonMapper json;
    private final String facilityCode;

    NetworkExchange(
            JdbcClient jdbc,
            NetworkOutbox outbox,
            History history,
            Clock clock,
            JsonMapper json,
            @Value("${openmilkbank.facility-code}") String facilityCode) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.history = history;
        this.clock = clock;
        this.json = json;
        this.facilityCode = facilityCode;
    }

    /** This bank's facility code. */
    public String facilityCode() {
        return facilityCode;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Posts a request or an offer and shares it; refused when its day is missing or past. */
    @Transactional
    public ExchangeEntry post(ExchangePost post) {
        LocalDate day;
        if (post.type() == ExchangeEntry.Type.REQUEST) {
            day = post.neededBy();
            if (day == null) {
                throw new RuleViolation("network.exchange.neededBy.required").on("neededBy");
            }
            if (day.isBefore(today())) {
                throw new RuleViolation("network.exchange.neededBy.past", day.toString()).on("neededBy");
            }
        } else {
            day = post.useBefore();
            if (day == null) {
                throw new RuleViolation("network.exchange.useBefore.required").on("useBefore");
            }
            if (day.isBefore(today())) {
                throw new RuleViolation("network.exchange.useBefore.past", day.toString()).on("useBefore");
            }
        }
        boolean request = post.type() == ExchangeEntry.Type.REQUEST;
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String reason = blankToNull(post.reason());
        jdbc.sql("""
                        insert into network_exchange_post (id, type, volume_ml, product_class, needed_by, use_before,
                            reason, status, posted_at, posted_by)
                        values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)
                        """)
                .params(
                        id,
                        post.type().name(),
                        post.volumeMl(),
                        post.productClass().name(),
                        request ? day : null,
                        request ? null : day,
                        reason,
                        Timestamp.from(now),
                        CurrentActor.username())
                .update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", request ? REQUEST : OFFER);
        payload.put("id", id.toString());
        payload.put("volumeMl", post.volumeMl());
        payload.put("productClass", post.productClass().name());
        payload.put(request ? "neededBy" : "useBefore", day.toString());
        payload.put("reason", reason);
        outbox.add(payload);
        history.record(
                RECORD,
                id,
                Said.of(
                        request ? "network.history.exchange.requested" : "network.history.exchange.offered",
                        post.volumeMl(),
                        Said.label(post.productClass()),
                        day.toString()));
        return own(id);
    }

    /** Changes an open post's volume and day; refused once withdrawn or with a past day. */
    @Transactional
    public ExchangeEntry amend(UUID id, ExchangeAmendment amendment) {
        ExchangeEntry post = lockOpen(id);
        if (amendment.day().isBefore(today())) {
            throw new RuleViolation(
                            post.type() == ExchangeEntry.Type.REQUEST
                                    ? "network.exchange.neededBy.past"
                                    : "network.exchange.useBefore.past",
                            amendment.day().toString())
                    .on("day");
        }
        boolean request = post.type() == ExchangeEntry.Type.REQUEST;
        jdbc.sql("""
                        update network_exchange_post set volume_ml = ?, needed_by = ?, use_before = ?,
                            version = version + 1 where id = ?
                        """)
                .params(amendment.volumeMl(), request ? amendment.day() : null, request ? null : amendment.day(), id)
                .update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", AMENDED);
        payload.put("id", id.toString());
        payload.put("volumeMl", amendment.volumeMl());
        payload.put(request ? "neededBy" : "useBefore", amendment.day().toString());
        payload.put("reason", amendment.reason().strip());
        outbox.add(payload);
        history.recordCorrection(
                RECORD,
                id,
                Said.of(
                        "network.history.exchange.amended",
                        post.volumeMl(),
                        amendment.volumeMl(),
                        post.day().toString(),
                        amendment.day().toString()),
                amendment.reason().strip());
        return own(id);
    }

    /** Withdraws an open post with its reason; refused when it is already withdrawn. */
    @Transactional
    public ExchangeEntry withdraw(UUID id, ExchangeWithdrawal withdrawal) {
        lockOpen(id);
        String reason = withdrawal.reason().strip();
        jdbc.sql("""
                        update network_exchange_post set status = 'WITHDRAWN', withdrawn_reason = ?,
                            version = version + 1 where id = ?
                        """).params(reason, id).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", WITHDRAWN);
        payload.put("id", id.toString());
        payload.put("reason", reason);
        outbox.add(payload);
        history.recordCorrection(RECORD, id, Said.of("network.history.exchange.withdrawn"), reason);
        return own(id);
    }

    /** Answers another bank's open request or offer on the board. */
    @Transactional
    public UUID reply(UUID entryId, ExchangeReply reply) {
        ExchangeEntry entry = boardEntry(entryId);
        if (entry.facilityCode().equals(facilityCode)) {
            throw new RuleViolation("network.exchange.reply.own");
        }
        if (!entry.open()) {
            throw new RuleViolation("network.exchange.withdrawn");
        }
        UUID id = UUID.randomUUID();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", REPLY);
        payload.put("id", id.toString());
        payload.put("entryFacility", entry.facilityCode());
        payload.put("entryId", entryId.toString());
        payload.put("volumeMl", reply.volumeMl());
        payload.put("note", blankToNull(reply.note()));
        outbox.add(payload);
        history.record(
                RECORD, entryId, Said.of("network.history.exchange.replied", entry.facilityCode(), reply.volumeMl()));
        return id;
    }

    /** Declares a shortage of this bank to the network (its hub alerts every bank), or ends it. */
    @Transactional
    public void declareShortage(boolean declared, ExchangeWithdrawal why) {
        String reason = why.reason().strip();
        boolean now = declaredShortage().map(Declaration::declared).orElse(false);
        if (now == declared) {
            throw new RuleViolation(declared ? "network.shortage.alreadyDeclared" : "network.shortage.notDeclared");
        }
        jdbc.sql("""
                        insert into network_declared_shortage (id, declared, reason, changed_at, changed_by)
                        values (1, ?, ?, ?, ?)
                        on conflict (id) do update set declared = excluded.declared, reason = excluded.reason,
                            changed_at = excluded.changed_at, changed_by = excluded.changed_by,
                            version = network_declared_shortage.version + 1
                        """)
                .params(declared, reason, Timestamp.from(clock.instant()), CurrentActor.username())
                .update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", DECLARED);
        payload.put("declared", declared);
        payload.put("reason", reason);
        outbox.add(payload);
        history.recordCorrection(
                "NetworkDeclaredShortage",
                DECLARATION_ID,
                Said.of(declared ? "network.history.shortage.declaredHere" : "network.history.shortage.endedHere"),
                reason);
    }

    /** The shortage this bank declared itself, as it stands. */
    public record Declaration(boolean declared, String reason, Instant changedAt, String changedBy) {}

    @Transactional(readOnly = true)
    public Optional<Declaration> declaredShortage() {
        return jdbc.sql("select declared, reason, changed_at, changed_by from network_declared_shortage where id = 1")
                .query((rs, n) -> new Declaration(
                        rs.getBoolean("declared"),
                        rs.getString("reason"),
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_by")))
                .optional();
    }

    /** The history of this bank's declarations. */
    @Transactional(readOnly = true)
    public List<History.HistoryEntry> declarationHistory() {
        return history.of("NetworkDeclaredShortage", DECLARATION_ID);
    }

    /** The history of one post (or of this bank's answers to a board entry). */
    @Transactional(readOnly = true)
    public List<History.HistoryEntry> history(UUID id) {
        return history.of(RECORD, id);
    }

    private ExchangeEntry lockOpen(UUID id) {
        jdbc.sql("select id from network_exchange_post where id = ? for update")
                .param(id)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new NotFound("network.exchange.notFound", id.toString()));
        ExchangeEntry post = own(id);
        if (!post.open()) {
            throw new RuleViolation("network.exchange.withdrawn");
        }
        return post;
    }

    private static final String OWN = """
            select p.id, p.type, p.volume_ml, p.product_class, p.needed_by, p.use_before, p.reason, p.status,
                   p.withdrawn_reason, p.posted_at, b.replies::text as replies
            from network_exchange_post p
            left join network_board b on b.id = p.id and b.facility_code = :facility
            """;

    /** This bank's posts, newest first. */
    @Transactional(readOnly = true)
    public List<ExchangeEntry> own() {
        return jdbc.sql(OWN + " order by p.posted_at desc, p.id")
                .param("facility", facilityCode)
                .query((rs, n) -> ownEntry(rs))
                .list();
    }

    /** One of this bank's posts; {@link NotFound} otherwise. */
    @Transactional(readOnly = true)
    public ExchangeEntry own(UUID id) {
        return jdbc.sql(OWN + " where p.id = :id")
                .param("facility", facilityCode)
                .param("id", id)
                .query((rs, n) -> ownEntry(rs))
                .optional()
                .orElseThrow(() -> new NotFound("network.exchange.notFound", id.toString()));
    }

    /** Whether the post is this bank's own. */
    @Transactional(readOnly = true)
    public boolean isOwn(UUID id) {
        return jdbc.sql("select exists (select 1 from network_exchange_post where id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    private ExchangeEntry ownEntry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ExchangeEntry(
                facilityCode,
                null,
                null,
                rs.getObject("id", UUID.class),
                ExchangeEntry.Type.valueOf(rs.getString("type")),
                rs.getInt("volume_ml"),
                ExchangeEntry.ProductClass.valueOf(rs.getString("product_class")),
                rs.getObject("needed_by", LocalDate.class),
                rs.getObject("use_before", LocalDate.class),
                rs.getString("reason"),
                ExchangeEntry.Status.valueOf(rs.getString("status")),
                rs.getString("withdrawn_reason"),
                rs.getTimestamp("posted_at").toInstant(),
                replies(rs.getString("replies")));
    }

    private static final String BOARD = """
            select facility_code, country, region, id, type, volume_ml, product_class, needed_by, use_before, reason,
                   status, replies::text as replies
            from network_board
            """;

    /** The network's open requests and offers as the hub relayed them (this bank's own too), by day. */
    @Transactional(readOnly = true)
    public List<ExchangeEntry> board() {
        return jdbc.sql(BOARD + " where status = 'OPEN' order by coalesce(needed_by, use_before), facility_code, id")
                .query((rs, n) -> boardEntry(rs))
                .list();
    }

    /** One entry of the board as relayed; {@link NotFound} when the hub has not relayed it. */
    @Transactional(readOnly = true)
    public ExchangeEntry boardEntry(UUID id) {
        return jdbc.sql(BOARD + " where id = ?")
                .param(id)
                .query((rs, n) -> boardEntry(rs))
                .optional()
                .orElseThrow(() -> new NotFound("network.exchange.notFound", id.toString()));
    }

    private ExchangeEntry boardEntry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ExchangeEntry(
                rs.getString("facility_code"),
                rs.getString("country"),
                rs.getString("region"),
                rs.getObject("id", UUID.class),
                ExchangeEntry.Type.valueOf(rs.getString("type")),
                rs.getInt("volume_ml"),
                ExchangeEntry.ProductClass.valueOf(rs.getString("product_class")),
                rs.getObject("needed_by", LocalDate.class),
                rs.getObject("use_before", LocalDate.class),
                rs.getString("reason"),
                ExchangeEntry.Status.valueOf(rs.getString("status")),
                null,
                null,
                replies(rs.getString("replies")));
    }

    private List<ExchangeEntry.Reply> replies(String text) {
        if (text == null) {
            return List.of();
        }
        return json.readValue(text, new TypeReference<List<ExchangeEntry.Reply>>() {});
    }

    /** The network's shortage alerts as the hub sent them: the banks short now. */
    @Transactional(readOnly = true)
    public List<NetworkAlert> alerts() {
        return jdbc.sql("""
                        select facility_code, country, region, short, declared, days_now, lowest_days, since, ended_at
                        from network_alert where short order by since, facility_code
                        """)
                .query((rs, n) -> new NetworkAlert(
                        rs.getString("facility_code"),
                        rs.getString("country"),
                        rs.getString("region"),
                        rs.getBoolean("short"),
                        rs.getBoolean("declared"),
                        rs.getBigDecimal("days_now"),
                        rs.getBigDecimal("lowest_days"),
                        instant(rs.getTimestamp("since")),
                        instant(rs.getTimestamp("ended_at"))))
                .list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
