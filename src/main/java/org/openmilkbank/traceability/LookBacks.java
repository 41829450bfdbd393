package org.openmilkbank.traceability;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.donor.MilkBlockDetail;
import org.openmilkbank.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Look-back of a donor (blood-bank practice): each hold on her milk with every unit it concerns and every infant
 * already fed, from the same walk as the trace; and the bank-wide list of donor-window holds.
 */
@Service
@Transactional
public class LookBacks {

    private final JdbcClient jdbc;
    private final Traceability traceability;
    private final Holds holds;
    private final HoldReadings readings;

    LookBacks(JdbcClient jdbc, Traceability traceability, Holds holds, HoldReadings readings) {
        this.jdbc = jdbc;
        this.traceability = traceability;
        this.holds = holds;
        this.readings = readings;
    }

    private record Container(UUID id, LocalDate expressedOn) {}

    public LookBack forDonor(UUID donorId) {
        Traced.Donor donor = traceability.donors(List.of(donorId)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("trace.donor.notFound", donorId));
        List<HoldView> hers = holds.ofDonor(donorId);
        List<Container> containers = jdbc.sql(
                        "select id, expressed_on from milk_unit where donor_id = :donor and kind = 'CONTAINER'")
                .param("donor", donorId)
                .query((rs, n) ->
                        new Container(rs.getObject("id", UUID.class), rs.getObject("expressed_on", LocalDate.class)))
                .list();
        Traceability.Walk walk =
                traceability.walk(containers.stream().map(Container::id).toList(), false, true, null);
        // each window takes the part of the one walk that descends from the containers it covers
        Map<UUID, List<UUID>> children = new java.util.HashMap<>();
        walk.links()
                .forEach(l -> children.computeIfAbsent(l.parentId(), k -> new java.util.ArrayList<>())
                        .add(l.childId()));
        Map<String, MilkBlockDetail> details = readings.details(hers);
        List<LookBack.Window> windows = hers.stream()
                .map(h -> {
                    Set<UUID> inWindow = new LinkedHashSet<>();
                    java.util.ArrayDeque<UUID> next = new java.util.ArrayDeque<>();
                    containers.stream().filter(c -> covers(h, c.expressedOn())).forEach(c -> next.add(c.id()));
                    while (!next.isEmpty()) {
                        UUID u = next.poll();
                        if (inWindow.add(u)) {
                            next.addAll(children.getOrDefault(u, List.of()));
                        }
                    }
                    List<Traced.Feed> feeds = walk.feeds().stream()
                            .filter(f -> inWindow.contains(f.unitId()))
                            .toList();
                    return new LookBack.Window(
                            HoldReadings.of(h, donor.donorCode(), details),
                            Traced.Units.of(walk.units().stream()
                                    .filter(u -> inWindow.contains(u.id()))
                                    .toList()),
                            feeds,
                            Traceability.infants(feeds));
                })
                .toList();
        return new LookBack(donor, windows);
    }

    /** Every donor-window hold in the bank: active first (newest first), then ended ones with their outcome. */
    public List<LookBack.Block> blocks() {
        List<Object[]> rows = jdbc.sql("""
                        select h.*, u.din as unit_din, u.code as unit_code, d.donor_code
                        from milk_hold h
                        left join milk_unit u on u.id = h.unit_id
                        join donor_trace_v d on d.id = h.donor_id
                        where h.scope = 'DONOR_WINDOW'
                        order by (h.ended_at is null) desc, h.placed_at desc, d.donor_code
                        """)
                .query((rs, n) -> new Object[] {Holds.view(rs, null), rs.getString("donor_code")})
                .list();
        List<HoldView> all = rows.stream().map(r -> (HoldView) r[0]).toList();
        Map<String, MilkBlockDetail> details = readings.details(all);
        return rows.stream()
                .map(r -> {
                    HoldView h = (HoldView) r[0];
                    String code = (String) r[1];
                    return new LookBack.Block(h.donorId(), code, HoldReadings.of(h, code, details));
                })
                .toList();
    }

    private static boolean covers(HoldView h, LocalDate expressedOn) {
        return (h.windowFrom() == null || !expressedOn.isBefore(h.windowFrom()))
                && (h.windowTo() == null || !expressedOn.isAfter(h.windowTo()));
    }
}
