package org.openmilkbank.ward;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.dispensing.orders.OrderManagement;
import org.openmilkbank.dispensing.orders.OrderView;
import org.openmilkbank.shared.DatabaseZone;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.traceability.MilkUnitKind;
import org.openmilkbank.traceability.TraceResult;
import org.openmilkbank.traceability.Traceability;
import org.openmilkbank.traceability.Traced;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the ward reads: an infant's record of feeds, and near misses counted by month, ward and reason. */
@Service
@Transactional(readOnly = true)
public class WardRecords {

    private final DispensingManagement dispensing;
    private final OrderManagement orders;
    private final Traceability traceability;
    private final JdbcClient jdbc;
    private final Clock clock;

    WardRecords(
            DispensingManagement dispensing,
            OrderManagement orders,
            Traceability traceability,
            JdbcClient jdbc,
            Clock clock) {
        this.orders = orders;
        this.dispensing = dispensing;
        this.traceability = traceability;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record FeedRow(
            UUID id,
            UUID unitId,
            java.time.Instant fedAt,
            String fedBy,
            String unitLabel,
            boolean aliquot,
            int volumeMl,
            String overrideReason,
            String countersignedBy) {}

    /** Her feeds newest first; the pools, runs and donors behind each read from one trace of what she received. */
    /** The volume a day her orders in force ask, summed; null when none is in force. */
    private static Integer ordered(List<OrderView> orders, LocalDate day) {
        List<OrderView> inForce = orders.stream().filter(o -> o.inForceOn(day)).toList();
        return inForce.isEmpty()
                ? null
                : inForce.stream().mapToInt(OrderView::volumePerDayMl).sum();
    }

    public InfantRecord of(UUID infantId) {
        InfantView infant =
                dispensing.find(infantId).orElseThrow(() -> new NotFound("dispensing.infant.notFound", infantId));
        List<FeedRow> rows = jdbc.sql("""
                        select id, unit_id, fed_at, fed_by, unit_label, unit_kind, volume_ml, override_reason,
                               countersigned_by
                        from ward_feed where infant_id = :infant order by fed_at desc, recorded_at desc
                        """)
                .param("infant", infantId)
                .query((rs, n) -> new FeedRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("unit_id", UUID.class),
                        rs.getTimestamp("fed_at").toInstant(),
                        rs.getString("fed_by"),
                        rs.getString("unit_label"),
                        "ALIQUOT".equals(rs.getString("unit_kind")),
                        rs.getInt("volume_ml"),
                        rs.getString("override_reason"),
                        rs.getString("countersigned_by")))
                .list();
        TraceResult trace = traceability.fromInfant(infantId);
        Map<UUID, Traced.Unit> byId = new HashMap<>();
        Map<String, Traced.Unit> byLabel = new HashMap<>();
        for (Traced.Unit u : trace.units().all()) {
            byId.put(u.id(), u);
            byLabel.put(u.label(), u);
        }
        Set<UUID> allDonors = new HashSet<>();
        List<InfantRecord.Feed> feeds = new ArrayList<>();
        for (FeedRow r : rows) {
            List<Traced.Unit> upstream = upstream(byId.get(r.unitId()), byLabel);
            Set<UUID> donors = new HashSet<>();
            upstream.stream()
                    .map(Traced.Unit::donorId)
                    .filter(java.util.Objects::nonNull)
                    .forEach(donors::add);
            allDonors.addAll(donors);
            feeds.add(new InfantRecord.Feed(
                    r.id(),
                    r.fedAt(),
                    r.fedBy(),
                    r.unitLabel(),
                    r.aliquot(),
                    r.volumeMl(),
                    labels(upstream, MilkUnitKind.POOL),
                    labels(upstream, MilkUnitKind.RUN),
                    donors.size(),
                    r.overrideReason(),
                    r.countersignedBy()));
        }
        Map<LocalDate, int[]> perDay = new TreeMap<>(java.util.Comparator.reverseOrder());
        List<OrderView> orders = this.orders.ofInfant(infantId);
        LocalDate today = LocalDate.now(clock);
        if (orders.stream().anyMatch(o -> o.inForceOn(today))) {
            perDay.put(today, new int[2]);
        }
        for (FeedRow r : rows) {
            int[] d = perDay.computeIfAbsent(LocalDate.ofInstant(r.fedAt(), clock.getZone()), k -> new int[2]);
            d[0]++;
            d[1] += r.volumeMl();
        }
        List<InfantRecord.Day> days = perDay.entrySet().stream()
                .map(e ->
                        new InfantRecord.Day(e.getKey(), e.getValue()[0], e.getValue()[1], ordered(orders, e.getKey())))
                .toList();
        Map<UUID, InfantRecord.Recall> recalls = new LinkedHashMap<>();
        for (Traced.Unit u : trace.units().all()) {
            for (Traced.Hold h : u.holds()) {
                if (h.kind().isRecall()) {
                    recalls.putIfAbsent(h.id(), new InfantRecord.Recall(h.on(), h.placedAt(), h.active()));
                }
            }
        }
        return new InfantRecord(
                infant, feeds, days, allDonors.size(), List.copyOf(recalls.values()), nearMissesOf(infantId));
    }

    private List<InfantRecord.NearMissView> nearMissesOf(UUID infantId) {
        return jdbc.sql("""
                        select at, unit_label, nurse, reasons from ward_near_miss
                        where infant_id = :infant order by at desc limit 50
                        """)
                .param("infant", infantId)
                .query((rs, n) -> new InfantRecord.NearMissView(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("unit_label"),
                        rs.getString("nurse"),
                        java.util.Arrays.stream(
                                        (String[]) rs.getArray("reasons").getArray())
                                .map(BedsideRefusal::valueOf)
                                .toList()))
                .list();
    }

    /** The unit and everything it was made from, walking the trace's parent labels. */
    private static List<Traced.Unit> upstream(Traced.Unit start, Map<String, Traced.Unit> byLabel) {
        List<Traced.Unit> out = new ArrayList<>();
        if (start == null) {
            return out;
        }
        Set<UUID> seen = new HashSet<>();
        Deque<Traced.Unit> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            Traced.Unit u = todo.pop();
            if (!seen.add(u.id())) {
                continue;
            }
            out.add(u);
            for (String parent : u.parents()) {
                Traced.Unit p = byLabel.get(parent);
                if (p != null) {
                    todo.push(p);
                }
            }
        }
        return out;
    }

    private static List<String> labels(List<Traced.Unit> units, MilkUnitKind kind) {
        return units.stream()
                .filter(u -> u.kind() == kind)
                .map(Traced.Unit::label)
                .sorted()
                .toList();
    }

    /** Near misses of one reason in one month on one ward. */
    public record NearMissCount(YearMonth month, String ward, BedsideRefusal reason, long count) {}

    /** Near misses counted by month, ward and reason (each reason of a near miss counts once), newest month first. */
    public List<NearMissCount> nearMissCounts(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select to_char(m.at at time zone :zone, 'YYYY-MM') as month, coalesce(m.ward, '') as ward,
                               r.reason, count(*) as n
                        from ward_near_miss m cross join lateral unnest(m.reasons) as r(reason)
                        where (m.at at time zone :zone)::date between :from and :to
                        group by 1, 2, 3
                        order by 1 desc, 2, 3
                        """)
                .param("zone", DatabaseZone.of(clock.getZone()))
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new NearMissCount(
                        YearMonth.parse(rs.getString("month")),
                        rs.getString("ward"),
                        BedsideRefusal.valueOf(rs.getString("reason")),
                        rs.getLong("n")))
                .list();
    }
}
