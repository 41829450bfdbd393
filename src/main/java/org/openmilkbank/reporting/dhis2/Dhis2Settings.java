package org.openmilkbank.reporting.dhis2;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openmilkbank.reporting.dhis2.Dhis2Forms.ConnectionForm;
import org.openmilkbank.reporting.dhis2.Dhis2Forms.MappingAmendment;
import org.openmilkbank.reporting.dhis2.Dhis2Forms.MappingForm;
import org.openmilkbank.reporting.indicators.IndicatorDefinition;
import org.openmilkbank.reporting.indicators.IndicatorSource;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank's DHIS2 configuration: its server (the password sealed by {@link SecretBox}) and the mapping of its
 * indicators to DHIS2's data elements. Every change keeps its history; a mapping row is voided, never deleted.
 */
@Service
@Transactional
public class Dhis2Settings {

    public static final String CONNECTION = "DHIS2_CONNECTION";
    public static final String MAPPING = "DHIS2_MAPPING";
    /** The bank has one DHIS2 server: one row, always this id. */
    static final UUID CONNECTION_ID = UUID.fromString("00000000-0000-0000-0000-0000000d0152");

    /** ADX attributes: a DHIS2 category code, "=", one of its options' codes; several joined by ";". */
    private static final Pattern ADX_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)=([^;=<>&\"']+)");

    private static final java.util.Set<String> ADX_RESERVED =
            java.util.Set.of("dataelement", "value", "period", "orgunit", "dataset", "categoryoptioncombo");

    private final JdbcClient jdbc;
    private final History history;
    private final Clock clock;
    private final SecretBox secrets;
    private final IndicatorSource indicators;

    Dhis2Settings(JdbcClient jdbc, History history, Clock clock, SecretBox secrets, IndicatorSource indicators) {
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
        this.secrets = secrets;
        this.indicators = indicators;
    }

    @Transactional(readOnly = true)
    public Optional<Dhis2Connection> connection() {
        return jdbc.sql("select * from reporting_dhis2_connection where id = :id")
                .param("id", CONNECTION_ID)
                .query((rs, n) -> new Dhis2Connection(
                        rs.getString("base_url"),
                        rs.getString("username"),
                        rs.getString("password_cipher") != null,
                        rs.getString("org_unit"),
                        rs.getString("data_set"),
                        rs.getString("attribute_option_combo"),
                        rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getLong("version")))
                .optional();
    }

    /** The stored password, unsealed for a push; refused when none is set or another key sealed it. */
    @Transactional(readOnly = true)
    String password() {
        String sealed = jdbc.sql("select password_cipher from reporting_dhis2_connection where id = :id")
                .param("id", CONNECTION_ID)
                .query(String.class)
                .optional()
                .orElse(null);
        if (sealed == null) {
            throw new RuleViolation("reporting.dhis2.password.notSet");
        }
        return secrets.open(sealed);
    }

    /** Sets the bank's server, or amends it (with a reason, over the version read). */
    public Dhis2Connection saveConnection(ConnectionForm form) {
        String baseUrl = baseUrl(form.baseUrl());
        String username = form.username().strip();
        String orgUnit = Dhis2Uid.required(form.orgUnit(), "orgUnit");
        String dataSet = Dhis2Uid.optional(form.dataSet(), "dataSet");
        String aoc = Dhis2Uid.optional(form.attributeOptionCombo(), "attributeOptionCombo");
        boolean newPassword = form.password() != null && !form.password().isEmpty();
        String sealed = newPassword ? secrets.seal(form.password()) : null;
        Optional<Dhis2Connection> before = connection();
        Timestamp now = Timestamp.from(Instant.now(clock));
        if (before.isEmpty()) {
            jdbc.sql("""
                            insert into reporting_dhis2_connection (id, base_url, username, password_cipher, org_unit,
                                data_set, attribute_option_combo, updated_by, updated_at)
                            values (:id, :url, :user, :cipher, :ou, :ds, :aoc, :by, :at)
                            """)
                    .param("id", CONNECTION_ID)
                    .param("url", baseUrl)
                    .param("user", username)
                    .param("cipher", sealed)
                    .param("ou", orgUnit)
                    .param("ds", dataSet)
                    .param("aoc", aoc)
                    .param("by", CurrentActor.username())
                    .param("at", now)
                    .update();
            history.record(
                    CONNECTION,
                    CONNECTION_ID,
                    Said.of("reporting.history.dhis2.connectionSet", baseUrl, username, orgUnit, yesNo(newPassword)));
        } else {
            if (form.reason() == null || form.reason().isBlank()) {
                throw new RuleViolation("reporting.dhis2.reason.required").on("reason");
            }
            if (form.version() != null && form.version() != before.get().version()) {
                throw new RuleViolation("reporting.dhis2.changedMeanwhile");
            }
            int changed = jdbc.sql("""
                            update reporting_dhis2_connection set base_url = :url, username = :user,
                                password_cipher = coalesce(:cipher, password_cipher), org_unit = :ou, data_set = :ds,
                                attribute_option_combo = :aoc, updated_by = :by, updated_at = :at,
                                version = version + 1
                            where id = :id and version = :version
                            """)
                    .param("id", CONNECTION_ID)
                    .param("url", baseUrl)
                    .param("user", username)
                    .param("cipher", sealed)
                    .param("ou", orgUnit)
                    .param("ds", dataSet)
                    .param("aoc", aoc)
                    .param("by", CurrentActor.username())
                    .param("at", now)
                    .param("version", before.get().version())
                    .update();
            if (changed != 1) {
                throw new RuleViolation("reporting.dhis2.changedMeanwhile");
            }
            history.recordCorrection(
                    CONNECTION,
                    CONNECTION_ID,
                    Said.of(
                            "reporting.history.dhis2.connectionAmended",
                            baseUrl,
                            username,
                            orgUnit,
                            yesNo(newPassword)),
                    form.reason());
        }
        return connection().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<org.openmilkbank.shared.History.HistoryEntry> connectionHistory() {
        return history.of(CONNECTION, CONNECTION_ID);
    }

    // ---- the mapping

    /** Every row, those in force first (in the dictionary's order), then the voided ones. */
    @Transactional(readOnly = true)
    public Paged<Dhis2Mapping> mappings(PageRequest page) {
        List<Row> rows = jdbc.sql("""
                        select m.*, count(*) over () as total from reporting_dhis2_mapping m
                        order by (m.voided_at is not null), m.voided_at desc, m.indicator_code,
                                 m.breakdown nulls first, m.created_at
                        limit :limit offset :offset
                        """)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new Row(mapping(rs), rs.getLong("total")))
                .list();
        return Paged.of(
                rows.stream().map(Row::mapping).toList(),
                page,
                rows.isEmpty() ? 0 : rows.get(0).total());
    }

    private record Row(Dhis2Mapping mapping, long total) {}

    /** Every row, in force and voided, for the mapping's CSV: a bank's mapping is a few dozen rows. */
    @Transactional(readOnly = true)
    public List<Dhis2Mapping> allMappings() {
        return jdbc.sql("""
                        select * from reporting_dhis2_mapping
                        order by (voided_at is not null), indicator_code, breakdown nulls first, created_at
                        """).query((rs, n) -> mapping(rs)).list();
    }

    /** The rows in force: what an export sends. */
    @Transactional(readOnly = true)
    public List<Dhis2Mapping> inForce() {
        return jdbc.sql("""
                        select * from reporting_dhis2_mapping where voided_at is null
                        order by indicator_code, breakdown nulls first
                        """).query((rs, n) -> mapping(rs)).list();
    }

    @Transactional(readOnly = true)
    public Dhis2Mapping mapping(UUID id) {
        return jdbc.sql("select * from reporting_dhis2_mapping where id = :id")
                .param("id", id)
                .query((rs, n) -> mapping(rs))
                .optional()
                .orElseThrow(() -> new NotFound("reporting.dhis2.mapping.notFound", id));
    }

    @Transactional(readOnly = true)
    public List<org.openmilkbank.shared.History.HistoryEntry> mappingHistory(UUID id) {
        return history.of(MAPPING, id);
    }

    public Dhis2Mapping map(MappingForm form) {
        String code = form.indicatorCode().strip().toUpperCase(Locale.ROOT);
        IndicatorDefinition definition = indicators.dictionary().stream()
                .filter(d -> d.code().equals(code))
                .findFirst()
                .orElseThrow(
                        () -> new RuleViolation("reporting.dhis2.mapping.unknownIndicator", code).on("indicatorCode"));
        String breakdown = form.breakdown() == null || form.breakdown().isBlank()
                ? null
                : form.breakdown().strip();
        if (breakdown != null && !definition.breakdowns().contains(breakdown)) {
            throw new RuleViolation("reporting.dhis2.mapping.unknownBreakdown", breakdown).on("breakdown");
        }
        String dataElement = Dhis2Uid.required(form.dataElement(), "dataElement");
        String coc = Dhis2Uid.optional(form.categoryOptionCombo(), "categoryOptionCombo");
        String adx = adx(form.adxDisaggregation());
        boolean taken = inForce().stream()
                .anyMatch(m -> m.indicatorCode().equals(code) && Objects.equals(m.breakdown(), breakdown));
        if (taken) {
            throw new RuleViolation("reporting.dhis2.mapping.duplicate").on("indicatorCode");
        }
        refuseSameTarget(null, dataElement, coc);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                            insert into reporting_dhis2_mapping (id, indicator_code, breakdown, data_element,
                                category_option_combo, adx_disaggregation, created_by, created_at)
                            values (:id, :code, :breakdown, :de, :coc, :adx, :by, :at)
                            """)
                    .param("id", id)
                    .param("code", code)
                    .param("breakdown", breakdown)
                    .param("de", dataElement)
                    .param("coc", coc)
                    .param("adx", adx)
                    .param("by", CurrentActor.username())
                    .param("at", Timestamp.from(Instant.now(clock)))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("reporting.dhis2.mapping.duplicate").on("indicatorCode");
        }
        history.record(
                MAPPING,
                id,
                Said.of(
                        "reporting.history.dhis2.mapped",
                        Said.code("report.indicator." + code + ".name"),
                        breakdownWord(breakdown),
                        dataElement,
                        coc == null ? Said.code("reporting.dhis2.coc.default") : coc));
        return mapping(id);
    }

    public Dhis2Mapping amend(UUID id, MappingAmendment form) {
        Dhis2Mapping before = mapping(id);
        if (!before.inForce()) {
            throw new RuleViolation("reporting.dhis2.mapping.voided");
        }
        if (form.version() != null && form.version() != before.version()) {
            throw new RuleViolation("reporting.dhis2.changedMeanwhile");
        }
        String dataElement = Dhis2Uid.required(form.dataElement(), "dataElement");
        String coc = Dhis2Uid.optional(form.categoryOptionCombo(), "categoryOptionCombo");
        String adx = adx(form.adxDisaggregation());
        refuseSameTarget(id, dataElement, coc);
        int changed = jdbc.sql("""
                        update reporting_dhis2_mapping set data_element = :de, category_option_combo = :coc,
                            adx_disaggregation = :adx, version = version + 1
                        where id = :id and version = :version and voided_at is null
                        """)
                .param("id", id)
                .param("de", dataElement)
                .param("coc", coc)
                .param("adx", adx)
                .param("version", before.version())
                .update();
        if (changed != 1) {
            throw new RuleViolation("reporting.dhis2.changedMeanwhile");
        }
        history.recordCorrection(
                MAPPING,
                id,
                Said.of(
                        "reporting.history.dhis2.amended",
                        before.dataElement(),
                        dataElement,
                        coc == null ? Said.code("reporting.dhis2.coc.default") : coc),
                form.reason());
        return mapping(id);
    }

    public Dhis2Mapping voidMapping(UUID id, String reason) {
        Dhis2Mapping before = mapping(id);
        if (!before.inForce()) {
            throw new RuleViolation("reporting.dhis2.mapping.voided");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reporting.dhis2.reason.required").on("reason");
        }
        jdbc.sql("""
                        update reporting_dhis2_mapping set voided_by = :by, voided_at = :at, void_reason = :reason,
                            version = version + 1
                        where id = :id and voided_at is null
                        """)
                .param("id", id)
                .param("by", CurrentActor.username())
                .param("at", Timestamp.from(Instant.now(clock)))
                .param("reason", reason.strip())
                .update();
        history.recordCorrection(
                MAPPING,
                id,
                Said.of(
                        "reporting.history.dhis2.voided",
                        Said.code("report.indicator." + before.indicatorCode() + ".name"),
                        breakdownWord(before.breakdown())),
                reason);
        return mapping(id);
    }

    /** Two numbers sent to one cell of DHIS2 would overwrite each other. */
    private void refuseSameTarget(UUID self, String dataElement, String coc) {
        boolean same = inForce().stream()
                .anyMatch(m -> !m.id().equals(self)
                        && m.dataElement().equals(dataElement)
                        && Objects.equals(m.categoryOptionCombo(), coc));
        if (same) {
            throw new RuleViolation("reporting.dhis2.mapping.sameTarget", dataElement).on("dataElement");
        }
    }

    static Said breakdownWord(String breakdown) {
        return breakdown == null ? Said.code("reporting.dhis2.total") : Said.code("report.breakdown." + breakdown);
    }

    private static Said yesNo(boolean b) {
        return Said.code(b ? "common.yes" : "common.no");
    }

    /** The server's address without a trailing {@code /} or {@code /api}: an http(s) address with a host. */
    static String baseUrl(String typed) {
        String url = typed == null ? "" : typed.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.endsWith("/api")) {
            url = url.substring(0, url.length() - 4);
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getUserInfo() != null
                    || uri.getQuery() != null
                    || uri.getFragment() != null) {
                throw new RuleViolation("reporting.dhis2.baseUrl.invalid", url).on("baseUrl");
            }
        } catch (URISyntaxException e) {
            throw new RuleViolation("reporting.dhis2.baseUrl.invalid", url).on("baseUrl");
        }
        return url;
    }

    /** {@code CATEGORY=OPTION;…} without spaces around its parts, or {@code null}; refused when malformed. */
    static String adx(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        List<String> pairs = new java.util.ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String part : typed.split(";")) {
            String pair = part.strip().replaceAll("\\s*=\\s*", "=");
            var m = ADX_PAIR.matcher(pair);
            if (!m.matches() || ADX_RESERVED.contains(m.group(1).toLowerCase(Locale.ROOT)) || !names.add(m.group(1))) {
                throw new RuleViolation("reporting.dhis2.adx.invalid", part.strip()).on("adxDisaggregation");
            }
            pairs.add(m.group(1) + "=" + m.group(2).strip());
        }
        return String.join(";", pairs);
    }

    private static Dhis2Mapping mapping(ResultSet rs) throws SQLException {
        Timestamp voided = rs.getTimestamp("voided_at");
        return new Dhis2Mapping(
                rs.getObject("id", UUID.class),
                rs.getString("indicator_code"),
                rs.getString("breakdown"),
                rs.getString("data_element"),
                rs.getString("category_option_combo"),
                rs.getString("adx_disaggregation"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("voided_by"),
                voided == null ? null : voided.toInstant(),
                rs.getString("void_reason"),
                rs.getLong("version"));
    }
}
