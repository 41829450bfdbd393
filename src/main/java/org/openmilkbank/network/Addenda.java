package org.openmilkbank.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.donor.AnswerType;
import org.openmilkbank.donor.DeferralCategory;
import org.openmilkbank.donor.NewAddendum;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub's emergency addenda (new pathogens): the coordinator writes a draft and amends it, publishing freezes it and
 * sends it to every bank in the same transaction (message kind {@code addendum}), a new version of the same code
 * supersedes it, and it is withdrawn with a reason (message kind {@code addendum-withdrawn}). Nothing is deleted. The
 * banks' adoptions come back in their batches ({@link AdoptionProjections}); this service reads who adopted, when, and
 * the banks' indicators before and after (the crowdsourced response benchmark).
 */
@Service
@Transactional
public class Addenda {

    public static final String RECORD_TYPE = "NetworkAddendum";
    static final String KIND = "addendum";
    static final String WITHDRAWN_KIND = "addendum-withdrawn";

    private final JdbcClient jdbc;
    private final HubMessages messages;
    private final History history;
    private final JsonMapper json;
    private final Clock clock;
    private final NetworkMode mode;
    private final int benchmarkMonths;
    private final List<String> benchmarkIndicators;

    Addenda(
            JdbcClient jdbc,
            HubMessages messages,
            History history,
            JsonMapper json,
            Clock clock,
            NetworkMode mode,
            @Value("${openmilkbank.network.addenda.benchmark-months:3}") int benchmarkMonths,
            @Value(
                            "${openmilkbank.network.addenda.benchmark-indicators:DONORS_ACTIVE,VOLUME_RECEIVED,DISCARDED_VOLUME}")
                    List<String> benchmarkIndicators) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.history = history;
        this.json = json;
        this.clock = clock;
        this.mode = mode;
        this.benchmarkMonths = Math.max(1, benchmarkMonths);
        this.benchmarkIndicators = List.copyOf(benchmarkIndicators);
    }

    /** A new addendum's first version, a draft; refused when the code is taken at the hub or the content is bad. */
    public HubAddendum draft(AddendumDraft draft) {
        requireHub();
        String code = draft.code() == null ? "" : draft.code().strip().toUpperCase(java.util.Locale.ROOT);
        NewAddendum content = draft.content(code, null);
        if (jdbc.sql("select exists (select 1 from network_addendum where code = ?)")
                .param(code)
                .query(Boolean.class)
                .single()) {
            throw new RuleViolation("network.addendum.codeTaken", code).on("code");
        }
        UUID id = insert(content, 1);
        history.record(RECORD_TYPE, id, Said.of("network.history.addendumDrafted", code, 1, content.title()));
        return find(id);
    }

    /** Amends a draft (its code stays); a published version is frozen: refused. */
    public HubAddendum amend(UUID id, AddendumDraft draft) {
        requireHub();
        HubAddendum current = find(id);
        if (!current.draft()) {
            throw new RuleViolation("network.addendum.frozen", current.code(), current.version());
        }
        NewAddendum content = draft.content(current.code(), null);
        jdbc.sql("""
                        update network_addendum set title = ?, titles = cast(? as jsonb), source = ?, pause_days = ?,
                            suspends_recruitment = ?, extra_tests = cast(? as jsonb), questions = cast(? as jsonb),
                            version_lock = version_lock + 1
                        where id = ? and state = 'DRAFT'
                        """)
                .params(
                        content.title(),
                        json.writeValueAsString(content.titles()),
                        content.source(),
                        content.pauseDays(),
                        content.suspendsRecruitment(),
                        json.writeValueAsString(content.extraTests()),
                        json.writeValueAsString(questions(content)),
                        id)
                .update();
        history.record(RECORD_TYPE, id, Said.of("network.history.addendumAmended", current.code(), current.version()));
        return find(id);
    }

    /**
     * Publishes a draft to every bank, in this transaction: frozen from now on; the version in force before it is
     * superseded.
     */
    public HubAddendum publish(UUID id) {
        requireHub();
        HubAddendum draft = find(id);
        if (!draft.draft()) {
            throw new RuleViolation("network.addendum.notDraft", draft.code(), draft.version());
        }
        Optional<HubAddendum> before = inForce(draft.code());
        before.ifPresent(old -> {
            jdbc.sql("update network_addendum set state = 'SUPERSEDED', version_lock = version_lock + 1 where id = ?")
                    .param(old.id())
                    .update();
            history.record(
                    RECORD_TYPE,
                    old.id(),
                    Said.of("network.history.addendumSuperseded", old.code(), old.version(), draft.version()));
        });
        Instant now = clock.instant();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", draft.code());
        fields.put("version", draft.version());
        fields.put("title", draft.title());
        fields.put("titles", draft.titles());
        fields.put("source", draft.source());
        fields.put("pauseDays", draft.pauseDays());
        fields.put("suspendsRecruitment", draft.suspendsRecruitment());
        fields.put("extraTests", draft.extraTests());
        fields.put("questions", draft.questions());
        fields.put("publishedAt", now.toString());
        fields.put("supersedes", before.map(HubAddendum::version).orElse(null));
        long sequence = messages.publish(KIND, fields, Optional.empty());
        jdbc.sql("""
                        update network_addendum set state = 'PUBLISHED', published_at = ?, published_by = ?,
                            message_sequence = ?, version_lock = version_lock + 1
                        where id = ? and state = 'DRAFT'
                        """)
                .params(Timestamp.from(now), CurrentActor.username(), sequence, id)
                .update();
        history.record(
                RECORD_TYPE, id, Said.of("network.history.addendumPublished", draft.code(), draft.version(), sequence));
        return find(id);
    }

    /**
     * The next version of a published (or withdrawn, or superseded) addendum, as a draft with the same content to
     * amend; refused while a draft of that code exists.
     */
    public HubAddendum newVersion(UUID id) {
        requireHub();
        HubAddendum from = find(id);
        if (from.draft()) {
            throw new RuleViolation("network.addendum.draftExists", from.code());
        }
        if (jdbc.sql("select exists (select 1 from network_addendum where code = ? and state = 'DRAFT')")
                .param(from.code())
                .query(Boolean.class)
                .single()) {
            throw new RuleViolation("network.addendum.draftExists", from.code());
        }
        int next = jdbc.sql("select max(version) + 1 from network_addendum where code = ?")
                .param(from.code())
                .query(Integer.class)
                .single();
        UUID created = insert(from.toDraft().content(from.code(), null), next);
        history.record(
                RECORD_TYPE, created, Said.of("network.history.addendumDrafted", from.code(), next, from.title()));
        return find(created);
    }

    /** Withdraws the version in force, with the coordinator's reason, and tells every bank in this transaction. */
    public HubAddendum withdraw(UUID id, String reason) {
        requireHub();
        HubAddendum addendum = find(id);
        if (!addendum.published()) {
            throw new RuleViolation("network.addendum.notInForce", addendum.code(), addendum.version());
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        update network_addendum set state = 'WITHDRAWN', withdrawn_at = ?, withdrawn_by = ?,
                            withdrawn_reason = ?, version_lock = version_lock + 1
                        where id = ? and state = 'PUBLISHED'
                        """)
                .params(Timestamp.from(now), CurrentActor.username(), reason.strip(), id)
                .update();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", addendum.code());
        fields.put("version", addendum.version());
        fields.put("reason", reason.strip());
        fields.put("withdrawnAt", now.toString());
        messages.publish(WITHDRAWN_KIND, fields, Optional.empty());
        history.recordCorrection(
                RECORD_TYPE,
                id,
                Said.of("network.history.addendumWithdrawn", addendum.code(), addendum.version()),
                reason.strip());
        return find(id);
    }

    /** Every version of every addendum, newest first. */
    @Transactional(readOnly = true)
    public List<HubAddendum> list() {
        return jdbc.sql("select * from network_addendum order by created_at desc, code, version desc")
                .query((rs, n) -> view(rs))
                .list();
    }

    @Transactional(readOnly = true)
    public HubAddendum find(UUID id) {
        if (id == null) {
            throw new NotFound("network.addendum.notFound", "—");
        }
        return jdbc.sql("select * from network_addendum where id = ?")
                .param(id)
                .query((rs, n) -> view(rs))
                .optional()
                .orElseThrow(() -> new NotFound("network.addendum.notFound", id));
    }

    /** Every version of this addendum's code, newest first. */
    @Transactional(readOnly = true)
    public List<HubAddendum> versions(String code) {
        return jdbc.sql("select * from network_addendum where code = ? order by version desc")
                .param(code)
                .query((rs, n) -> view(rs))
                .list();
    }

    /**
     * One registered bank and this version: adopted (when, how many hours after publication, ended when), or not
     * yet ({@code adoptedAt} null).
     */
    public record BankAdoption(
            String facilityCode,
            String country,
            String region,
            Instant adoptedAt,
            BigDecimal hoursAfterPublication,
            Instant endedAt,
            boolean suspendsRecruitment,
            List<String> extraTests) {

        public boolean adopted() {
            return adoptedAt != null;
        }
    }

    /** Every registered bank, whether it adopted this version and when, by facility code. */
    @Transactional(readOnly = true)
    public List<BankAdoption> adoptions(UUID id) {
        HubAddendum addendum = find(id);
        return jdbc.sql("""
                        select b.facility_code, b.country, b.region, a.adopted_at, a.ended_at, a.suspends_recruitment,
                            a.extra_tests::text as extra_tests
                        from network_bank b
                        left join network_addendum_adoption a on a.facility_code = b.facility_code
                            and a.code = ? and a.version = ?
                        order by b.facility_code
                        """)
                .params(addendum.code(), addendum.version())
                .query((rs, n) -> {
                    Instant adopted = instant(rs, "adopted_at");
                    return new BankAdoption(
                            rs.getString("facility_code"),
                            rs.getString("country"),
                            rs.getString("region"),
                            adopted,
                            adopted == null || addendum.publishedAt() == null
                                    ? null
                                    : hours(addendum.publishedAt(), adopted),
                            instant(rs, "ended_at"),
                            rs.getBoolean("suspends_recruitment"),
                            rs.getString("extra_tests") == null
                                    ? List.of()
                                    : strings(json.readTree(rs.getString("extra_tests"))));
                })
                .list();
    }

    /** The latest published addendum (in force or since withdrawn or superseded) and each bank's adoption. */
    public record LatestAdoption(HubAddendum addendum, List<BankAdoption> banks) {

        public long adoptedCount() {
            return banks.stream().filter(BankAdoption::adopted).count();
        }
    }

    /** For the hub's overview: the latest published addendum and, per bank, adopted when or not; empty when none. */
    @Transactional(readOnly = true)
    public Optional<LatestAdoption> latestAdoption() {
        return jdbc.sql("""
                        select id from network_addendum where published_at is not null
                        order by published_at desc limit 1
                        """).query(UUID.class).optional().map(id -> new LatestAdoption(find(id), adoptions(id)));
    }

    /**
     * One indicator of a bank, the mean of its months before adoption and of its months after (the month of adoption
     * itself is in neither), from the monthly indicator batches the bank sent; null where it sent none.
     */
    public record IndicatorChange(
            String code, BigDecimal before, int monthsBefore, BigDecimal after, int monthsAfter, BigDecimal change) {}

    /** What one bank did and when, and its indicators around its adoption. */
    public record BankResponse(BankAdoption adoption, List<IndicatorChange> indicators) {}

    /**
     * The crowdsourced response benchmark of one version: each bank's response with its indicators before and after,
     * and the network's median response time (hours from publication to adoption, banks that adopted).
     *
     * @param months how many months before and after are compared (configuration
     *     {@code openmilkbank.network.addenda.benchmark-months})
     */
    public record ResponseBenchmark(
            List<BankResponse> banks, BigDecimal medianHours, List<String> indicatorCodes, int months) {}

    @Transactional(readOnly = true)
    public ResponseBenchmark benchmark(UUID id) {
        List<BankAdoption> adoptions = adoptions(id);
        List<BankResponse> banks = adoptions.stream()
                .map(a -> new BankResponse(a, a.adopted() ? indicatorsAround(a) : List.of()))
                .toList();
        List<BigDecimal> hours = adoptions.stream()
                .map(BankAdoption::hoursAfterPublication)
                .filter(java.util.Objects::nonNull)
                .sorted()
                .toList();
        return new ResponseBenchmark(banks, median(hours), benchmarkIndicators, benchmarkMonths);
    }

    private List<IndicatorChange> indicatorsAround(BankAdoption adoption) {
        YearMonth month = YearMonth.from(adoption.adoptedAt().atZone(clock.getZone()));
        if (benchmarkIndicators.isEmpty()) {
            return List.of();
        }
        // the month's figures as the hub holds them: the latest batch of the month whose content it accepted
        Map<String, BigDecimal> totals = new HashMap<>();
        jdbc.sql("""
                        select to_char(month, 'YYYY-MM') as month, code, value from network_indicator
                        where facility_code = :facility and breakdown = '' and value is not null
                          and month between :from and :to and code in (:codes)
                        """)
                .param("facility", adoption.facilityCode())
                .param(
                        "from",
                        java.sql.Date.valueOf(month.minusMonths(benchmarkMonths).atDay(1)))
                .param(
                        "to",
                        java.sql.Date.valueOf(month.plusMonths(benchmarkMonths).atDay(1)))
                .param("codes", benchmarkIndicators)
                .query(rs -> {
                    totals.put(rs.getString("month") + "/" + rs.getString("code"), rs.getBigDecimal("value"));
                });
        List<IndicatorChange> changes = new ArrayList<>();
        for (String code : benchmarkIndicators) {
            List<BigDecimal> before = new ArrayList<>();
            List<BigDecimal> after = new ArrayList<>();
            for (int i = 1; i <= benchmarkMonths; i++) {
                Optional.ofNullable(totals.get(month.minusMonths(i) + "/" + code))
                        .ifPresent(before::add);
                Optional.ofNullable(totals.get(month.plusMonths(i) + "/" + code))
                        .ifPresent(after::add);
            }
            BigDecimal b = mean(before);
            BigDecimal a = mean(after);
            changes.add(new IndicatorChange(
                    code, b, before.size(), a, after.size(), a == null || b == null ? null : a.subtract(b)));
        }
        return changes;
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        return values.stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 3, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    static BigDecimal median(List<BigDecimal> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int n = sorted.size();
        return n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
    }

    static BigDecimal hours(Instant from, Instant to) {
        return BigDecimal.valueOf(Duration.between(from, to).toMinutes())
                .divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }

    private Optional<HubAddendum> inForce(String code) {
        return jdbc.sql("select * from network_addendum where code = ? and state = 'PUBLISHED'")
                .param(code)
                .query((rs, n) -> view(rs))
                .optional();
    }

    private void requireHub() {
        if (!mode.isHub()) {
            throw new RuleViolation("network.addenda.hubOnly");
        }
    }

    private UUID insert(NewAddendum content, int version) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into network_addendum (id, code, version, state, title, titles, source, pause_days,
                            suspends_recruitment, extra_tests, questions, created_at, created_by)
                        values (?, ?, ?, 'DRAFT', ?, cast(? as jsonb), ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?)
                        """)
                .params(
                        id,
                        content.code(),
                        version,
                        content.title(),
                        json.writeValueAsString(content.titles()),
                        content.source(),
                        content.pauseDays(),
                        content.suspendsRecruitment(),
                        json.writeValueAsString(content.extraTests()),
                        json.writeValueAsString(questions(content)),
                        Timestamp.from(clock.instant()),
                        CurrentActor.username())
                .update();
        return id;
    }

    private static List<HubAddendum.Question> questions(NewAddendum content) {
        return content.questions().stream()
                .map(q -> new HubAddendum.Question(
                        q.code(), q.text(), q.texts(), q.answerType(), q.deferWhen(), q.category()))
                .toList();
    }

    private HubAddendum view(ResultSet rs) throws SQLException {
        JsonNode titles = json.readTree(rs.getString("titles"));
        List<HubAddendum.Question> questions = new ArrayList<>();
        for (JsonNode q : json.readTree(rs.getString("questions"))) {
            questions.add(question(q));
        }
        Long sequence = rs.getObject("message_sequence", Long.class);
        return new HubAddendum(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getInt("version"),
                HubAddendum.State.valueOf(rs.getString("state")),
                rs.getString("title"),
                words(titles),
                rs.getString("source"),
                rs.getInt("pause_days"),
                rs.getBoolean("suspends_recruitment"),
                strings(json.readTree(rs.getString("extra_tests"))),
                questions,
                instant(rs, "created_at"),
                rs.getString("created_by"),
                instant(rs, "published_at"),
                rs.getString("published_by"),
                sequence,
                instant(rs, "withdrawn_at"),
                rs.getString("withdrawn_by"),
                rs.getString("withdrawn_reason"));
    }

    /** A question of a published addendum as its payload carries it. */
    static HubAddendum.Question question(JsonNode q) {
        return new HubAddendum.Question(
                q.path("code").asText(),
                q.path("text").asText(),
                words(q.path("texts")),
                AnswerType.valueOf(q.path("answerType").asText()),
                q.path("deferWhen").isTextual() ? q.path("deferWhen").asText() : null,
                q.path("category").isTextual()
                        ? DeferralCategory.valueOf(q.path("category").asText())
                        : null);
    }

    static Map<String, String> words(JsonNode node) {
        Map<String, String> words = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> words.put(e.getKey(), e.getValue().asText()));
        }
        return words;
    }

    static List<String> strings(JsonNode node) {
        List<String> all = new ArrayList<>();
        if (node != null) {
            node.forEach(n -> all.add(n.asText()));
        }
        return all;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
