package org.openmilkbank.dispensing.orders;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.inventory.StockReport;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.Standards;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shortage mode: a manager's switch, or by itself when days of supply fall under {@code orders.shortage.below-days};
 * the day's requested orders ranked smallest and sickest first against the stock not yet reserved.
 */
@Service
@Transactional
public class ShortageMode {

    static final String SHORTAGE = "Shortage";
    static final int DEFAULT_BELOW_DAYS = 7;
    /** History of the switch is kept under one record id: there is one shortage mode per bank. */
    static final UUID BANK = new UUID(0, 1);

    private final ShortageSwitches switches;
    private final MilkOrders orders;
    private final OrderBottles reservations;
    private final OrderManagement management;
    private final StockReport stock;
    private final Inventory inventory;
    private final Standards standards;
    private final History history;
    private final Clock clock;

    ShortageMode(
            ShortageSwitches switches,
            MilkOrders orders,
            OrderBottles reservations,
            OrderManagement management,
            StockReport stock,
            Inventory inventory,
            Standards standards,
            History history,
            Clock clock) {
        this.switches = switches;
        this.orders = orders;
        this.reservations = reservations;
        this.management = management;
        this.stock = stock;
        this.inventory = inventory;
        this.standards = standards;
        this.history = history;
        this.clock = clock;
    }

    /** A manager switches shortage mode on or off with a reason; refuses a switch to the state it is in. */
    public ShortageView switchTo(boolean on, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        boolean now = switches.findFirstByOrderBySwitchedAtDesc()
                .map(ShortageSwitch::shortageOn)
                .orElse(false);
        if (now == on) {
            throw new RuleViolation(on ? "dispensing.shortage.alreadyOn" : "dispensing.shortage.alreadyOff");
        }
        switches.save(new ShortageSwitch(on, reason.strip(), Instant.now(clock), CurrentActor.username()));
        history.recordCorrection(
                SHORTAGE,
                BANK,
                Said.of(on ? "dispensing.history.shortage.on" : "dispensing.history.shortage.off"),
                reason);
        return status();
    }

    /** Whether the bank is in shortage now (the switch or days of supply), without the day's plan. */
    @Transactional(readOnly = true)
    public boolean on() {
        return switchedOn().isPresent() || automatic(supplyDays());
    }

    @Transactional(readOnly = true)
    public ShortageView status() {
        Optional<ShortageSwitch> last = switches.findFirstByOrderBySwitchedAtDesc();
        BigDecimal supply = supplyDays();
        boolean switched = last.map(ShortageSwitch::shortageOn).orElse(false);
        boolean automatic = automatic(supply);
        LocalDate today = LocalDate.now(clock);
        List<Ranking.Claim> claims = new ArrayList<>();
        Map<UUID, InfantView> infants = new HashMap<>();
        long ordered = 0;
        for (MilkOrder o : orders.findByStateInOrderByRequestedAt(EnumSet.of(OrderState.REQUESTED))) {
            if (!o.activeOn(today)) {
                continue;
            }
            InfantView infant = infants.computeIfAbsent(o.infantId(), management::infant);
            claims.add(claim(o, infant, management.criteria(infant), o.volumePerDayMl()));
            ordered += o.volumePerDayMl();
        }
        long stockMl = unreservedStockMl(today);
        Map<UUID, MilkOrder> byId = new HashMap<>();
        orders.findByStateInOrderByRequestedAt(EnumSet.of(OrderState.REQUESTED)).forEach(o -> byId.put(o.id(), o));
        List<ShortageView.Line> lines = new ArrayList<>();
        for (Ranking.Share s : Ranking.plan(claims, stockMl)) {
            InfantView infant = infants.get(byId.get(s.claim().orderId()).infantId());
            lines.add(new ShortageView.Line(
                    s.rank(),
                    s.claim().orderId(),
                    infant.id(),
                    infant.infantCode(),
                    infant.displayName(),
                    s.claim().candidate(),
                    s.claim().risks(),
                    infant.birthWeightGrams(),
                    infant.gestationalAge(),
                    s.claim().neededMl(),
                    s.givenMl(),
                    s.shortMl()));
        }
        return new ShortageView(
                switched || automatic,
                switched,
                automatic,
                supply,
                belowDays(),
                last.map(ShortageSwitch::switchedBy).orElse(null),
                last.map(ShortageSwitch::switchedAt).orElse(null),
                last.map(ShortageSwitch::reason).orElse(null),
                stockMl,
                ordered,
                lines);
    }

    static Ranking.Claim claim(MilkOrder o, InfantView infant, List<Criterion> criteria, int neededMl) {
        return new Ranking.Claim(
                o.id(),
                Criterion.anyMet(criteria),
                infant.risks(),
                infant.birthWeightGrams(),
                infant.gestationalAgeWeeks() * 7 + infant.gestationalAgeDays(),
                o.requestedAt(),
                neededMl);
    }

    private long unreservedStockMl(LocalDate today) {
        Set<UUID> reserved = new HashSet<>(reservations.reservedBottles());
        return inventory.dispensable(today).stream()
                .filter(b -> !reserved.contains(b.id()))
                .mapToLong(BottleView::volumeMl)
                .sum();
    }

    private Optional<ShortageSwitch> switchedOn() {
        return switches.findFirstByOrderBySwitchedAtDesc().filter(ShortageSwitch::shortageOn);
    }

    private BigDecimal supplyDays() {
        return stock.supply().days().supplyDays();
    }

    private boolean automatic(BigDecimal supplyDays) {
        int below = belowDays();
        return below > 0 && supplyDays != null && supplyDays.compareTo(BigDecimal.valueOf(below)) < 0;
    }

    private int belowDays() {
        return OrderManagement.integer(
                standards.activeProfile(), Parameter.ORDERS_SHORTAGE_BELOW_DAYS, DEFAULT_BELOW_DAYS);
    }

    /** The manager's switches, newest first, for the page. */
    @Transactional(readOnly = true)
    public List<History.HistoryEntry> switchHistory() {
        return history.of(SHORTAGE, BANK);
    }
}
