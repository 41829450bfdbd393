package org.openmilkbank.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.dispensing.orders.OrderAllocation;
import org.openmilkbank.dispensing.orders.OrderDispatch;
import org.openmilkbank.dispensing.orders.OrderManagement;
import org.openmilkbank.dispensing.orders.OrderReturns;
import org.openmilkbank.dispensing.orders.OrderTerms;
import org.openmilkbank.dispensing.orders.OrderView;
import org.openmilkbank.dispensing.orders.ReturnReason;
import org.openmilkbank.shared.Role;
import org.openmilkbank.storage.PutAway;
import org.openmilkbank.storage.PutAwayScan;
import org.openmilkbank.ward.Bedside;
import org.openmilkbank.ward.PreparationView;
import org.openmilkbank.ward.WardPreparations;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The neonatal unit's day in the demo: the ward has ordered donor milk for the four infants with consent; the bank has
 * dispatched one order, which the ward received, and allocated another; on the ward a bottle was thawed and divided
 * between two infants, one syringe fed, and the other stopped at the wrong baby's wristband (a near miss); an unopened
 * bottle of that order came back frozen and went back into stock.
 */
@Component
class DemoWard {

    private static final String[] INFANTS = {"NICU-2611-01", "NICU-2611-02", "NICU-2611-03", "NICU-2611-04"};

    private final DispensingManagement dispensing;
    private final OrderManagement orders;
    private final OrderAllocation allocation;
    private final OrderDispatch dispatch;
    private final OrderReturns returns;
    private final PutAway putAway;
    private final WardPreparations preparations;
    private final Bedside bedside;
    private final Clock clock;

    DemoWard(
            DispensingManagement dispensing,
            OrderManagement orders,
            OrderAllocation allocation,
            OrderDispatch dispatch,
            OrderReturns returns,
            PutAway putAway,
            WardPreparations preparations,
            Bedside bedside,
            Clock clock) {
        this.dispensing = dispensing;
        this.orders = orders;
        this.allocation = allocation;
        this.dispatch = dispatch;
        this.returns = returns;
        this.putAway = putAway;
        this.preparations = preparations;
        this.bedside = bedside;
        this.clock = clock;
    }

    void build() {
        LocalDate today = LocalDate.now(clock);
        List<InfantView> infants = java.util.Arrays.stream(INFANTS)
                .map(code -> dispensing.findByCode(code).orElseThrow())
                .toList();
        int[][] terms = {{160, 20, 8}, {120, 15, 8}, {240, 30, 8}, {96, 12, 8}};
        UUID[] ordered = new UUID[infants.size()];
        as("nurse", Role.NURSE, () -> {
            for (int i = 0; i < infants.size(); i++) {
                ordered[i] = orders.request(
                                infants.get(i).id(),
                                new OrderTerms(
                                        terms[i][0],
                                        terms[i][1],
                                        terms[i][2],
                                        today,
                                        today.plusDays(1),
                                        null,
                                        null,
                                        "Dr Phạm Thu Hà"))
                        .id();
            }
        });
        // the second infant's order dispatched, the third's allocated; the others wait for the bank
        List<String> dispatched = as("dispenser", Role.DISPENSER, () -> {
            List<String> dins = proposed(ordered[1]);
            if (dins.isEmpty()) {
                return dins;
            }
            allocation.accept(ordered[1], dins, null);
            dispatch.dispatch(ordered[1]);
            List<String> next = proposed(ordered[2]);
            if (!next.isEmpty()) {
                allocation.accept(ordered[2], next, null);
            }
            return dins;
        });
        if (dispatched.isEmpty()) {
            return;
        }
        String[] returnedUnused = new String[1];
        as("nurse", Role.NURSE, () -> {
            dispatch.receive(ordered[1], dispatched);
            // a bottle the bank had not thawed already (the demo's stock keeps one on its thaw clock)
            String din = dispatched.stream()
                    .filter(d -> preparations.bottle(d).thawedAt() == null)
                    .findFirst()
                    .orElse(dispatched.get(0));
            if (preparations.bottle(din).thawedAt() == null) {
                preparations.thaw(din, WardPreparations.WardThaw.FRIDGE);
            }
            PreparationView p = preparations.prepare(
                    din,
                    List.of(new WardPreparations.Syringe(INFANTS[1], 15), new WardPreparations.Syringe(INFANTS[0], 20)),
                    "more than today's feeds");
            String forSecond = p.aliquots().get(0).code();
            bedside.feed(Bedside.FeedRequest.of(INFANTS[1], forSecond, 15));
            // the next syringe scanned at the wrong cot: stopped, and recorded as a near miss
            bedside.check(INFANTS[2], p.aliquots().get(1).code());
            dispatched.stream()
                    .filter(d -> !d.equals(din) && preparations.bottle(d).thawedAt() == null)
                    .findFirst()
                    .ifPresent(unused -> returnedUnused[0] = unused);
        });
        if (returnedUnused[0] != null) {
            // her order was lowered: the ward sent the unopened bottle back frozen, and it went back into stock
            as("dispenser", Role.DISPENSER, () -> {
                returns.takeBack(
                        ordered[1],
                        new OrderReturns.ReturnRequest(
                                List.of(returnedUnused[0]), ReturnReason.ORDER_CHANGED, null, new BigDecimal("-21")));
            });
            // back in stock, it is put away again on the released milk's shelf
            as("labtech", Role.LAB_TECHNICIAN, () -> putAway.put(new PutAwayScan(returnedUnused[0], "R-S2")));
        }
    }

    private List<String> proposed(UUID orderId) {
        return allocation.proposal(orderId).stream()
                .map(OrderView.OrderBottleView::din)
                .toList();
    }

    private static <T> T as(String username, Role role, java.util.function.Supplier<T> action) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, Set.of(new SimpleGrantedAuthority(role.authority()))));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void as(String username, Role role, Runnable action) {
        as(username, role, () -> {
            action.run();
            return null;
        });
    }
}
