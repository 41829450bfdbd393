package org.openmilkbank.donor;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The profile's questionnaires, deferral rules and addenda as seeded data, and the rows that refer to them. */
@Component
class ScreeningCatalogue {

    record Rule(boolean permanent, Integer days, boolean retestRequired, String source) {}

    record Activation(
            UUID id, UUID addendumId, String code, String title, Instant on, Instant off, List<String> extraTests) {}

    private final JdbcClient jdbc;
    private final tools.jackson.databind.json.JsonMapper json;

    ScreeningCatalogue(JdbcClient jdbc, tools.jackson.databind.json.JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private java.util.Map<String, String> words(String text) {
        if (text == null) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> words = new java.util.LinkedHashMap<>();
        json.readTree(text)
                .properties()
                .forEach(e -> words.put(e.getKey(), e.getValue().asText()));
        return words;
    }

    private static List<String> texts(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    boolean addendumCodeTaken(String code) {
        return jdbc.sql("select exists (select 1 from screening_addendum where lower(code) = lower(:c))")
                .param("c", code)
                .query(Boolean.class)
                .single();
    }

    /** Stores an addendum and its questions as given (already checked). */
    UUID insertAddendum(NewAddendum a) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into screening_addendum (id, code, title, pause_days, source, titles, suspends_recruitment,
                            extra_tests, origin)
                        values (:id, :code, :title, :pause, :source, cast(:titles as jsonb), :suspends, :tests, :origin)
                        """)
                .param("id", id)
                .param("code", a.code())
                .param("title", a.title())
                .param("pause", a.pauseDays())
                .param("source", a.source())
                .param("titles", a.titles().isEmpty() ? null : json.writeValueAsString(a.titles()))
                .param("suspends", a.suspendsRecruitment())
                .param("tests", a.extraTests().toArray(String[]::new))
                .param("origin", a.origin())
                .update();
        int position = 1;
        for (NewAddendum.Question q : a.questions()) {
            jdbc.sql("""
                            insert into screening_question (id, addendum_id, position, code, text, answer_type, defer_when,
                                deferral_category, texts)
                            values (:id, :a, :p, :code, :text, :type, :when, :category, cast(:texts as jsonb))
                            """)
                    .param("id", UUID.randomUUID())
                    .param("a", id)
                    .param("p", position++)
                    .param("code", q.code())
                    .param("text", q.text())
                    .param("type", q.answerType().name())
                    .param("when", q.deferWhen())
                    .param(
                            "category",
                            q.category() == null ? null : q.category().name())
                    .param("texts", q.texts().isEmpty() ? null : json.writeValueAsString(q.texts()))
                    .update();
        }
        return id;
    }

    Optional<QuestionnaireView> currentQuestionnaire(String profileCode) {
        return jdbc.sql("select id from screening_questionnaire where profile_code = :p order by version desc limit 1")
                .param("p", profileCode)
                .query(UUID.class)
                .optional()
                .map(this::questionnaire);
    }

    QuestionnaireView questionnaire(UUID id) {
        record Header(UUID id, String profileCode, int version, LocalDate publishedOn) {}
        Header h = jdbc.sql(
                        "select id, profile_code, version, published_on from screening_questionnaire where id = :id")
                .param("id", id)
                .query(Header.class)
                .single();
        return new QuestionnaireView(
                h.id(), h.profileCode(), h.version(), h.publishedOn(), questions("questionnaire_id", id));
    }

    private List<QuestionView> questions(String owner, UUID id) {
        return jdbc.sql(
                        "select id, position, code, text, answer_type, defer_when, deferral_category, texts::text as texts from screening_question where "
                                + owner + " = :id order by position")
                .param("id", id)
                .query((rs, n) -> new QuestionView(
                        rs.getObject("id", UUID.class),
                        rs.getInt("position"),
                        rs.getString("code"),
                        rs.getString("text"),
                        AnswerType.valueOf(rs.getString("answer_type")),
                        rs.getString("defer_when"),
                        rs.getString("deferral_category") == null
                                ? null
                                : DeferralCategory.valueOf(rs.getString("deferral_category")),
                        words(rs.getString("texts"))))
                .list();
    }

    Optional<Rule> rule(String profileCode, DeferralCategory category) {
        return jdbc.sql(
                        "select permanent, days, retest_required, source from deferral_rule where profile_code = :p and category = :c")
                .param("p", profileCode)
                .param("c", category.name())
                .query((rs, n) -> new Rule(
                        rs.getBoolean("permanent"),
                        (Integer) rs.getObject("days"),
                        rs.getBoolean("retest_required"),
                        rs.getString("source")))
                .optional();
    }

    void saveAnswer(String table, String ownerColumn, UUID ownerId, UUID questionId, String answer, boolean defers) {
        jdbc.sql("insert into " + table + " (" + ownerColumn
                        + ", question_id, answer, defers) values (:owner, :q, :a, :d)")
                .param("owner", ownerId)
                .param("q", questionId)
                .param("a", answer)
                .param("d", defers)
                .update();
    }

    List<ScreeningView.Answer> answers(UUID screeningId) {
        return jdbc.sql("""
                        select q.code, q.text, a.answer, a.defers from screening_answer a
                        join screening_question q on q.id = a.question_id
                        where a.screening_id = :id order by q.position
                        """)
                .param("id", screeningId)
                .query((rs, n) -> new ScreeningView.Answer(
                        rs.getString("code"), rs.getString("text"), rs.getString("answer"), rs.getBoolean("defers")))
                .list();
    }

    List<AddendumView> addenda() {
        return jdbc
                .sql("""
                        select a.id, a.code, a.title, a.pause_days, v.id as activation_id, v.switched_on_at as on_at,
                               v.switched_on_by as on_by, a.titles::text as titles, a.suspends_recruitment,
                               a.extra_tests, a.origin
                        from screening_addendum a
                        left join addendum_activation v on v.addendum_id = a.id and v.switched_off_at is null
                        order by a.code
                        """)
                .query((rs, n) -> new AddendumView(
                        rs.getObject("id", UUID.class),
                        rs.getString("code"),
                        rs.getString("title"),
                        rs.getInt("pause_days"),
                        List.of(),
                        rs.getObject("activation_id", UUID.class),
                        rs.getTimestamp("on_at") == null
                                ? null
                                : rs.getTimestamp("on_at").toInstant(),
                        rs.getString("on_by"),
                        words(rs.getString("titles")),
                        rs.getBoolean("suspends_recruitment"),
                        texts(rs.getArray("extra_tests")),
                        rs.getString("origin")))
                .list()
                .stream()
                .map(a -> new AddendumView(
                        a.id(),
                        a.code(),
                        a.title(),
                        a.pauseDays(),
                        questions("addendum_id", a.id()),
                        a.activationId(),
                        a.switchedOnAt(),
                        a.switchedOnBy(),
                        a.titles(),
                        a.suspendsRecruitment(),
                        a.extraTests(),
                        a.origin()))
                .toList();
    }

    List<Activation> activations() {
        return jdbc.sql("""
                        select v.id, v.addendum_id, a.code, a.title, v.switched_on_at, v.switched_off_at, a.extra_tests
                        from addendum_activation v join screening_addendum a on a.id = v.addendum_id
                        order by v.switched_on_at
                        """)
                .query((rs, n) -> new Activation(
                        rs.getObject("id", UUID.class),
                        rs.getObject("addendum_id", UUID.class),
                        rs.getString("code"),
                        rs.getString("title"),
                        rs.getTimestamp("switched_on_at").toInstant(),
                        rs.getTimestamp("switched_off_at") == null
                                ? null
                                : rs.getTimestamp("switched_off_at").toInstant(),
                        texts(rs.getArray("extra_tests"))))
                .list();
    }

    void switchOn(UUID addendumId, String reason, Instant at, String actor) {
        jdbc.sql("""
                        insert into addendum_activation (id, addendum_id, switched_on_at, switched_on_by, switched_on_why)
                        values (:id, :a, :at, :by, :why)
                        """)
                .param("id", UUID.randomUUID())
                .param("a", addendumId)
                .param("at", Timestamp.from(at))
                .param("by", actor)
                .param("why", reason)
                .update();
    }

    void switchOff(UUID activationId, Instant at, String actor) {
        jdbc.sql("""
                        update addendum_activation set switched_off_at = :at, switched_off_by = :by, version = version + 1
                        where id = :id and switched_off_at is null
                        """)
                .param("at", Timestamp.from(at))
                .param("by", actor)
                .param("id", activationId)
                .update();
    }

    Set<UUID> answeredActivations(UUID donorId) {
        return new HashSet<>(jdbc.sql("select activation_id from addendum_answer where donor_id = :d")
                .param("d", donorId)
                .query(UUID.class)
                .list());
    }

    /** The activations each of these donors has answered, in one query. */
    java.util.Map<UUID, Set<UUID>> answeredActivations(java.util.Collection<UUID> donorIds) {
        java.util.Map<UUID, Set<UUID>> answered = new java.util.HashMap<>();
        if (donorIds.isEmpty()) {
            return answered;
        }
        jdbc.sql("select donor_id, activation_id from addendum_answer where donor_id in (:d)")
                .param("d", donorIds)
                .query((rs, n) -> answered.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        return answered;
    }

    UUID saveAddendumAnswer(
            UUID activationId, UUID donorId, LocalDate answeredOn, InterviewMode mode, Instant at, String actor) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into addendum_answer (id, activation_id, donor_id, answered_on, mode, recorded_at, recorded_by)
                        values (:id, :v, :d, :on, :mode, :at, :by)
                        """)
                .param("id", id)
                .param("v", activationId)
                .param("d", donorId)
                .param("on", answeredOn)
                .param("mode", mode.name())
                .param("at", Timestamp.from(at))
                .param("by", actor)
                .update();
        return id;
    }

    void logRead(UUID donorId, String what, Instant at, String actor) {
        jdbc.sql(
                        "insert into donor_health_read (id, donor_id, read_by, read_at, what) values (:id, :d, :by, :at, :what)")
                .param("id", UUID.randomUUID())
                .param("d", donorId)
                .param("by", actor)
                .param("at", Timestamp.from(at))
                .param("what", what)
                .update();
    }

    /** A page of who read her health record, newest first, with the total of every read. */
    org.openmilkbank.shared.Paged<HealthRead> reads(UUID donorId, org.openmilkbank.shared.PageRequest page) {
        long[] total = {0};
        List<HealthRead> reads = jdbc.sql("""
                        select read_by, read_at, what, count(*) over () as total from donor_health_read
                        where donor_id = :d order by read_at desc, id desc limit :size offset :offset
                        """)
                .param("d", donorId)
                .param("size", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return new HealthRead(
                            rs.getString("read_by"), rs.getTimestamp("read_at").toInstant(), rs.getString("what"));
                })
                .list();
        if (reads.isEmpty() && page.page() > 1) {
            total[0] = jdbc.sql("select count(*) from donor_health_read where donor_id = :d")
                    .param("d", donorId)
                    .query(Long.class)
                    .single();
        }
        return org.openmilkbank.shared.Paged.of(reads, page, total[0]);
    }

    /** Donations and volume given, from the view collection publishes (collection depends on donor, not back). */
    List<TimelineEntry> donations(UUID donorId, java.time.ZoneId zone) {
        return jdbc.sql("""
                        select received_at, containers, volume_ml as volume, first_expressed, last_expressed
                        from collection_donation_v where donor_id = :d
                        """)
                .param("d", donorId)
                .query((rs, n) -> new TimelineEntry(
                        LocalDate.ofInstant(rs.getTimestamp("received_at").toInstant(), zone),
                        "DONATION",
                        donationSummary(
                                rs.getInt("containers"),
                                rs.getObject("first_expressed", LocalDate.class),
                                rs.getObject("last_expressed", LocalDate.class)),
                        rs.getInt("volume")))
                .list();
    }

    private static org.openmilkbank.shared.Said donationSummary(int containers, LocalDate first, LocalDate last) {
        return first == null || first.equals(last) || last == null
                ? org.openmilkbank.shared.Said.of("donor.timeline.donation", containers, first)
                : org.openmilkbank.shared.Said.of("donor.timeline.donation.span", containers, first, last);
    }

    /**
     * Her containers in the bank that a block of her milk covers (an active DONOR_BLOCK window over the day she
     * expressed them), from the views collection and traceability publish; the reason is the hold's neutral code.
     */
    List<TimelineEntry> blockedContainers(UUID donorId) {
        return jdbc.sql("""
                        select distinct rc.expressed_on, rc.din, rc.volume_ml, h.reason_code
                        from collection_container_v rc
                        join traceability_donor_window_v h on h.kind = 'DONOR_BLOCK' and h.donor_id = rc.donor_id
                            and (h.window_from is null or rc.expressed_on >= h.window_from)
                            and (h.window_to is null or rc.expressed_on <= h.window_to)
                        where rc.donor_id = :d and rc.state not in ('REJECTED', 'DISCARDED')
                        order by rc.expressed_on, rc.din
                        """)
                .param("d", donorId)
                .query((rs, n) -> new TimelineEntry(
                        rs.getObject("expressed_on", LocalDate.class),
                        "BLOCKED",
                        org.openmilkbank.shared.Said.of(
                                "hold.reason." + rs.getString("reason_code"),
                                org.openmilkbank.shared.Din.parse(rs.getString("din"))
                                        .withCheck()),
                        rs.getInt("volume_ml")))
                .list();
    }
}
