package org.openmilkbank.dispensing.orders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders of donor milk: the ward (a nurse or a manager) orders for an infant with consent, amends with a reason
 * while the bank has not allocated, cancels with a reason before the milk leaves; the dispenser sees them.
 */
@Service
@Transactional
public class OrderManagement {

    static final String ORDER = "MilkOrder";
    static final int DEFAULT_BELOW_WEEKS = 32;
    static final int DEFAULT_BELOW_GRAMS = 1500;

    private final MilkOrders orders;
    private final OrderBottles reservations;
    private final BottleReturns returns;
    private final DispensingManagement infants;
    private final Inventory inventory;
    private final Standards standards;
    private final History history;
    private final Clock clock;

    OrderManagement(
            MilkOrders orders,
            OrderBottles reservations,
            BottleReturns returns,
            DispensingManagement infants,
            Inventory inventory,
            Standards standards,
            History history,
            Clock clock) {
        this.orders = orders;
        this.reservations = reservations;
        this.returns = returns;
        this.infants = infants;
        this.inventory = inventory;
        this.standards = standards;
        this.history = history;
        this.clock = clock;
    }

    /** Orders milk for the infant; refuses, changing nothing, without consent or with terms that do not agree. */
    public OrderView request(UUID infantId, OrderTerms terms) {
        InfantView infant = infant(infantId);
        if (!infant.consentGiven()) {
            throw new RuleViolation("dispensing.order.consentMissing", infant.infantCode());
        }
        MilkOrder order =
                MilkOrder.request(infantId, infant.birthDate(), terms, Instant.now(clock), CurrentActor.username());
        orders.save(order);
        history.record(
                ORDER,
                order.id(),
                Said.of(
                        "dispensing.history.order.requested",
                        infant.infantCode(),
                        order.volumePerDayMl(),
                        order.feedsPerDay(),
                        order.volumePerFeedMl(),
                        order.startsOn().toString(),
                        order.clinician()));
        return view(order, infant);
    }

    /** New terms with a reason, while the order waits for the bank; history keeps what changed, who, when, why. */
    public OrderView amend(UUID orderId, OrderTerms terms, String reason) {
        requireReason(reason);
        MilkOrder order = load(orderId);
        InfantView infant = infant(order.infantId());
        List<Said> changes = order.amend(terms, infant.birthDate());
        history.recordCorrection(ORDER, orderId, Said.of("dispensing.history.order.amended", changes), reason);
        return view(order, infant);
    }

    /** Cancels with a reason before the milk leaves the bank; bottles it held go back to the stock on offer. */
    public OrderView cancel(UUID orderId, String reason) {
        requireReason(reason);
        MilkOrder order = load(orderId);
        order.cancel(reason);
        Instant now = Instant.now(clock);
        List<OrderBottle> held = reservations.findByOrderIdAndFreedAtIsNull(orderId);
        held.forEach(r -> r.free(now));
        history.recordCorrection(ORDER, orderId, Said.of("dispensing.history.order.cancelled", held.size()), reason);
        return view(order, infant(order.infantId()));
    }

    @Transactional(readOnly = true)
    public OrderView find(UUID orderId) {
        MilkOrder order = load(orderId);
        return view(order, infant(order.infantId()));
    }

    /** The infant's orders, newest first. */
    @Transactional(readOnly = true)
    public List<OrderView> ofInfant(UUID infantId) {
        InfantView infant = infant(infantId);
        return orders.findByInfantIdOrderByRequestedAtDesc(infantId).stream()
                .map(o -> view(o, infant))
                .toList();
    }

    /** Orders not yet fulfilled or cancelled, first requested first: the dispenser's work list. */
    @Transactional(readOnly = true)
    public List<OrderView> open() {
        List<MilkOrder> open = orders.findByStateInOrderByRequestedAt(
                EnumSet.of(OrderState.REQUESTED, OrderState.ALLOCATED, OrderState.DISPATCHED, OrderState.RECEIVED));
        Map<UUID, InfantView> byId = open.stream()
                .map(MilkOrder::infantId)
                .distinct()
                .map(this::infant)
                .collect(Collectors.toMap(InfantView::id, Function.identity()));
        return open.stream().map(o -> view(o, byId.get(o.infantId()))).toList();
    }

    /** The criteria of the active profile for this infant. */
    @Transactional(readOnly = true)
    public List<Criterion> criteria(InfantView infant) {
        StandardProfile profile = standards.activeProfile();
        return Criterion.of(
                infant,
                integer(profile, Parameter.ORDERS_CRITERIA_BELOW_WEEKS, DEFAULT_BELOW_WEEKS),
                integer(profile, Parameter.ORDERS_CRITERIA_BELOW_GRAMS, DEFAULT_BELOW_GRAMS));
    }

    static int integer(StandardProfile profile, Parameter p, int otherwise) {
        return profile.optionalLong(p).map(Long::intValue).orElse(otherwise);
    }

    OrderView view(MilkOrder o, InfantView infant) {
        List<Criterion> criteria = criteria(infant);
        List<OrderView.OrderBottleView> bottles = reservations.findByOrderIdAndFreedAtIsNull(o.id()).stream()
                .map(r -> inventory.find(r.bottleId()).orElseThrow())
                .map(OrderManagement::bottle)
                .toList();
        return new OrderView(
                o.id(),
                o.infantId(),
                infant.infantCode(),
                infant.displayName(),
                infant.ward(),
                o.volumePerDayMl(),
                o.volumePerFeedMl(),
                o.feedsPerDay(),
                o.startsOn(),
                o.endsOn(),
                o.energyBand(),
                o.acidityBand(),
                o.clinician(),
                o.state(),
                o.cancelReason(),
                o.requestedAt(),
                o.requestedBy(),
                o.volumePerDayMl() * o.days(),
                criteria,
                Criterion.anyMet(criteria),
                bottles,
                returns.findByOrderIdOrderByReturnedAt(o.id()).stream()
                        .map(r -> {
                            BottleView b = inventory.find(r.bottleId()).orElseThrow();
                            return r.view(Din.parse(b.din()).withCheck(), b.volumeMl());
                        })
                        .toList());
    }

    static OrderView.OrderBottleView bottle(BottleView b) {
        return new OrderView.OrderBottleView(
                b.id(), Din.parse(b.din()).withCheck(), b.poolId(), b.volumeMl(), b.expiresOn(), null);
    }

    static OrderView.OrderBottleView bottle(Allocator.Candidate c) {
        return new OrderView.OrderBottleView(
                c.bottleId(), Din.parse(c.din()).withCheck(), c.poolId(), c.volumeMl(), c.expiresOn(), c.energy());
    }

    MilkOrder load(UUID orderId) {
        return orders.findById(orderId).orElseThrow(() -> new NotFound("dispensing.order.notFound", orderId));
    }

    InfantView infant(UUID infantId) {
        return infants.find(infantId).orElseThrow(() -> new NotFound("dispensing.infant.notFound", infantId));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
    }
}
