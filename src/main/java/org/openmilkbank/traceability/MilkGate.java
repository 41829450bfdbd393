package org.openmilkbank.traceability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one safety gate every step asks: may this unit be pooled, pasteurised, released, dispatched, dispensed or
 * fed now? Answered from the lineage (the unit and all its ancestors), the holds on any of them, the donors' risk
 * windows, the profile's clocks and whether the step's time can be true. No step keeps its own copy of these rules.
 *
 * <p>Called inside the step's transaction after it took its row locks; the gate then takes the donor and unit
 * advisory locks in shared mode, so a hold being placed meanwhile is either committed and seen, or waits for the step.
 */
@Service
public class MilkGate {

    /** A step's time may lie this far ahead of the bank's clock (two machines' clocks disagree a little). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final MilkLocks locks;
    private final Holds holds;
    private final Standards standards;
    private final Clock clock;
    private final Expiries expiries;

    MilkGate(JdbcClient jdbc, MilkLocks locks, Holds holds, Standards standards, Clock clock, Expiries expiries) {
        this.expiries = expiries;
        this.jdbc = jdbc;
        this.locks = locks;
        this.holds = holds;
        this.standards = standards;
        this.clock = clock;
    }

    record Ancestor(
            UUID id,
            int depth,
            MilkUnitKind kind,
            String label,
            UUID donorId,
            LocalDate expressedOn,
            Instant createdAt,
            LocalDate expiresOn,
            Instant expiresAt) {

        Ancestor(
                UUID id,
                int depth,
                MilkUnitKind kind,
                String label,
                UUID donorId,
                LocalDate expressedOn,
                Instant createdAt,
                LocalDate expiresOn) {
            this(id, depth, kind, label, donorId, expressedOn, createdAt, expiresOn, null);
        }
    }

    /** The verdict for the step at {@code at}, locking so that a concurrent hold is seen or waits. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Verdict check(UUID unitId, GateUse use, Instant at) {
        List<Ancestor> ancestors = ancestors(unitId);
        locks.sharedDonors(ancestors.stream()
                .filter(a -> a.donorId() != null)
                .map(Ancestor::donorId)
                .toList());
        locks.sharedUnits(ancestors.stream().map(Ancestor::id).toList());
        Verdict verdict = judge(unitId, use, at, ancestors);
        // an expired unit the gate was asked about goes on hold by itself, even when this step is refused
        expiries.holdAfterThisTransaction(expiredUnits(ancestors, use, at));
        return verdict;
    }

    /** The units the gate refuses for their clock: the unit itself when expired, a raw container too old to pool. */
    private List<UUID> expiredUnits(List<Ancestor> ancestors, GateUse use, Instant at) {
        if (ancestors.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>();
        if (use.needsInDate()
                && TimesThatCanBeTrue.expired(ancestors, at, clock.getZone()).isPresent()) {
            ids.add(ancestors.get(0).id());
        }
        if (use == GateUse.POOL) {
            LocalDate day = LocalDate.ofInstant(at, clock.getZone());
            int rawMaxAgeDays = standards.activeProfile().rawMaxAgeDays();
            ancestors.stream()
                    .filter(a -> a.kind() == MilkUnitKind.CONTAINER && a.expressedOn() != null)
                    .filter(a -> a.expressedOn().plusDays(rawMaxAgeDays).isBefore(day))
                    .forEach(a -> ids.add(a.id()));
        }
        return ids;
    }

    /** Refuses the step with every reason unless the unit may be used for it at {@code at}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void require(UUID unitId, GateUse use, Instant at) {
        check(unitId, use, at).orThrow();
    }

    /** The verdict as it stands, for a page that shows whether a unit could be used (takes no locks). */
    @Transactional(readOnly = true)
    public Verdict preview(UUID unitId, GateUse use) {
        return judge(unitId, use, Instant.now(clock), ancestors(unitId));
    }

    /**
     * Whether milk of the donor expressed on that day may come into the bank: the donor windows covering it.
     * Takes the donor's lock shared, so a block being placed now either is seen or waits for the reception.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Verdict checkReception(UUID donorId, LocalDate expressedOn, String label) {
        locks.sharedDonors(List.of(donorId));
        List<Verdict.Reason> reasons = new ArrayList<>();
        for (HoldView h : holds.ofDonor(donorId)) {
            if (h.active() && covers(h, expressedOn)) {
                reasons.add(new Verdict.Reason(h.reasonKey(), List.of(label), h.id()));
            }
        }
        return new Verdict(null, label, GateUse.RECEIVE, reasons);
    }

    /** Whether a donor window hold covers milk expressed on that day. */
    static boolean covers(HoldView hold, LocalDate expressedOn) {
        return hold.scope() == HoldScope.DONOR_WINDOW
                && (hold.windowFrom() == null || !expressedOn.isBefore(hold.windowFrom()))
                && (hold.windowTo() == null || !expressedOn.isAfter(hold.windowTo()));
    }

    private Verdict judge(UUID unitId, GateUse use, Instant at, List<Ancestor> ancestors) {
        if (ancestors.isEmpty()) {
            return new Verdict(unitId, "?", use, List.of(new Verdict.Reason("gate.unit.unknown", List.of(), null)));
        }
        Ancestor self = ancestors.get(0);
        List<Verdict.Reason> reasons = new ArrayList<>();
        for (HoldView h : holds.activeOn(unitId)) {
            String on = ancestors.stream()
                    .filter(a -> a.id().equals(h.heldUnitId()))
                    .map(Ancestor::label)
                    .findFirst()
                    .orElse(self.label());
            reasons.add(new Verdict.Reason(h.reasonKey(), List.of(on), h.id()));
        }
        reasons.addAll(TimesThatCanBeTrue.check(
                ancestors, use, at, Instant.now(clock), standards.activeProfile(), clock.getZone()));
        return new Verdict(unitId, self.label(), use, reasons);
    }

    /** The unit first, then every ancestor by depth; each with the latest expiry its own events set. */
    List<Ancestor> ancestors(UUID unitId) {
        return jdbc.sql("""
                        select a.ancestor_id, a.depth, u.kind, u.din, u.code, u.donor_id, u.expressed_on, u.created_at,
                               x.expires_on, x.expires_at
                        from milk_ancestors(array[cast(:id as uuid)]) a
                        join milk_unit u on u.id = a.ancestor_id
                        left join lateral (
                            select (e.data ->> 'expiresOn')::date as expires_on,
                                   (e.data ->> 'expiresAt')::timestamptz as expires_at
                            from milk_event e
                            where e.unit_id = u.id and e.data ->> 'expiresOn' is not null
                            order by e.at desc, e.recorded_at desc limit 1) x on true
                        order by a.depth, u.created_at, u.id
                        """)
                .param("id", unitId)
                .query((rs, n) -> new Ancestor(
                        rs.getObject("ancestor_id", UUID.class),
                        rs.getInt("depth"),
                        MilkUnitKind.valueOf(rs.getString("kind")),
                        UnitLabel.of(rs.getString("din"), rs.getString("code")),
                        rs.getObject("donor_id", UUID.class),
                        rs.getObject("expressed_on", LocalDate.class),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getObject("expires_on", LocalDate.class),
                        rs.getTimestamp("expires_at") == null
                                ? null
                                : rs.getTimestamp("expires_at").toInstant()))
                .list();
    }

    /** The rules about time that depend on nothing but the lineage and the profile's clocks. */
    static final class TimesThatCanBeTrue {

        private TimesThatCanBeTrue() {}

        static List<Verdict.Reason> check(
                List<Ancestor> ancestors,
                GateUse use,
                Instant at,
                Instant now,
                StandardProfile profile,
                java.time.ZoneId zone) {
            List<Verdict.Reason> reasons = new ArrayList<>();
            Ancestor self = ancestors.get(0);
            if (at.isAfter(now.plus(CLOCK_SKEW))) {
                reasons.add(new Verdict.Reason("gate.time.future", List.of(self.label(), at), null));
            }
            LocalDate day = LocalDate.ofInstant(at, zone);
            for (Ancestor a : ancestors) {
                if (at.isBefore(a.createdAt())) {
                    reasons.add(new Verdict.Reason("gate.time.beforeMade", List.of(a.label(), a.createdAt()), null));
                }
                if (a.expressedOn() != null && day.isBefore(a.expressedOn())) {
                    reasons.add(
                            new Verdict.Reason("gate.time.beforeExpressed", List.of(a.label(), a.expressedOn()), null));
                }
                if (use == GateUse.POOL
                        && a.kind() == MilkUnitKind.CONTAINER
                        && a.expressedOn().plusDays(profile.rawMaxAgeDays()).isBefore(day)) {
                    reasons.add(new Verdict.Reason(
                            "gate.clock.rawTooOld",
                            List.of(a.label(), a.expressedOn(), profile.rawMaxAgeDays()),
                            null));
                }
            }
            if (use.needsInDate()) {
                expired(ancestors, at, zone)
                        .ifPresent(a -> reasons.add(
                                a.expiresAt() == null
                                        ? new Verdict.Reason(
                                                "gate.clock.expired", List.of(self.label(), a.expiresOn()), null)
                                        : new Verdict.Reason(
                                                "gate.clock.expiredAt",
                                                List.of(
                                                        self.label(),
                                                        ExpiryMoment.end(a.expiresOn(), a.expiresAt(), zone)
                                                                .atZone(zone)
                                                                .toLocalDate(),
                                                        ExpiryMoment.time(
                                                                ExpiryMoment.end(a.expiresOn(), a.expiresAt(), zone),
                                                                zone)),
                                                null)));
            }
            return reasons;
        }

        /** The unit's own latest expiry (the nearest unit that has one) when it has passed at {@code at}. */
        static java.util.Optional<Ancestor> expired(List<Ancestor> ancestors, Instant at, java.time.ZoneId zone) {
            return ancestors.stream()
                    .filter(a -> a.expiresOn() != null)
                    .findFirst()
                    .filter(a -> ExpiryMoment.passed(a.expiresOn(), a.expiresAt(), at, zone));
        }
    }
}
