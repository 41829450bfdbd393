package org.openmilkbank.reporting.dhis2;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a month to the bank's DHIS2: a dry run first, then the real push, and only when a dry run of the very
 * same payload (its digest) to the same server and org unit succeeded. Every push is recorded, whatever happened.
 * No transaction is held while DHIS2 answers.
 */
@Service
public class Dhis2Pushes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Dhis2Settings settings;
    private final Dhis2Exports exports;
    private final Dhis2Client client;
    private final JdbcClient jdbc;
    private final Clock clock;

    Dhis2Pushes(Dhis2Settings settings, Dhis2Exports exports, Dhis2Client client, JdbcClient jdbc, Clock clock) {
        this.settings = settings;
        this.exports = exports;
        this.client = client;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Dhis2Push push(YearMonth month, boolean dryRun) {
        Dhis2Connection connection =
                settings.connection().orElseThrow(() -> new RuleViolation("reporting.dhis2.connection.notSet"));
        Dhis2Export export = exports.toSend(month);
        String digest = export.digest();
        if (!dryRun && !dryRunSucceeded(month, digest, connection)) {
            throw new RuleViolation("reporting.dhis2.push.dryRunFirst", month.toString());
        }
        String password = settings.password();
        Dhis2Client.Answer answer =
                client.post(connection.baseUrl(), connection.username(), password, export.json(), dryRun);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into reporting_dhis2_push (id, month, dry_run, base_url, org_unit, payload_digest,
                            value_count, sent, status, http_status, summary, pushed_by, pushed_at)
                        values (:id, :month, :dry, :url, :ou, :digest, :count, cast(:sent as jsonb), :status, :http,
                                cast(:summary as jsonb), :by, :at)
                        """)
                .param("id", id)
                .param("month", month.toString())
                .param("dry", dryRun)
                .param("url", connection.baseUrl())
                .param("ou", connection.orgUnit())
                .param("digest", digest)
                .param("count", export.values().size())
                .param("sent", JSON.writeValueAsString(sent(export)))
                .param("status", answer.status().name())
                .param("http", answer.httpStatus())
                .param("summary", answer.summary() == null ? null : JSON.writeValueAsString(answer.summary()))
                .param("by", CurrentActor.username())
                .param("at", Timestamp.from(Instant.now(clock)))
                .update();
        return find(id);
    }

    private static List<Dhis2Push.SentValue> sent(Dhis2Export export) {
        return export.values().stream()
                .map(s -> new Dhis2Push.SentValue(
                        s.mapping().indicatorCode(),
                        s.mapping().breakdown(),
                        s.mapping().dataElement(),
                        s.mapping().categoryOptionCombo(),
                        s.value()))
                .toList();
    }

    /** Whether the month's payload as it stands now may be pushed for real (its dry run succeeded). */
    public boolean mayPushForReal(YearMonth month, Dhis2Export export) {
        return settings.connection()
                .map(c -> dryRunSucceeded(month, export.digest(), c))
                .orElse(false);
    }

    private boolean dryRunSucceeded(YearMonth month, String digest, Dhis2Connection connection) {
        return jdbc.sql("""
                        select count(*) from reporting_dhis2_push
                        where dry_run and status = 'SUCCESS' and month = :month and payload_digest = :digest
                          and base_url = :url and org_unit = :ou
                        """)
                        .param("month", month.toString())
                        .param("digest", digest)
                        .param("url", connection.baseUrl())
                        .param("ou", connection.orgUnit())
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Dhis2Push find(UUID id) {
        return jdbc.sql("select * from reporting_dhis2_push where id = :id")
                .param("id", id)
                .query((rs, n) -> push(rs))
                .optional()
                .orElseThrow(() -> new NotFound("reporting.dhis2.push.notFound", id));
    }

    /** Every push, the latest first. */
    public Paged<Dhis2Push> list(PageRequest page) {
        List<Row> rows = jdbc.sql("""
                        select p.*, count(*) over () as total from reporting_dhis2_push p
                        order by pushed_at desc, id limit :limit offset :offset
                        """)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new Row(push(rs), rs.getLong("total")))
                .list();
        return Paged.of(
                rows.stream().map(Row::push).toList(),
                page,
                rows.isEmpty() ? 0 : rows.get(0).total());
    }

    private record Row(Dhis2Push push, long total) {}

    private static Dhis2Push push(ResultSet rs) throws SQLException {
        String summary = rs.getString("summary");
        return new Dhis2Push(
                rs.getObject("id", UUID.class),
                rs.getString("month"),
                rs.getBoolean("dry_run"),
                rs.getString("base_url"),
                rs.getString("org_unit"),
                rs.getString("payload_digest"),
                rs.getInt("value_count"),
                List.of(JSON.readValue(rs.getString("sent"), Dhis2Push.SentValue[].class)),
                PushStatus.valueOf(rs.getString("status")),
                (Integer) rs.getObject("http_status"),
                summary == null ? null : JSON.readValue(summary, ImportSummary.class),
                rs.getString("pushed_by"),
                rs.getTimestamp("pushed_at").toInstant());
    }
}
