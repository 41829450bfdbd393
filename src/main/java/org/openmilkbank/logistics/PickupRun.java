package org.openmilkbank.logistics;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.TextLimits;

/** A planned round of visits to donors' homes and collection points, guarding its one-way states. */
@Entity
@Table(name = "pickup_run")
class PickupRun {

    static final int MAX_DRIVER = TextLimits.NAME;
    static final int MAX_NOTE = TextLimits.NOTE;
    static final int MAX_CONTAINERS_PER_STOP = 100;

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private long number;

    @Column(name = "planned_on", nullable = false)
    private LocalDate plannedOn;

    @Column(nullable = false)
    private String driver;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PickupRunState state;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "returned_at")
    private Instant returnedAt;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "run_id", insertable = false, updatable = false)
    @OrderBy("position")
    private List<PickupStop> stops = new ArrayList<>();

    @Version
    private long version;

    protected PickupRun() {}

    static PickupRun plan(long number, LocalDate plannedOn, String driver, LocalDate today, String by, Instant now) {
        if (plannedOn == null) {
            throw new RuleViolation("logistics.run.dateRequired").on("plannedOn");
        }
        if (plannedOn.isBefore(today)) {
            throw new RuleViolation("logistics.run.plannedInPast", plannedOn).on("plannedOn");
        }
        if (driver == null || driver.isBlank()) {
            throw new RuleViolation("logistics.run.driverRequired").on("driver");
        }
        if (driver.strip().length() > MAX_DRIVER) {
            throw new RuleViolation("logistics.run.driverTooLong", MAX_DRIVER).on("driver");
        }
        PickupRun run = new PickupRun();
        run.id = UUID.randomUUID();
        run.number = number;
        run.plannedOn = plannedOn;
        run.driver = driver.strip();
        run.state = PickupRunState.PLANNED;
        run.createdAt = now;
        run.createdBy = by;
        return run;
    }

    PickupStop addDonorStop(UUID donorId, String donorCode, String place) {
        requireOpen();
        for (PickupStop s : stops) {
            if (donorId.equals(s.donorId())) {
                throw new RuleViolation("logistics.run.donorTwice", donorCode).on("donorCode");
            }
        }
        return add(new PickupStop(id, stops.size() + 1, donorId, donorCode, null, place));
    }

    PickupStop addPointStop(CollectionPoint point) {
        requireOpen();
        if (!point.active()) {
            throw new RuleViolation("logistics.run.pointInactive", point.name());
        }
        for (PickupStop s : stops) {
            if (point.id().equals(s.collectionPointId())) {
                throw new RuleViolation("logistics.run.pointTwice", point.name()).on("collectionPointId");
            }
        }
        return add(new PickupStop(id, stops.size() + 1, null, null, point.id(), point.name()));
    }

    private PickupStop add(PickupStop stop) {
        stops.add(stop);
        return stop;
    }

    /** Boxes may be added until the run returns: a driver may pick up a spare box on the way. */
    void requireAcceptsBoxes() {
        requireOpen();
    }

    void start(int boxes, Instant now) {
        if (state != PickupRunState.PLANNED) {
            throw new RuleViolation("logistics.run.notPlanned", state);
        }
        if (stops.isEmpty()) {
            throw new RuleViolation("logistics.run.noStops");
        }
        if (boxes < 1) {
            throw new RuleViolation("logistics.run.noBoxes");
        }
        state = PickupRunState.ON_THE_ROAD;
        startedAt = now;
    }

    PickupStop recordStop(UUID stopId, StopOutcome outcome, Integer containers, String note, String by, Instant now) {
        if (state != PickupRunState.ON_THE_ROAD) {
            throw new RuleViolation("logistics.run.notOnTheRoad", state);
        }
        PickupStop stop = stop(stopId);
        if (stop.outcome() != StopOutcome.PENDING) {
            throw new RuleViolation("logistics.stop.alreadyRecorded", stop.place(), stop.outcome());
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > MAX_NOTE) {
            throw new RuleViolation("logistics.stop.noteTooLong", MAX_NOTE).on("note");
        }
        switch (outcome == null ? StopOutcome.PENDING : outcome) {
            case PENDING -> throw new RuleViolation("logistics.stop.outcomeRequired").on("outcome");
            case MISSED -> {
                if (text == null) {
                    throw new RuleViolation("logistics.stop.missedReasonRequired", stop.place()).on("note");
                }
                if (containers != null && containers != 0) {
                    throw new RuleViolation("logistics.stop.missedWithContainers", stop.place()).on("containers");
                }
                stop.record(StopOutcome.MISSED, null, text, by, now);
            }
            case COLLECTED -> {
                if (containers == null || containers < 1 || containers > MAX_CONTAINERS_PER_STOP) {
                    throw new RuleViolation("logistics.stop.containersInvalid", MAX_CONTAINERS_PER_STOP)
                            .on("containers");
                }
                stop.record(StopOutcome.COLLECTED, containers, text, by, now);
            }
        }
        return stop;
    }

    void returnToBank(Instant now) {
        if (state != PickupRunState.ON_THE_ROAD) {
            throw new RuleViolation("logistics.run.notOnTheRoad", state);
        }
        List<String> pending = stops.stream()
                .filter(s -> s.outcome() == StopOutcome.PENDING)
                .map(PickupStop::place)
                .toList();
        if (!pending.isEmpty()) {
            throw new RuleViolation("logistics.run.stopsPending", String.join(", ", pending));
        }
        state = PickupRunState.RETURNED;
        returnedAt = now;
    }

    void cancel(String reason) {
        requireOpen();
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        state = PickupRunState.CANCELLED;
        cancelReason = reason.strip();
    }

    private void requireOpen() {
        if (state == PickupRunState.RETURNED || state == PickupRunState.CANCELLED) {
            throw new RuleViolation("logistics.run.closed", state);
        }
    }

    PickupStop stop(UUID stopId) {
        return stops.stream()
                .filter(s -> Objects.equals(s.id(), stopId))
                .findFirst()
                .orElseThrow(() -> new RuleViolation("logistics.stop.notOnRun", stopId));
    }

    UUID id() {
        return id;
    }

    long number() {
        return number;
    }

    PickupRunState state() {
        return state;
    }

    LocalDate plannedOn() {
        return plannedOn;
    }

    String driver() {
        return driver;
    }

    List<StopView> stopViews() {
        return stops.stream().map(PickupStop::view).toList();
    }

    PickupRunView view(List<BoxView> boxes) {
        return new PickupRunView(
                id,
                number,
                plannedOn,
                driver,
                state,
                startedAt,
                returnedAt,
                cancelReason,
                createdAt,
                createdBy,
                stopViews(),
                boxes);
    }
}
