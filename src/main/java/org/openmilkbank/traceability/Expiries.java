package org.openmilkbank.traceability;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Standards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Milk that expires: the work list of units still in the bank (raw containers by the profile's raw clock, bottles by
 * the expiry their lineage last set, a thaw's moment included), and the EXPIRY hold every expired one gets by itself,
 * from the scheduled sweep or when the gate finds it expired, never twice on one unit.
 */
@Service
@Transactional(readOnly = true)
public class Expiries {

    static final String HOLD_REASON = "expiry.expired";
    private static final Logger LOG = LoggerFactory.getLogger(Expiries.class);
    /** The longest look-ahead the work list takes (a page field beyond it is refused). */
    public static final int MAX_DAYS = 366;

    /** One unit that expires soon or has expired; {@code state} is its module's state code. */
    public record ExpiringUnit(
            UUID unitId,
            MilkUnitKind kind,
            String label,
            String state,
            int volumeMl,
            LocalDate expiresOn,
            Instant expiresAt,
            boolean expired,
            boolean held) {

        /** The message key of the state as its module names it. */
        public String stateKey() {
            return (kind == MilkUnitKind.CONTAINER ? "enum.ContainerState." : "enum.BottleState.") + state;
        }
    }

    private final JdbcClient jdbc;
    private final Holds holds;
    private final Standards standards;
    private final Clock clock;
    private final TransactionTemplate requiresNew;

    Expiries(JdbcClient jdbc, Holds holds, Standards standards, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.holds = holds;
        this.standards = standards;
        this.clock = clock;
        this.requiresNew = new TransactionTemplate(transactions);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Units still in the bank expiring within {@code days} days of today, and those already expired; first first. */
    public List<ExpiringUnit> workList(int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw new RuleViolation("expiry.days.invalid", days, MAX_DAYS).on("days");
        }
        Instant now = Instant.now(clock);
        return candidates(LocalDate.ofInstant(now, clock.getZone()).plusDays(days), now);
    }

    /**
     * Places the EXPIRY hold on every unit in the bank whose expiry has passed and that never had one; returns the
     * units newly held. Run again it holds nothing new.
     */
    @Transactional
    public List<UUID> holdExpired() {
        Instant now = Instant.now(clock);
        List<UUID> expired = candidates(LocalDate.ofInstant(now, clock.getZone()), now).stream()
                .filter(ExpiringUnit::expired)
                .map(ExpiringUnit::unitId)
                .toList();
        return holds.placeOnceOnUnits(HoldKind.EXPIRY, expired, HOLD_REASON);
    }

    /**
     * Once the step's transaction has ended (committed or refused), holds the units the gate found expired, in a
     * transaction of their own: the refusal of the step does not undo the hold, and no lock the step held waits.
     */
    void holdAfterThisTransaction(Collection<UUID> unitIds) {
        if (unitIds.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        List<UUID> ids = List.copyOf(unitIds);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                try {
                    requiresNew.executeWithoutResult(s -> holds.placeOnceOnUnits(HoldKind.EXPIRY, ids, HOLD_REASON));
                } catch (RuntimeException e) {
                    // the sweep places it later; the gate refuses the unit meanwhile in any case
                    LOG.warn("expiry hold on {} not placed now: {}", ids, e.toString());
                }
            }
        });
    }

    private List<ExpiringUnit> candidates(LocalDate until, Instant now) {
        ZoneId zone = clock.getZone();
        int rawMaxAgeDays = standards.activeProfile().rawMaxAgeDays();
        List<ExpiringUnit> found = jdbc.sql("""
                        select * from (
                            select b.id, 'BOTTLE' as kind, u.din, u.code, b.state, b.volume_ml,
                                   coalesce(x.expires_on, b.expires_on) as expires_on, x.expires_at
                            from inventory_bottle_v b
                            join milk_unit u on u.id = b.id
                            left join lateral (
                                select (e.data ->> 'expiresOn')::date as expires_on,
                                       (e.data ->> 'expiresAt')::timestamptz as expires_at
                                from milk_event e
                                where e.unit_id = b.id and e.data ->> 'expiresOn' is not null
                                order by e.at desc, e.recorded_at desc limit 1) x on true
                            where b.state in ('QUARANTINE', 'RELEASED')
                            union all
                            select c.id, 'CONTAINER', c.din, null, c.state, c.volume_ml,
                                   c.expressed_on + cast(:rawDays as int), null
                            from collection_container_v c
                            where c.state in ('RAW_FROZEN', 'HELD')
                        ) w
                        where w.expires_on <= :until
                        order by w.expires_on, w.expires_at nulls last, w.din
                        """)
                .param("rawDays", rawMaxAgeDays)
                .param("until", until)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    LocalDate expiresOn = rs.getObject("expires_on", LocalDate.class);
                    Instant expiresAt = rs.getTimestamp("expires_at") == null
                            ? null
                            : rs.getTimestamp("expires_at").toInstant();
                    return new ExpiringUnit(
                            id,
                            MilkUnitKind.valueOf(rs.getString("kind")),
                            UnitLabel.of(rs.getString("din"), rs.getString("code")),
                            rs.getString("state"),
                            rs.getInt("volume_ml"),
                            expiresOn,
                            expiresAt,
                            ExpiryMoment.passed(expiresOn, expiresAt, now, zone),
                            false);
                })
                .list();
        return withHolds(found);
    }

    /** Marks the units already under an EXPIRY hold, with one query for all of them. */
    private List<ExpiringUnit> withHolds(List<ExpiringUnit> units) {
        if (units.isEmpty()) {
            return units;
        }
        java.util.Set<UUID> held = new java.util.HashSet<>(jdbc.sql("""
                        select distinct unit_id from milk_hold
                        where kind = 'EXPIRY' and ended_at is null and unit_id in (:units)
                        """)
                .param("units", units.stream().map(ExpiringUnit::unitId).toList())
                .query(UUID.class)
                .list());
        return units.stream()
                .map(u -> new ExpiringUnit(
                        u.unitId(),
                        u.kind(),
                        u.label(),
                        u.state(),
                        u.volumeMl(),
                        u.expiresOn(),
                        u.expiresAt(),
                        u.expired(),
                        held.contains(u.unitId())))
                .toList();
    }
}
