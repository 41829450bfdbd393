package org.openmilkbank.dispensing.orders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.dispensing.DispenseView;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.inventory.StockReport;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank's allocation of bottles to orders: a proposal per requested order from the {@link Allocator} (in
 * shortage, the day's orders ranked smallest and sickest first each take one day's volume from what the higher
 * ones left; otherwise each order its whole volume from the stock not reserved), which the dispenser accepts as it is or changed (a bottle swapped by scanning) with a
 * reason. Accepted bottles are reserved: proposed to no other order.
 */
@Service
@Transactional
public class OrderAllocation {

    private final MilkOrders orders;
    private final OrderBottles reservations;
    private final OrderManagement management;
    private final ShortageMode shortage;
    private final DispensingManagement dispensing;
    private final StockReport stock;
    private final Allocator allocator;
    private final History history;
    private final Clock clock;

    OrderAllocation(
            MilkOrders orders,
            OrderBottles reservations,
            OrderManagement management,
            ShortageMode shortage,
            DispensingManagement dispensing,
            StockReport stock,
            Allocator allocator,
            History history,
            Clock clock) {
        this.orders = orders;
        this.reservations = reservations;
        this.management = management;
        this.shortage = shortage;
        this.dispensing = dispensing;
        this.stock = stock;
        this.allocator = allocator;
        this.history = history;
        this.clock = clock;
    }

    /** The bottles the bank proposes for a requested order now (empty for an order in another state). */
    @Transactional(readOnly = true)
    public List<OrderView.OrderBottleView> proposal(UUID orderId) {
        MilkOrder order = management.load(orderId);
        if (order.state() != OrderState.REQUESTED) {
            return List.of();
        }
        return proposed(order).stream().map(OrderManagement::bottle).toList();
    }

    /**
     * In shortage, the order's share of the ranked plan; otherwise its own proposal from the stock not reserved
     * (there is milk for every order: a bottle shown to two orders goes to the first accepted, the other is
     * proposed anew).
     */
    private List<Allocator.Candidate> proposed(MilkOrder order) {
        if (shortage.on()) {
            return proposals().getOrDefault(order.id(), List.of());
        }
        Allocator.Need need = new Allocator.Need(
                order.volumePerDayMl() * order.days(), order.energyBand(), true, poolsHad(order.infantId()));
        return allocator.propose(need, offered());
    }

    /**
     * Accepts the bottles scanned or proposed for the order: each must be on offer (released, in date, not held,
     * reserved for no other order) and, outside shortage, of the order's energy band where its pool was analysed.
     * Bottles other than the proposal's need a reason. The order becomes allocated; refusals change nothing.
     */
    public OrderView accept(UUID orderId, List<String> dinInputs, String changeReason) {
        MilkOrder order = management.load(orderId);
        if (order.state() != OrderState.REQUESTED) {
            throw new RuleViolation(
                    "dispensing.order.transition", Said.label(order.state()), Said.label(OrderState.ALLOCATED));
        }
        if (dinInputs == null || dinInputs.stream().allMatch(d -> d == null || d.isBlank())) {
            throw new RuleViolation("dispensing.allocation.empty");
        }
        Map<String, Allocator.Candidate> onOffer = new HashMap<>();
        for (Allocator.Candidate c : offered()) {
            onOffer.put(c.din(), c);
        }
        boolean inShortage = shortage.on();
        Set<UUID> chosen = new LinkedHashSet<>();
        List<Allocator.Candidate> bottles = new ArrayList<>();
        for (String input : dinInputs) {
            if (input == null || input.isBlank()) {
                continue;
            }
            Din din = Din.parse(input);
            Allocator.Candidate c = onOffer.get(din.value());
            if (c == null) {
                throw new RuleViolation("dispensing.allocation.notOnOffer", din.withCheck()).on("dins");
            }
            if (!inShortage && c.otherBand(order.energyBand())) {
                throw new RuleViolation(
                                "dispensing.allocation.otherBand",
                                din.withCheck(),
                                Said.label(c.energy()),
                                Said.label(order.energyBand()))
                        .on("dins");
            }
            if (chosen.add(c.bottleId())) {
                bottles.add(c);
            }
        }
        Set<UUID> proposed = new HashSet<>();
        proposed(order).forEach(c -> proposed.add(c.bottleId()));
        boolean changed = !proposed.equals(chosen);
        if (changed && (changeReason == null || changeReason.isBlank())) {
            throw new RuleViolation("dispensing.allocation.reasonRequired").on("changeReason");
        }
        Instant now = Instant.now(clock);
        String actor = CurrentActor.username();
        for (Allocator.Candidate c : bottles) {
            reservations.save(new OrderBottle(orderId, c.bottleId(), now, actor));
        }
        order.allocate();
        List<Din> dins = bottles.stream().map(c -> Din.parse(c.din())).toList();
        long ml = bottles.stream().mapToLong(Allocator.Candidate::volumeMl).sum();
        Said what = Said.of(
                changed ? "dispensing.history.order.allocatedChanged" : "dispensing.history.order.allocated",
                bottles.size(),
                ml,
                dins);
        if (changed) {
            history.recordCorrection(OrderManagement.ORDER, orderId, what, changeReason);
        } else {
            history.record(OrderManagement.ORDER, orderId, what);
        }
        return management.find(orderId);
    }

    /**
     * A swap the dispenser scans: the bottles in {@code current} with {@code out} replaced by {@code in}, which
     * must be on offer; refuses, changing nothing, a bottle not on offer or not in the list.
     */
    @Transactional(readOnly = true)
    public List<OrderView.OrderBottleView> swap(UUID orderId, List<String> current, String out, String in) {
        management.load(orderId);
        Din inDin = Din.parse(in);
        Din outDin = out == null || out.isBlank() ? null : Din.parse(out);
        Map<String, Allocator.Candidate> onOffer = new HashMap<>();
        for (Allocator.Candidate c : offered()) {
            onOffer.put(c.din(), c);
        }
        Allocator.Candidate incoming = onOffer.get(inDin.value());
        if (incoming == null) {
            throw new RuleViolation("dispensing.allocation.notOnOffer", inDin.withCheck()).on("inDin");
        }
        List<Allocator.Candidate> list = new ArrayList<>();
        boolean replaced = outDin == null;
        for (String d : current == null ? List.<String>of() : current) {
            if (d == null || d.isBlank()) {
                continue;
            }
            Din din = Din.parse(d);
            if (!replaced && din.value().equals(outDin.value())) {
                replaced = true;
                continue;
            }
            Allocator.Candidate c = onOffer.get(din.value());
            if (c != null && !c.bottleId().equals(incoming.bottleId())) {
                list.add(c);
            }
        }
        if (!replaced) {
            throw new RuleViolation("dispensing.allocation.notInList", outDin.withCheck()).on("outDin");
        }
        list.add(incoming);
        return list.stream().map(OrderManagement::bottle).toList();
    }

    /** The bottles of a list as typed that are still on offer, in its order (for a refused form drawn again). */
    @Transactional(readOnly = true)
    public List<OrderView.OrderBottleView> stillOnOffer(List<String> dinInputs) {
        Map<String, Allocator.Candidate> onOffer = new HashMap<>();
        for (Allocator.Candidate c : offered()) {
            onOffer.put(c.din(), c);
        }
        List<OrderView.OrderBottleView> out = new ArrayList<>();
        for (String input : dinInputs == null ? List.<String>of() : dinInputs) {
            try {
                Allocator.Candidate c = onOffer.get(Din.parse(input).value());
                if (c != null) {
                    out.add(OrderManagement.bottle(c));
                }
            } catch (RuleViolation notADin) {
                // a code that is not a DIN is not on offer
            }
        }
        return out;
    }

    /**
     * In shortage, the share of every requested order of the day: ranked smallest and sickest first, each takes one
     * day's volume from what the higher ones left, milk of another band rather than none; an order that does not
     * ask for milk today gets none.
     */
    Map<UUID, List<Allocator.Candidate>> proposals() {
        LocalDate today = LocalDate.now(clock);
        Map<UUID, InfantView> infants = new HashMap<>();
        Map<UUID, Set<UUID>> poolsHad = new HashMap<>();
        Map<UUID, Allocator.Need> needs = new HashMap<>();
        List<Ranking.Claim> claims = new ArrayList<>();
        for (MilkOrder o : orders.findByStateInOrderByRequestedAt(EnumSet.of(OrderState.REQUESTED))) {
            if (!o.activeOn(today)) {
                continue;
            }
            InfantView infant = infants.computeIfAbsent(o.infantId(), management::infant);
            Set<UUID> pools = poolsHad.computeIfAbsent(o.infantId(), this::poolsHad);
            needs.put(o.id(), new Allocator.Need(o.volumePerDayMl(), o.energyBand(), false, pools));
            claims.add(ShortageMode.claim(o, infant, management.criteria(infant), o.volumePerDayMl()));
        }
        List<UUID> ranked =
                Ranking.ranked(claims).stream().map(Ranking.Claim::orderId).toList();
        return AllocationPlan.propose(ranked, needs, offered(), allocator);
    }

    /** The pools whose milk the infant already had (dispensed) or holds (reserved for her other orders). */
    private Set<UUID> poolsHad(UUID infantId) {
        Set<UUID> pools = new HashSet<>();
        for (DispenseView d : dispensing.dispensesOf(infantId)) {
            pools.add(d.poolId());
        }
        for (OrderView o : management.ofInfant(infantId)) {
            o.bottles().forEach(b -> pools.add(b.poolId()));
        }
        return pools;
    }

    /** Released, in date, not held, reserved for no order: what may be proposed, with each pool's energy class. */
    private List<Allocator.Candidate> offered() {
        Set<UUID> reserved = new HashSet<>(reservations.reservedBottles());
        return stock.released().stock().stream()
                .filter(s -> !reserved.contains(s.bottle().id()))
                .map(s -> new Allocator.Candidate(
                        s.bottle().id(),
                        s.bottle().din(),
                        s.bottle().poolId(),
                        s.bottle().volumeMl(),
                        s.bottle().expiresOn(),
                        s.energyClass()))
                .toList();
    }
}
