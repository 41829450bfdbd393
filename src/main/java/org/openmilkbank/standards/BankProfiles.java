package org.openmilkbank.standards;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A bank's own profiles: derived from a built-in standard, then changed parameter by parameter, each change
 * validated, with its reason and the day it takes effect, kept for ever ({@code standard_parameter_change}).
 * Built-in standards are read-only. Which profile the bank follows is still chosen by {@link Standards#activate}.
 */
@Service
@Transactional(readOnly = true)
public class BankProfiles {

    private static final String CODE_FORM = "[A-Z][A-Z0-9_-]{1,29}";

    private final JdbcClient jdbc;
    private final History history;
    private final Clock clock;
    private final Standards standards;

    BankProfiles(JdbcClient jdbc, History history, Clock clock, Standards standards) {
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
        this.standards = standards;
    }

    /** One change of a parameter of a bank's profile, past or scheduled. */
    public record ParameterChangeView(
            Parameter parameter,
            String value,
            String beforeValue,
            LocalDate effectiveFrom,
            String reason,
            String changedBy,
            Instant changedAt,
            boolean scheduled) {}

    /**
     * A parameter of a profile beside the standard it came from: the value effective today, the standard's value
     * (null for a built-in standard), whether they differ, where the value comes from, and every change.
     */
    public record ParameterComparison(
            Parameter parameter,
            String value,
            String standardValue,
            boolean differs,
            String source,
            String standardSource,
            List<ParameterChangeView> changes) {}

    /** Derives a bank's own profile from a built-in standard: a copy of its values and sources, not built-in. */
    @Transactional
    public StandardProfile derive(String code, String name, String description, String from) {
        String wanted = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!wanted.matches(CODE_FORM)) {
            throw new RuleViolation("standards.derive.codeForm").on("code");
        }
        if (exists(wanted)) {
            throw new RuleViolation("standards.derive.codeTaken", wanted).on("code");
        }
        if (name == null || name.isBlank()) {
            throw new RuleViolation("standards.derive.nameRequired").on("name");
        }
        String standard = from == null ? "" : from.strip();
        Boolean builtIn = jdbc.sql("select built_in from standard_profile where code = :code")
                .param("code", standard)
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> new RuleViolation("standards.derive.unknownStandard", standard).on("from"));
        if (!builtIn) {
            throw new RuleViolation("standards.derive.notBuiltIn", standard).on("from");
        }
        jdbc.sql("""
                        insert into standard_profile (code, name, description, built_in, derived_from, created_at, created_by)
                        values (:code, :name, :description, false, :from, :at, :by)
                        """)
                .param("code", wanted)
                .param("name", name.strip())
                .param("description", description == null ? "" : description.strip())
                .param("from", standard)
                .param("at", Timestamp.from(Instant.now(clock)))
                .param("by", CurrentActor.username())
                .update();
        jdbc.sql("""
                        insert into standard_profile_parameter (profile_code, key, value, source)
                        select :code, key, value, source from standard_profile_parameter where profile_code = :from
                        """).param("code", wanted).param("from", standard).update();
        history.record(Standards.RECORD_TYPE, wanted, Said.of("standards.history.derived", standard));
        return standards.profile(wanted);
    }

    /**
     * Changes one parameter of a bank's own profile from a day on (today or later): the value is checked by the
     * parameter's type and range, the reason kept. Today's rules change only when the day is today.
     */
    @Transactional
    public ParameterChangeView change(String code, String key, String value, LocalDate effectiveFrom, String reason) {
        StandardProfile profile = standards.profile(code);
        if (!profile.bankOwn()) {
            throw new RuleViolation("standards.profile.builtInReadOnly", profile.code());
        }
        Parameter parameter = parameter(key);
        if (effectiveFrom == null) {
            throw new RuleViolation("standards.change.effectiveFromRequired").on("effectiveFrom");
        }
        LocalDate today = LocalDate.now(clock);
        // rules already applied are never rewritten: a change takes effect today at the earliest
        if (effectiveFrom.isBefore(today)) {
            throw new RuleViolation("standards.change.pastDate", today.toString()).on("effectiveFrom");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("standards.change.reasonRequired").on("reason");
        }
        String stored = parameter.validate(value);
        String before = standards.profileOn(code, effectiveFrom).raw(parameter).orElse(null);
        if (stored.equals(before == null ? null : before.strip())) {
            throw new RuleViolation("standards.change.unchanged").on("value");
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock);
        jdbc.sql("""
                        insert into standard_parameter_change
                            (id, profile_code, key, value, before_value, effective_from, reason, changed_at, changed_by)
                        values (:id, :code, :key, :value, :before, :from, :reason, :at, :by)
                        """)
                .param("id", id)
                .param("code", profile.code())
                .param("key", parameter.key())
                .param("value", stored)
                .param("before", before)
                .param("from", effectiveFrom)
                .param("reason", reason.strip())
                .param("at", Timestamp.from(now))
                .param("by", CurrentActor.username())
                .update();
        history.recordCorrection(
                Standards.RECORD_TYPE,
                profile.code(),
                Said.of(
                        "standards.history.parameterChanged",
                        Said.code("parameter." + parameter.key()),
                        argument(parameter, before),
                        argument(parameter, stored),
                        effectiveFrom.toString()),
                reason.strip());
        return new ParameterChangeView(
                parameter,
                stored,
                before,
                effectiveFrom,
                reason.strip(),
                CurrentActor.username(),
                now,
                effectiveFrom.isAfter(today));
    }

    /** Every change of the profile's parameters, oldest first, past and scheduled. */
    public List<ParameterChangeView> changes(String code) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                        select key, value, before_value, effective_from, reason, changed_by, changed_at
                        from standard_parameter_change where profile_code = :code order by seq
                        """)
                .param("code", code)
                .query((rs, n) -> {
                    LocalDate from = rs.getObject("effective_from", LocalDate.class);
                    return new ParameterChangeView(
                            Parameter.ofKey(rs.getString("key")),
                            rs.getString("value"),
                            rs.getString("before_value"),
                            from,
                            rs.getString("reason"),
                            rs.getString("changed_by"),
                            rs.getTimestamp("changed_at").toInstant(),
                            from.isAfter(today));
                })
                .list();
    }

    /**
     * Each parameter of the profile beside the standard it was derived from (or, for a built-in standard, its own
     * values), in declaration order.
     */
    public List<ParameterComparison> comparison(String code) {
        StandardProfile profile = standards.profile(code);
        Optional<StandardProfile> standard = profile.derivedFrom().map(standards::profile);
        Map<Parameter, String> sources = standards.sources(profile.code());
        Map<Parameter, String> standardSources =
                standard.map(s -> standards.sources(s.code())).orElse(Map.of());
        List<ParameterChangeView> changes = changes(profile.code());
        LocalDate today = LocalDate.now(clock);
        Set<Parameter> shown = EnumSet.noneOf(Parameter.class);
        shown.addAll(profile.values().keySet());
        standard.ifPresent(s -> shown.addAll(s.values().keySet()));
        List<ParameterComparison> rows = new ArrayList<>();
        for (Parameter p : shown) {
            String value = profile.raw(p).orElse(null);
            String standardValue = standard.flatMap(s -> s.raw(p)).orElse(null);
            List<ParameterChangeView> own =
                    changes.stream().filter(c -> c.parameter() == p).toList();
            String source = own.stream()
                    .filter(c -> !c.effectiveFrom().isAfter(today))
                    .reduce((a, b) -> b)
                    .map(ParameterChangeView::reason)
                    .orElse(sources.get(p));
            rows.add(new ParameterComparison(
                    p,
                    value,
                    standardValue,
                    standard.isPresent() && !same(value, standardValue),
                    source,
                    standardSources.get(p),
                    own));
        }
        return rows;
    }

    public List<History.HistoryEntry> history(String code) {
        return history.of(Standards.RECORD_TYPE, code);
    }

    private boolean exists(String code) {
        return jdbc.sql("select count(*) from standard_profile where code = :code")
                        .param("code", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static Parameter parameter(String key) {
        try {
            return Parameter.ofKey(key == null ? "" : key.strip());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("standards.change.unknownParameter", String.valueOf(key)).on("key");
        }
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : b != null && a.strip().equals(b.strip());
    }

    /** A value as a history argument: a number grouped as the reader's language groups it, a word translated. */
    private static Object argument(Parameter parameter, String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        try {
            return switch (parameter.type()) {
                case INTEGER -> Long.parseLong(v);
                case DECIMAL -> new BigDecimal(v);
                case BOOLEAN -> Said.code(Boolean.parseBoolean(v) ? "common.yes" : "common.no");
                case EXPIRY_FROM -> Said.label(ExpiryFrom.valueOf(v));
                case NAME_ORDER -> Said.code("standards.namesOrder." + v);
                case CREMATOCRIT_FORMULA -> Said.label(CrematocritFormula.valueOf(v));
                case LIST -> v;
            };
        } catch (IllegalArgumentException e) {
            return v;
        }
    }
}
