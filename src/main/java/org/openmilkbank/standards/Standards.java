package org.openmilkbank.standards;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NameOrder;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The standard profiles a bank can follow, and the one it follows now. */
@Service
@Transactional(readOnly = true)
public class Standards {

    static final String ACTIVE_PROFILE_SETTING = "active-profile";
    static final String RECORD_TYPE = "StandardProfile";
    /** The bank's own name order, when it differs from its profile's country (a Vietnamese bank on HMBANA). */
    static final String NAMES_ORDER_SETTING = "names.order";

    private final JdbcClient jdbc;
    private final History history;
    private final Clock clock;

    Standards(JdbcClient jdbc, History history, Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
    }

    public StandardProfile activeProfile() {
        String code = jdbc.sql("select value from bank_setting where key = :key")
                .param("key", ACTIVE_PROFILE_SETTING)
                .query(String.class)
                .single();
        StandardProfile profile = profile(code);
        return bankNamesOrder().map(profile::withNamesOrder).orElse(profile);
    }

    private Optional<NameOrder> bankNamesOrder() {
        return jdbc.sql("select value from bank_setting where key = :key")
                .param("key", NAMES_ORDER_SETTING)
                .query(String.class)
                .optional()
                .map(v -> NameOrder.valueOf(v.strip()));
    }

    /** The bank writes names in this order from now on, whatever its profile says; recorded with the reason. */
    @Transactional
    public StandardProfile chooseNamesOrder(NameOrder order, String reason) {
        if (order == null) {
            throw new RuleViolation("standards.namesOrder.required");
        }
        NameOrder before = activeProfile().namesOrder();
        jdbc.sql("""
                        insert into bank_setting (key, value, updated_at, updated_by) values (:key, :value, :at, :by)
                        on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by
                        """)
                .param("key", NAMES_ORDER_SETTING)
                .param("value", order.name())
                .param("at", Timestamp.from(Instant.now(clock)))
                .param("by", CurrentActor.username())
                .update();
        history.recordCorrection(
                RECORD_TYPE,
                "active",
                Said.of(
                        "standards.history.namesOrder",
                        Said.code("standards.namesOrder." + before.name()),
                        Said.code("standards.namesOrder." + order.name())),
                reason);
        return activeProfile();
    }

    /** The profile's rules effective today, in the bank's time zone. */
    public StandardProfile profile(String code) {
        return profileOn(code, LocalDate.now(clock));
    }

    /**
     * The profile's rules effective on that day: its values, each replaced by the bank's latest change effective
     * on or before the day (a change scheduled for later does not count yet).
     */
    public StandardProfile profileOn(String code, LocalDate day) {
        record Header(String code, String name, String description, String derivedFrom) {}
        Header header = jdbc.sql(
                        "select code, name, description, derived_from from standard_profile where code = :code")
                .param("code", code)
                .query(Header.class)
                .optional()
                .orElseThrow(() -> new NotFound("standards.profile.notFound", code));
        Map<Parameter, String> values = new EnumMap<>(Parameter.class);
        jdbc.sql("select key, value from standard_profile_parameter where profile_code = :code")
                .param("code", code)
                .query((rs, n) -> Map.entry(rs.getString("key"), rs.getString("value")))
                .list()
                .forEach(e -> values.put(Parameter.ofKey(e.getKey()), e.getValue()));
        jdbc.sql("""
                        select distinct on (key) key, value from standard_parameter_change
                        where profile_code = :code and effective_from <= :day
                        order by key, effective_from desc, seq desc
                        """)
                .param("code", code)
                .param("day", day)
                .query((rs, n) -> Map.entry(rs.getString("key"), rs.getString("value")))
                .list()
                .forEach(e -> values.put(Parameter.ofKey(e.getKey()), e.getValue()));
        return new StandardProfile(header.code(), header.name(), header.description(), values, header.derivedFrom());
    }

    public List<StandardProfile> profiles() {
        return jdbc.sql("select code from standard_profile order by code").query(String.class).list().stream()
                .map(this::profile)
                .toList();
    }

    /** Where each profile's value comes from (standard and section), for display beside the value. */
    public Map<Parameter, String> sources(String code) {
        Map<Parameter, String> sources = new LinkedHashMap<>();
        jdbc.sql("select key, source from standard_profile_parameter where profile_code = :code")
                .param("code", code)
                .query((rs, n) -> Map.entry(rs.getString("key"), String.valueOf(rs.getString("source"))))
                .list()
                .forEach(e -> sources.put(Parameter.ofKey(e.getKey()), e.getValue()));
        return sources;
    }

    @Transactional
    public StandardProfile activate(String code, String reason) {
        StandardProfile current = activeProfile();
        StandardProfile next = profile(code);
        if (current.code().equals(next.code())) {
            throw new RuleViolation("standards.profile.alreadyActive", code).on("code");
        }
        jdbc.sql("update bank_setting set value = :value, updated_at = :at, updated_by = :by where key = :key")
                .param("value", next.code())
                .param("at", Timestamp.from(Instant.now(clock)))
                .param("by", CurrentActor.username())
                .param("key", ACTIVE_PROFILE_SETTING)
                .update();
        history.recordCorrection(
                RECORD_TYPE, "active", Said.of("standards.history.activated", current.code(), next.code()), reason);
        return next;
    }

    public List<History.HistoryEntry> activationHistory() {
        return history.of(RECORD_TYPE, "active");
    }
}
