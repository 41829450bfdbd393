package org.openmilkbank.dispensing.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.dispensing.DispatchedBottles;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An allocated order leaves the bank for the ward (each bottle through the gate for dispatch, dispensed to the
 * infant) and is received on the ward by scanning every bottle of it.
 */
@Service
@Transactional
public class OrderDispatch {

    private final MilkOrders orders;
    private final OrderBottles reservations;
    private final OrderManagement management;
    private final DispatchedBottles bottles;
    private final History history;
    private final OrderManifest manifest;
    private final Clock clock;

    OrderDispatch(
            MilkOrders orders,
            OrderBottles reservations,
            OrderManagement management,
            DispatchedBottles bottles,
            History history,
            OrderManifest manifest,
            Clock clock) {
        this.manifest = manifest;
        this.clock = clock;
        this.orders = orders;
        this.reservations = reservations;
        this.management = management;
        this.bottles = bottles;
        this.history = history;
    }

    /** Dispatches an allocated order; a bottle the gate refuses now refuses the whole dispatch, changing nothing. */
    public OrderView dispatch(UUID orderId) {
        MilkOrder order = management.load(orderId);
        order.dispatch();
        List<UUID> reserved = reservations.findByOrderIdAndFreedAtIsNull(orderId).stream()
                .map(OrderBottle::bottleId)
                .toList();
        var sent = bottles.dispatch(order.infantId(), reserved);
        long ml = sent.stream().mapToLong(d -> d.volumeMl()).sum();
        history.record(OrderManagement.ORDER, orderId, Said.of("dispensing.history.order.dispatched", sent.size(), ml));
        return management.find(orderId);
    }

    /** The ward marks a received order fulfilled: its milk was given (or returned). */
    public OrderView fulfil(UUID orderId) {
        MilkOrder order = management.load(orderId);
        order.fulfil();
        history.record(OrderManagement.ORDER, orderId, Said.of("dispensing.history.order.fulfilled"));
        return management.find(orderId);
    }

    /** The manifest of an allocated or dispatched order, in the reader's language. */
    @Transactional(readOnly = true)
    public byte[] manifest(UUID orderId, Locale locale) {
        OrderView order = management.find(orderId);
        if (order.bottles().isEmpty()) {
            throw new RuleViolation("dispensing.manifest.noBottles");
        }
        return manifest.pdf(order, Instant.now(clock), locale);
    }

    /**
     * The ward receives a dispatched order by scanning its bottles: every one of them and no other, else a refusal
     * naming what is missing or does not belong, changing nothing.
     */
    public OrderView receive(UUID orderId, List<String> scanned) {
        MilkOrder order = management.load(orderId);
        OrderView view = management.find(orderId);
        if (order.state() != OrderState.DISPATCHED) {
            throw new RuleViolation(
                    "dispensing.order.transition", Said.label(order.state()), Said.label(OrderState.RECEIVED));
        }
        Set<String> expected = new LinkedHashSet<>();
        view.bottles().forEach(b -> expected.add(Din.parse(b.din()).value()));
        Set<String> got = new LinkedHashSet<>();
        for (String s : scanned == null ? List.<String>of() : scanned) {
            if (s != null && !s.isBlank()) {
                Din din = Din.parse(s);
                if (!expected.contains(din.value())) {
                    throw new RuleViolation("dispensing.receipt.notInOrder", din.withCheck()).on("scanned");
                }
                got.add(din.value());
            }
        }
        List<String> missing = new ArrayList<>();
        expected.stream()
                .filter(d -> !got.contains(d))
                .forEach(d -> missing.add(Din.parse(d).withCheck()));
        if (!missing.isEmpty()) {
            throw new RuleViolation("dispensing.receipt.missing", String.join(", ", missing)).on("scanned");
        }
        order.receive();
        history.record(OrderManagement.ORDER, orderId, Said.of("dispensing.history.order.received", got.size()));
        return management.find(orderId);
    }
}
