package org.openmilkbank.network;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The hub's figures of a bank's month ({@code network_indicator}) and what they mean ({@code network_bank_definition})
 * from its {@code indicators} batch: a newer batch for the same bank and month replaces the month's figures (the
 * older batch stays in {@code network_batch}). A payload whose month or figures are unreadable refuses the batch; one
 * with neither a month nor figures projects nothing.
 */
@Component
class IndicatorsProjection implements BatchProjection {

    static final String KIND = "indicators";
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,64}");

    private final JdbcClient jdbc;

    IndicatorsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void project(String facilityCode, long sequence, Instant createdAt, JsonNode payload) {
        if (payload.path("month").isMissingNode() && payload.path("values").isMissingNode()) {
            return; // no month and no figures: nothing to project, the batch is kept as it came
        }
        YearMonth month = month(payload.path("month"));
        JsonNode values = payload.path("values");
        if (!values.isArray()) {
            throw new RuleViolation("network.indicators.invalid", sequence);
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode v : values) {
            String code = v.path("code").asText("");
            JsonNode breakdown = v.path("breakdown");
            boolean total = breakdown.isMissingNode() || breakdown.isNull();
            if (!CODE.matcher(code).matches()
                    || (!total
                            && !(breakdown.isString()
                                    && CODE.matcher(breakdown.asText()).matches()))
                    || !numberOrNull(v.path("value"))
                    || !numberOrNull(v.path("numerator"))
                    || !numberOrNull(v.path("denominator"))
                    || !seen.add(code + "/" + (total ? "" : breakdown.asText()))) {
                throw new RuleViolation("network.indicators.invalid", sequence);
            }
        }
        java.sql.Date first = java.sql.Date.valueOf(month.atDay(1));
        Optional<Long> held = jdbc.sql(
                        "select batch_sequence from network_bank_definition where facility_code = ? and month = ?")
                .params(facilityCode, first)
                .query(Long.class)
                .optional();
        if (held.isPresent() && held.get() > sequence) {
            return; // a later batch already holds the month (batches arrive in order: kept for safety)
        }
        // the projection holds the latest batch's figures: the month's earlier figures are replaced, not kept twice
        jdbc.sql("delete from network_indicator where facility_code = ? and month = ?")
                .params(facilityCode, first)
                .update();
        jdbc.sql("""
                        insert into network_indicator (facility_code, month, code, breakdown, value, numerator,
                            denominator, batch_sequence)
                        select ?, ?, v.code, coalesce(v.breakdown, ''), v.value, v.numerator, v.denominator, ?
                        from jsonb_to_recordset(cast(? as jsonb))
                            as v(code text, breakdown text, value numeric, numerator numeric, denominator numeric)
                        """).params(facilityCode, first, sequence, values.toString()).update();
        JsonNode definitions = payload.path("definitions");
        jdbc.sql("""
                        insert into network_bank_definition (facility_code, month, definitions, batch_sequence)
                        values (?, ?, cast(? as jsonb), ?)
                        on conflict (facility_code, month)
                        do update set definitions = excluded.definitions, batch_sequence = excluded.batch_sequence
                        """)
                .params(facilityCode, first, definitions.isObject() ? definitions.toString() : "{}", sequence)
                .update();
    }

    private static YearMonth month(JsonNode node) {
        try {
            YearMonth month = YearMonth.parse(node.asText(""));
            if (month.getYear() < 2000 || month.getYear() > 2200) {
                throw new RuleViolation("network.indicators.invalid", 0);
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new RuleViolation("network.indicators.month", node.asText(""));
        }
    }

    private static boolean numberOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.isNumber();
    }
}
