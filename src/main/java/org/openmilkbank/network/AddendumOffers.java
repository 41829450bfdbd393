package org.openmilkbank.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmilkbank.donor.AddendumSwitchedOff;
import org.openmilkbank.donor.AddendumSwitchedOn;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.NewAddendum;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank's emergency addenda offered by its hub: kept as offered when the hub's message arrives, adopted by a manager
 * in one step (the donor module's addendum is created from the content and switched on, and the adoption is written
 * to the outbox in the same transaction), ended by switching it off here or on the donor pages (an
 * {@code adoption-ended} entry). A new addendum is data: nothing here knows a pathogen.
 */
@Service
@Transactional
public class AddendumOffers {

    public static final String RECORD_TYPE = "NetworkAddendumOffer";
    static final String ORIGIN = "NETWORK:";

    private final JdbcClient jdbc;
    private final DonorManagement donors;
    private final NetworkOutbox outbox;
    private final History history;
    private final JsonMapper json;
    private final Clock clock;

    AddendumOffers(
            JdbcClient jdbc,
            DonorManagement donors,
            NetworkOutbox outbox,
            History history,
            JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.donors = donors;
        this.outbox = outbox;
        this.history = history;
        this.json = json;
        this.clock = clock;
    }

    /** Every offered addendum, newest publication first. */
    @Transactional(readOnly = true)
    public List<OfferedAddendum> offers() {
        return jdbc.sql(SELECT + " order by o.published_at desc, o.code, o.version desc")
                .query((rs, n) -> view(rs))
                .list();
    }

    @Transactional(readOnly = true)
    public OfferedAddendum find(String code, int version) {
        return jdbc.sql(SELECT + " where o.code = ? and o.version = ?")
                .params(code, version)
                .query((rs, n) -> view(rs))
                .optional()
                .orElseThrow(() -> new NotFound("network.addendum.offerNotFound", code, version));
    }

    /**
     * Adopts an offered addendum in one step: the donor module's addendum is created from its content (code
     * {@code NET-<code>-V<version>}, the hub's words) and switched on, with its pause, recruitment suspension and extra
     * tests; an earlier version of it in force is switched off; the adoption goes to the hub through the outbox.
     */
    public OfferedAddendum adopt(String code, int version, AdoptAddendum form) {
        OfferedAddendum offer = find(code, version);
        if (form == null || !Boolean.TRUE.equals(form.confirmed())) {
            throw new RuleViolation("network.addendum.confirmRequired").on("confirmed");
        }
        if (offer.withdrawn()) {
            throw new RuleViolation("network.addendum.withdrawnByHub", offer.code(), offer.version());
        }
        if (offer.inForce()) {
            throw new RuleViolation("network.addendum.alreadyAdopted", offer.code(), offer.version());
        }
        if (offer.newerVersion() != null) {
            throw new RuleViolation("network.addendum.newerOffered", offer.code(), offer.newerVersion());
        }
        String origin = ORIGIN + offer.code() + ":" + offer.version();
        String note = form.note() == null || form.note().isBlank()
                ? null
                : form.note().strip();
        String localCode = "NET-" + offer.code() + "-V" + offer.version();
        NewAddendum content = new NewAddendum(
                localCode,
                offer.title(),
                offer.titles(),
                offer.source(),
                offer.pauseDays(),
                offer.suspendsRecruitment(),
                offer.extraTests(),
                offer.questions().stream()
                        .map(q -> new NewAddendum.Question(
                                q.code(), q.text(), q.texts(), q.answerType(), q.deferWhen(), q.category()))
                        .toList(),
                origin);
        // an earlier version in force gives way to this one
        for (OfferedAddendum earlier : offers()) {
            if (earlier.code().equals(offer.code()) && earlier.version() < offer.version() && earlier.inForce()) {
                donors.switchOffAddendum(earlier.localCode(), origin);
            }
        }
        // the offer knows its donor addendum first: switching it on is what makes the adoption (switchedOn)
        jdbc.sql("""
                        update network_addendum_offer set adopted_note = ?, local_code = ?, version_lock = version_lock + 1
                        where code = ? and version = ?
                        """).params(note, localCode, offer.code(), offer.version()).update();
        donors.adoptAddendum(content, note == null ? origin : note);
        return find(code, version);
    }

    /** Ends an adoption in force: the donor module's addendum is switched off with the manager's reason. */
    public OfferedAddendum end(String code, int version, String reason) {
        OfferedAddendum offer = find(code, version);
        if (!offer.inForce()) {
            throw new RuleViolation("network.addendum.notAdopted", offer.code(), offer.version());
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        donors.switchOffAddendum(offer.localCode(), reason.strip());
        return find(code, version);
    }

    /**
     * An addendum of the network switched on (adopted here, or switched on again on the donor pages): the adoption
     * is in force, and the hub is told (kind {@code adoption}).
     */
    @EventListener
    void switchedOn(AddendumSwitchedOn on) {
        if (on.origin() == null || !on.origin().startsWith(ORIGIN)) {
            return;
        }
        List<OfferedAddendum> adopted = jdbc.sql(SELECT + " where o.local_code = ?")
                .param(on.code())
                .query((rs, n) -> view(rs))
                .list();
        for (OfferedAddendum offer : adopted) {
            jdbc.sql("""
                            update network_addendum_offer set adopted_at = ?, adopted_by = ?, ended_at = null,
                                version_lock = version_lock + 1
                            where code = ? and version = ?
                            """)
                    .params(Timestamp.from(on.at()), on.by(), offer.code(), offer.version())
                    .update();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("kind", AdoptionProjections.ADOPTION);
            payload.put("code", offer.code());
            payload.put("version", offer.version());
            payload.put("adoptedAt", on.at().toString());
            payload.put("questions", offer.questions().size());
            payload.put("pauseDays", offer.pauseDays());
            payload.put("suspendsRecruitment", offer.suspendsRecruitment());
            payload.put("extraTests", offer.extraTests());
            outbox.add(payload);
            history.record(
                    RECORD_TYPE,
                    key(offer.code(), offer.version()),
                    Said.of("network.history.addendumAdopted", offer.code(), offer.version(), on.code()));
        }
    }

    /** An adopted addendum switched off (here or on the donor pages): the adoption ended, and the hub is told. */
    @EventListener
    void switchedOff(AddendumSwitchedOff off) {
        if (off.origin() == null || !off.origin().startsWith(ORIGIN)) {
            return;
        }
        List<OfferedAddendum> ended = jdbc.sql(
                        SELECT + " where o.local_code = ? and o.adopted_at is not null" + " and o.ended_at is null")
                .param(off.code())
                .query((rs, n) -> view(rs))
                .list();
        for (OfferedAddendum offer : ended) {
            jdbc.sql("""
                            update network_addendum_offer set ended_at = ?, version_lock = version_lock + 1
                            where code = ? and version = ?
                            """)
                    .params(Timestamp.from(off.at()), offer.code(), offer.version())
                    .update();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("kind", AdoptionProjections.ENDED);
            payload.put("code", offer.code());
            payload.put("version", offer.version());
            payload.put("endedAt", off.at().toString());
            outbox.add(payload);
            history.record(
                    RECORD_TYPE,
                    key(offer.code(), offer.version()),
                    Said.of("network.history.adoptionEnded", offer.code(), offer.version()));
        }
    }

    /** The hub's message of kind {@code addendum}: kept as offered (once). */
    void offered(InboxMessage message) {
        JsonNode p = message.payload();
        String code = p.path("code").asText("");
        int version = p.path("version").asInt(0);
        if (code.isBlank() || version < 1 || !p.path("questions").isArray()) {
            throw new RuleViolation("network.addendum.messageInvalid", message.sequence());
        }
        Instant published;
        try {
            published = Instant.parse(p.path("publishedAt").asText(""));
        } catch (java.time.format.DateTimeParseException e) {
            published = message.createdAt();
        }
        int kept = jdbc.sql("""
                        insert into network_addendum_offer (code, version, payload, message_sequence, published_at,
                            offered_at)
                        values (?, ?, cast(? as jsonb), ?, ?, ?) on conflict (code, version) do nothing
                        """)
                .params(
                        code,
                        version,
                        json.writeValueAsString(p),
                        message.sequence(),
                        Timestamp.from(published),
                        Timestamp.from(clock.instant()))
                .update();
        if (kept == 1) {
            history.record(
                    RECORD_TYPE,
                    key(code, version),
                    Said.of(
                            "network.history.addendumOffered",
                            code,
                            version,
                            p.path("title").asText("")));
        }
    }

    /** The hub's message of kind {@code addendum-withdrawn}: the offer is marked withdrawn with the hub's reason. */
    void withdrawn(InboxMessage message) {
        JsonNode p = message.payload();
        String code = p.path("code").asText("");
        int version = p.path("version").asInt(0);
        Instant at;
        try {
            at = Instant.parse(p.path("withdrawnAt").asText(""));
        } catch (java.time.format.DateTimeParseException e) {
            at = message.createdAt();
        }
        int updated = jdbc.sql("""
                        update network_addendum_offer set withdrawn_at = ?, withdrawn_reason = ?,
                            version_lock = version_lock + 1
                        where code = ? and version = ? and withdrawn_at is null
                        """)
                .params(Timestamp.from(at), p.path("reason").asText(""), code, version)
                .update();
        if (updated == 1) {
            history.recordCorrection(
                    RECORD_TYPE,
                    key(code, version),
                    Said.of("network.history.addendumWithdrawnByHub", code, version),
                    p.path("reason").asText("—"));
        }
    }

    static String key(String code, int version) {
        return code + ":" + version;
    }

    private static final String SELECT = """
            select o.*, o.payload::text as payload_text,
                (select max(n.version) from network_addendum_offer n
                 where n.code = o.code and n.version > o.version) as newer_version
            from network_addendum_offer o""";

    private OfferedAddendum view(ResultSet rs) throws SQLException {
        JsonNode p = json.readTree(rs.getString("payload_text"));
        List<HubAddendum.Question> questions = new ArrayList<>();
        for (JsonNode q : p.path("questions")) {
            questions.add(Addenda.question(q));
        }
        Map<String, String> titles = Addenda.words(p.path("titles"));
        return new OfferedAddendum(
                rs.getString("code"),
                rs.getInt("version"),
                p.path("title").asText(rs.getString("code")),
                titles,
                p.path("source").isTextual() ? p.path("source").asText() : null,
                p.path("pauseDays").asInt(0),
                p.path("suspendsRecruitment").asBoolean(false),
                Addenda.strings(p.path("extraTests")),
                questions,
                instant(rs, "published_at"),
                instant(rs, "offered_at"),
                instant(rs, "adopted_at"),
                rs.getString("adopted_by"),
                rs.getString("adopted_note"),
                rs.getString("local_code"),
                instant(rs, "ended_at"),
                instant(rs, "withdrawn_at"),
                rs.getString("withdrawn_reason"),
                rs.getObject("newer_version", Integer.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
