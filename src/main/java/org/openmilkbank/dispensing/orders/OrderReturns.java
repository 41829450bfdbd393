package org.openmilkbank.dispensing.orders;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.dispensing.DispatchedBottles;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unused bottles of a dispatched order come back from the ward. Each goes back into stock where the profile's
 * cold-chain rule for returns allows ({@link ReturnRule}), else it is discarded with the rule's reasons; either way its
 * reservation for the order ends, its dispense is marked returned and the lineage records the return.
 */
@Service
@Transactional
public class OrderReturns {

    private final OrderManagement management;
    private final OrderBottles reservations;
    private final BottleReturns returns;
    private final DispatchedBottles dispatched;
    private final Inventory inventory;
    private final Standards standards;
    private final History history;
    private final Clock clock;

    OrderReturns(
            OrderManagement management,
            OrderBottles reservations,
            BottleReturns returns,
            DispatchedBottles dispatched,
            Inventory inventory,
            Standards standards,
            History history,
            Clock clock) {
        this.management = management;
        this.reservations = reservations;
        this.returns = returns;
        this.dispatched = dispatched;
        this.inventory = inventory;
        this.standards = standards;
        this.history = history;
        this.clock = clock;
    }

    /** What the bank records of a return: the scanned bottles, why, a note, and how cold they were on arrival. */
    public record ReturnRequest(List<String> dins, ReturnReason reason, String note, BigDecimal arrivalTemperatureC) {}

    /**
     * Takes the scanned bottles of the order back; refuses, changing nothing, an order not yet dispatched, a bottle
     * not of the order (or already returned), an OTHER reason without a note, or no bottle at all.
     */
    public List<ReturnView> takeBack(UUID orderId, ReturnRequest request) {
        MilkOrder order = management.load(orderId);
        if (!order.state().bottlesMayComeBack()) {
            throw new RuleViolation("dispensing.return.notDispatched", Said.label(order.state()));
        }
        if (request.reason() == ReturnReason.OTHER
                && (request.note() == null || request.note().isBlank())) {
            throw new RuleViolation("dispensing.return.noteRequired").on("note");
        }
        Map<UUID, OrderBottle> reserved = new LinkedHashMap<>();
        for (OrderBottle r : reservations.findByOrderIdAndFreedAtIsNull(orderId)) {
            reserved.put(r.bottleId(), r);
        }
        List<BottleView> bottles = scanned(request.dins(), reserved);
        StandardProfile profile = standards.activeProfile();
        ReturnRule rule = new ReturnRule(
                OrderManagement.integer(profile, Parameter.RETURNS_MAX_HOURS_OUT, 0), profile.transportFrozenMaxC());
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        String actor = CurrentActor.username();
        String note = request.note() == null || request.note().isBlank()
                ? null
                : request.note().strip();
        List<ReturnView> views = new ArrayList<>();
        int toStock = 0;
        for (BottleView b : bottles) {
            Instant dispatchedAt = dispatched
                    .dispensedAt(b.id())
                    .orElseThrow(() -> new RuleViolation(
                                    "dispensing.return.notInOrder",
                                    Din.parse(b.din()).withCheck())
                            .on("scanned"));
            List<ReturnRefusal> refusals = rule.refusals(new ReturnRule.Returned(
                    dispatchedAt, now, b.thawedAt() != null, b.expiresOn(), today, request.arrivalTemperatureC()));
            boolean back = refusals.isEmpty();
            String code = back ? null : refusals.get(0).lineageCode();
            dispatched.returned(b.id(), now, back, code);
            if (back) {
                inventory.takeBack(b.id(), now);
                toStock++;
            } else {
                inventory.discardReturned(b.id(), code, now);
            }
            reserved.get(b.id()).free(now);
            BottleReturn saved = returns.save(new BottleReturn(
                    orderId, b.id(), now, actor, request.reason(), note, request.arrivalTemperatureC(), refusals));
            views.add(saved.view(Din.parse(b.din()).withCheck(), b.volumeMl()));
        }
        history.record(
                OrderManagement.ORDER,
                orderId,
                Said.of(
                        "dispensing.history.order.returned",
                        views.size(),
                        toStock,
                        views.size() - toStock,
                        Said.label(request.reason())));
        return views;
    }

    private List<BottleView> scanned(List<String> dins, Map<UUID, OrderBottle> reserved) {
        Map<String, BottleView> byDin = new LinkedHashMap<>();
        for (UUID id : reserved.keySet()) {
            inventory.find(id).ifPresent(b -> byDin.put(b.din(), b));
        }
        Map<String, BottleView> chosen = new LinkedHashMap<>();
        for (String s : dins == null ? List.<String>of() : dins) {
            if (s == null || s.isBlank()) {
                continue;
            }
            Din din;
            try {
                din = Din.parse(s);
            } catch (RuleViolation unreadable) {
                throw new RuleViolation("dispensing.return.unreadable", s.strip()).on("scanned");
            }
            BottleView b = byDin.get(din.value());
            if (b == null) {
                throw new RuleViolation("dispensing.return.notInOrder", din.withCheck()).on("scanned");
            }
            chosen.put(din.value(), b);
        }
        if (chosen.isEmpty()) {
            throw new RuleViolation("dispensing.return.none").on("scanned");
        }
        return List.copyOf(chosen.values());
    }
}
