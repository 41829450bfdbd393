package org.openmilkbank.dispensing.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.openmilkbank.inventory.EnergyClass;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;

/**
 * An order of donor milk for one infant. Guards its terms (volumes that agree, dates in order, a real energy band)
 * and its moves: requested → allocated → dispatched → received → fulfilled, or cancelled with a reason before the
 * milk leaves the bank. Terms are amended only while requested, with a reason kept in history.
 */
@Entity
@Table(name = "milk_order")
class MilkOrder {

    /** How far the volume per feed times the feeds may differ from the volume per day: rounding, 1 mL a feed. */
    static final int ML_PER_FEED_ROUNDING = 1;

    @Id
    private UUID id;

    @Column(name = "infant_id", nullable = false)
    private UUID infantId;

    @Column(name = "volume_per_day_ml", nullable = false)
    private int volumePerDayMl;

    @Column(name = "volume_per_feed_ml", nullable = false)
    private int volumePerFeedMl;

    @Column(name = "feeds_per_day", nullable = false)
    private int feedsPerDay;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "energy_band")
    private EnergyClass energyBand;

    @Enumerated(EnumType.STRING)
    @Column(name = "acidity_band")
    private AcidityBand acidityBand;

    @Column(nullable = false)
    private String clinician;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderState state;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Version
    private long version;

    protected MilkOrder() {}

    /** A new order for an infant born on {@code birthDate}; refuses terms that do not hold together. */
    static MilkOrder request(UUID infantId, LocalDate birthDate, OrderTerms terms, Instant now, String actor) {
        MilkOrder order = new MilkOrder();
        order.id = UUID.randomUUID();
        order.infantId = infantId;
        order.state = OrderState.REQUESTED;
        order.requestedAt = now;
        order.requestedBy = actor;
        order.apply(terms, birthDate);
        return order;
    }

    /** New terms while the bank has not allocated yet; returns what changed (for history), refuses no change. */
    List<Said> amend(OrderTerms terms, LocalDate birthDate) {
        if (state != OrderState.REQUESTED) {
            throw new RuleViolation("dispensing.order.amend.notRequested", Said.label(state));
        }
        List<Object[]> before = describe();
        apply(terms, birthDate);
        List<Object[]> after = describe();
        List<Said> changes = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!Objects.equals(before.get(i)[1], after.get(i)[1])) {
                changes.add(Said.of(
                        "dispensing.order.change",
                        Said.code((String) before.get(i)[0]),
                        shown(before.get(i)[1]),
                        shown(after.get(i)[1])));
            }
        }
        if (changes.isEmpty()) {
            throw new RuleViolation("dispensing.order.amend.nothingChanged");
        }
        return changes;
    }

    void allocate() {
        move(OrderState.ALLOCATED);
    }

    void dispatch() {
        move(OrderState.DISPATCHED);
    }

    void receive() {
        move(OrderState.RECEIVED);
    }

    void fulfil() {
        move(OrderState.FULFILLED);
    }

    /** Cancels with a reason; only before the milk leaves the bank (after that, unused milk comes back as a return). */
    void cancel(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        move(OrderState.CANCELLED);
        cancelReason = reason.strip();
    }

    private void move(OrderState to) {
        if (!state.mayMoveTo(to)) {
            throw new RuleViolation("dispensing.order.transition", Said.label(state), Said.label(to));
        }
        state = to;
    }

    private void apply(OrderTerms t, LocalDate birthDate) {
        if (t.volumePerDayMl() == null || t.volumePerDayMl() < 1 || t.volumePerDayMl() > 3000) {
            throw new RuleViolation("dispensing.order.volumePerDay.range", t.volumePerDayMl(), 1, 3000)
                    .on("volumePerDayMl");
        }
        if (t.volumePerFeedMl() == null || t.volumePerFeedMl() < 1 || t.volumePerFeedMl() > 500) {
            throw new RuleViolation("dispensing.order.volumePerFeed.range", t.volumePerFeedMl(), 1, 500)
                    .on("volumePerFeedMl");
        }
        if (t.feedsPerDay() == null || t.feedsPerDay() < 1 || t.feedsPerDay() > 24) {
            throw new RuleViolation("dispensing.order.feedsPerDay.range", t.feedsPerDay(), 1, 24).on("feedsPerDay");
        }
        int fed = t.volumePerFeedMl() * t.feedsPerDay();
        if (Math.abs(fed - t.volumePerDayMl()) > ML_PER_FEED_ROUNDING * t.feedsPerDay()) {
            throw new RuleViolation(
                            "dispensing.order.volumes.disagree",
                            t.volumePerFeedMl(),
                            t.feedsPerDay(),
                            fed,
                            t.volumePerDayMl())
                    .on("volumePerDayMl");
        }
        if (t.startsOn() == null) {
            throw new RuleViolation("dispensing.order.startsOn.required").on("startsOn");
        }
        if (t.startsOn().isBefore(birthDate)) {
            throw new RuleViolation("dispensing.order.startsOn.beforeBirth", t.startsOn(), birthDate).on("startsOn");
        }
        if (t.endsOn() != null && t.endsOn().isBefore(t.startsOn())) {
            throw new RuleViolation("dispensing.order.endsOn.beforeStart", t.endsOn(), t.startsOn()).on("endsOn");
        }
        if (t.energyBand() == EnergyClass.NOT_ANALYSED) {
            throw new RuleViolation("dispensing.order.energyBand.invalid").on("energyBand");
        }
        if (t.clinician() == null || t.clinician().isBlank()) {
            throw new RuleViolation("dispensing.order.clinician.required").on("clinician");
        }
        volumePerDayMl = t.volumePerDayMl();
        volumePerFeedMl = t.volumePerFeedMl();
        feedsPerDay = t.feedsPerDay();
        startsOn = t.startsOn();
        endsOn = t.endsOn();
        energyBand = t.energyBand();
        acidityBand = t.acidityBand();
        clinician = t.clinician().strip();
    }

    private List<Object[]> describe() {
        return List.of(
                new Object[] {"dispensing.order.volumePerDayMl", volumePerDayMl},
                new Object[] {"dispensing.order.volumePerFeedMl", volumePerFeedMl},
                new Object[] {"dispensing.order.feedsPerDay", feedsPerDay},
                new Object[] {"dispensing.order.startsOn", startsOn},
                new Object[] {"dispensing.order.endsOn", endsOn},
                new Object[] {"dispensing.order.energyBand", energyBand},
                new Object[] {"dispensing.order.acidityBand", acidityBand},
                new Object[] {"dispensing.order.clinician", clinician});
    }

    /** A value as a history argument: a band by its label, a date kept ISO, nothing as a dash. */
    private static Object shown(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Enum<?> e) {
            return Said.label(e);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        return value;
    }

    /** The days the order covers: start to end, one day without an end. */
    int days() {
        return endsOn == null ? 1 : (int) ChronoUnit.DAYS.between(startsOn, endsOn) + 1;
    }

    /** Whether it asks for milk on {@code day}. */
    boolean activeOn(LocalDate day) {
        return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }

    UUID id() {
        return id;
    }

    UUID infantId() {
        return infantId;
    }

    int volumePerDayMl() {
        return volumePerDayMl;
    }

    int volumePerFeedMl() {
        return volumePerFeedMl;
    }

    int feedsPerDay() {
        return feedsPerDay;
    }

    LocalDate startsOn() {
        return startsOn;
    }

    LocalDate endsOn() {
        return endsOn;
    }

    EnergyClass energyBand() {
        return energyBand;
    }

    AcidityBand acidityBand() {
        return acidityBand;
    }

    String clinician() {
        return clinician;
    }

    OrderState state() {
        return state;
    }

    String cancelReason() {
        return cancelReason;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    String requestedBy() {
        return requestedBy;
    }
}
