package org.openmilkbank.reporting.monthly;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.reporting.indicators.IndicatorDefinition;
import org.openmilkbank.reporting.indicators.IndicatorSource;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank's monthly targets, one per indicator and breakdown. Setting one again amends it; withdrawing keeps the
 * row. Every change is recorded with the manager's reason and the value before.
 */
@Service
@Transactional(readOnly = true)
public class Targets {

    public static final String RECORD_TYPE = "ReportTarget";

    private final JdbcClient jdbc;
    private final IndicatorSource indicators;
    private final History history;
    private final Clock clock;

    Targets(JdbcClient jdbc, IndicatorSource indicators, History history, Clock clock) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.history = history;
        this.clock = clock;
    }

    /** Every target, active or withdrawn. */
    public List<TargetView> all() {
        return jdbc.sql("select * from report_target order by indicator_code, breakdown nulls first")
                .query(Targets::view)
                .list();
    }

    /** The targets of one indicator (its total and breakdowns), active or withdrawn. */
    public List<TargetView> of(String code) {
        definition(code);
        return jdbc.sql("select * from report_target where indicator_code = :code order by breakdown nulls first")
                .param("code", code)
                .query(Targets::view)
                .list();
    }

    /** The target in force for an indicator's total or breakdown, if any. */
    public static Optional<TargetView> inForce(List<TargetView> targets, String code, String breakdown) {
        return targets.stream()
                .filter(t -> t.active() && t.code().equals(code) && Objects.equals(t.breakdown(), breakdown))
                .findFirst();
    }

    public List<org.openmilkbank.shared.History.HistoryEntry> history(UUID id) {
        return history.of(RECORD_TYPE, id);
    }

    /** Sets the target, or amends the one there is (a withdrawn one is set again), with the reason. */
    @Transactional
    public TargetView set(String code, TargetForm form) {
        IndicatorDefinition definition = definition(code);
        String breakdown = breakdown(definition, form.breakdown());
        if (form.value() == null || form.value().signum() < 0) {
            throw new RuleViolation("reporting.target.value.invalid").on("value");
        }
        if (form.direction() == null) {
            throw new RuleViolation("reporting.target.direction.required").on("direction");
        }
        if (form.reason() == null || form.reason().isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        Optional<TargetView> before = locked(code, breakdown);
        Timestamp now = Timestamp.from(clock.instant());
        UUID id;
        if (before.isEmpty()) {
            id = UUID.randomUUID();
            jdbc.sql("""
                            insert into report_target (id, indicator_code, breakdown, value, direction, status,
                                                       set_by, set_at)
                            values (:id, :code, :breakdown, :value, :direction, 'ACTIVE', :by, :at)
                            """)
                    .param("id", id)
                    .param("code", code)
                    .param("breakdown", breakdown)
                    .param("value", form.value())
                    .param("direction", form.direction().name())
                    .param("by", CurrentActor.username())
                    .param("at", now)
                    .update();
            history.recordCorrection(
                    RECORD_TYPE,
                    id,
                    Said.of(
                            "reporting.history.targetSet",
                            name(code),
                            part(breakdown),
                            Said.label(form.direction()),
                            form.value()),
                    form.reason());
        } else {
            TargetView was = before.get();
            id = was.id();
            if (was.active() && was.value().compareTo(form.value()) == 0 && was.direction() == form.direction()) {
                throw new RuleViolation("reporting.target.unchanged").on("value");
            }
            jdbc.sql("""
                            update report_target set value = :value, direction = :direction, status = 'ACTIVE',
                                   set_by = :by, set_at = :at, version = version + 1
                            where id = :id
                            """)
                    .param("id", id)
                    .param("value", form.value())
                    .param("direction", form.direction().name())
                    .param("by", CurrentActor.username())
                    .param("at", now)
                    .update();
            history.recordCorrection(
                    RECORD_TYPE,
                    id,
                    was.active()
                            ? Said.of(
                                    "reporting.history.targetAmended",
                                    name(code),
                                    part(breakdown),
                                    Said.label(was.direction()),
                                    was.value(),
                                    Said.label(form.direction()),
                                    form.value())
                            : Said.of(
                                    "reporting.history.targetSet",
                                    name(code),
                                    part(breakdown),
                                    Said.label(form.direction()),
                                    form.value()),
                    form.reason());
        }
        return locked(code, breakdown).orElseThrow();
    }

    /** Withdraws the target in force, with the reason; the row and its history stay. */
    @Transactional
    public TargetView withdraw(String code, WithdrawTargetForm form) {
        IndicatorDefinition definition = definition(code);
        String breakdown = breakdown(definition, form.breakdown());
        if (form.reason() == null || form.reason().isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        TargetView was = locked(code, breakdown)
                .filter(TargetView::active)
                .orElseThrow(() -> new RuleViolation("reporting.target.none").on("breakdown"));
        jdbc.sql("""
                        update report_target set status = 'WITHDRAWN', set_by = :by, set_at = :at,
                               version = version + 1
                        where id = :id
                        """)
                .param("id", was.id())
                .param("by", CurrentActor.username())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        history.recordCorrection(
                RECORD_TYPE,
                was.id(),
                Said.of(
                        "reporting.history.targetWithdrawn",
                        name(code),
                        part(breakdown),
                        Said.label(was.direction()),
                        was.value()),
                form.reason());
        return locked(code, breakdown).orElseThrow();
    }

    /** The row, locked so two managers amending at once write one after the other (each sees the value before). */
    private Optional<TargetView> locked(String code, String breakdown) {
        return jdbc.sql("""
                        select * from report_target
                        where indicator_code = :code and coalesce(breakdown, '') = coalesce(:breakdown, '')
                        for update
                        """)
                .param("code", code)
                .param("breakdown", breakdown)
                .query(Targets::view)
                .optional();
    }

    private IndicatorDefinition definition(String code) {
        return indicators.dictionary().stream()
                .filter(d -> d.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new NotFound("reporting.indicator.notFound", code));
    }

    private static String breakdown(IndicatorDefinition definition, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String breakdown = typed.strip();
        if (!definition.breakdowns().contains(breakdown)) {
            throw new RuleViolation("reporting.target.breakdown.unknown", breakdown).on("breakdown");
        }
        return breakdown;
    }

    static Said name(String code) {
        return Said.code("report.indicator." + code + ".name");
    }

    static Said part(String breakdown) {
        return breakdown == null ? Said.code("reporting.target.total") : Said.code("report.breakdown." + breakdown);
    }

    private static TargetView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        BigDecimal value = rs.getBigDecimal("value");
        return new TargetView(
                rs.getObject("id", UUID.class),
                rs.getString("indicator_code"),
                rs.getString("breakdown"),
                value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros(),
                TargetDirection.valueOf(rs.getString("direction")),
                "ACTIVE".equals(rs.getString("status")),
                rs.getString("set_by"),
                rs.getTimestamp("set_at").toInstant());
    }
}
