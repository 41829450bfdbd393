package org.openmilkbank.logistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.donor.ClinicalRights;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Collection points, pick-up runs and the boxes that carry milk to the bank, with each box's cold chain. */
@Service
@Transactional(readOnly = true)
public class LogisticsManagement implements Logistics {

    public static final String POINT = "CollectionPoint";
    public static final String RUN = "PickupRun";
    public static final String BOX = "TransportBox";
    private static final Set<BoxState> OPEN_BOX = Set.of(BoxState.PLANNED, BoxState.IN_TRANSIT);
    private static final Set<PickupRunState> OPEN_RUN = Set.of(PickupRunState.PLANNED, PickupRunState.ON_THE_ROAD);
    private static final int RECENT_RUNS = 50;

    private final CollectionPointRepository points;
    private final PickupRunRepository runs;
    private final TransportBoxRepository boxes;
    private final DonorManagement donors;
    private final Standards standards;
    private final History history;
    private final JdbcClient jdbc;
    private final Clock clock;

    LogisticsManagement(
            CollectionPointRepository points,
            PickupRunRepository runs,
            TransportBoxRepository boxes,
            DonorManagement donors,
            Standards standards,
            History history,
            JdbcClient jdbc,
            Clock clock) {
        this.points = points;
        this.runs = runs;
        this.boxes = boxes;
        this.donors = donors;
        this.standards = standards;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // Collection points

    @Transactional
    public CollectionPointView createPoint(NewCollectionPoint details) {
        CollectionPoint point = new CollectionPoint(details, CurrentActor.username(), now());
        requireNameFree(point.name(), point.id());
        points.save(point);
        CollectionPointView v = point.view();
        history.record(
                POINT,
                v.id(),
                Said.of(
                        "logistics.history.pointCreated",
                        Said.code("logistics.kind." + v.kind().name()),
                        v.name(),
                        v.address()));
        return v;
    }

    @Transactional
    public CollectionPointView correctPoint(UUID id, NewCollectionPoint details, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        CollectionPoint point = point(id);
        List<Said> changes = point.correct(details);
        if (changes.isEmpty()) {
            throw new RuleViolation("logistics.point.nothingChanged");
        }
        if (point.active()) {
            requireNameFree(point.name(), id);
        }
        history.recordCorrection(POINT, id, Said.of("logistics.history.pointCorrected", changes), reason);
        return point.view();
    }

    @Transactional
    public CollectionPointView deactivatePoint(UUID id, String reason) {
        CollectionPoint point = point(id);
        point.deactivate(reason);
        history.recordCorrection(POINT, id, Said.of("logistics.history.pointDeactivated", point.name()), reason);
        return point.view();
    }

    @Transactional
    public CollectionPointView reactivatePoint(UUID id) {
        CollectionPoint point = point(id);
        requireNameFree(point.name(), id);
        point.reactivate();
        history.record(POINT, id, Said.of("logistics.history.pointReactivated", point.name()));
        return point.view();
    }

    public Optional<CollectionPointView> findPoint(UUID id) {
        return id == null ? Optional.empty() : points.findById(id).map(CollectionPoint::view);
    }

    /** Active points first, then by name; {@code activeOnly} for choosing a stop or an origin. */
    public List<CollectionPointView> points(boolean activeOnly) {
        return (activeOnly ? points.findByActiveTrueOrderByNameAsc() : points.findAllByOrderByActiveDescNameAsc())
                .stream().map(CollectionPoint::view).toList();
    }

    // Pick-up runs

    @Transactional
    public PickupRunView planRun(LocalDate plannedOn, String driver) {
        long number = jdbc.sql("select nextval('pickup_run_number_seq')")
                .query(Long.class)
                .single();
        PickupRun run = PickupRun.plan(number, plannedOn, driver, LocalDate.now(clock), CurrentActor.username(), now());
        runs.save(run);
        history.record(RUN, run.id(), Said.of("logistics.history.runPlanned", "R" + number, plannedOn, run.driver()));
        return view(run);
    }

    /** Adds a visit to a donor's home, found by her code as scanned from her card. */
    @Transactional
    public PickupRunView addDonorStop(UUID runId, String donorCode) {
        PickupRun run = lockRun(runId);
        DonorView donor = donors.findByCode(donorCode)
                .orElseThrow(() -> new RuleViolation(
                                "logistics.stop.donorUnknown", donorCode == null ? "" : donorCode.strip())
                        .on("donorCode"));
        // the stop keeps her code only: the run, its history and its lists are read by the lab as well
        PickupStop stop = run.addDonorStop(donor.id(), donor.code(), donor.code());
        history.record(
                RUN, runId, Said.of("logistics.history.stopAdded", stop.view().position(), donor.code()));
        return view(run);
    }

    @Transactional
    public PickupRunView addPointStop(UUID runId, UUID pointId) {
        PickupRun run = lockRun(runId);
        CollectionPoint point = point(pointId);
        PickupStop stop = run.addPointStop(point);
        history.record(
                RUN, runId, Said.of("logistics.history.stopAdded", stop.view().position(), point.name()));
        return view(run);
    }

    /** A box taken on the run, by its scanned code. */
    @Transactional
    public PickupRunView addBox(UUID runId, String code, TransportMode mode) {
        PickupRun run = lockRun(runId);
        run.requireAcceptsBoxes();
        TransportBox box = TransportBox.planned(code, runId, mode, CurrentActor.username(), now());
        requireNotOpen(box.code());
        boxes.save(box);
        history.record(
                BOX,
                box.id(),
                Said.of(
                        "logistics.history.boxTakenOnRun",
                        "R" + run.number(),
                        mode(box.view().mode())));
        history.record(RUN, runId, Said.of("logistics.history.boxAdded", box.code()));
        return view(run);
    }

    @Transactional
    public PickupRunView startRun(UUID runId) {
        PickupRun run = lockRun(runId);
        int planned = (int) boxes.findByRunIdOrderByCreatedAt(runId).stream()
                .filter(b -> b.state() != BoxState.CANCELLED)
                .count();
        run.start(planned, now());
        history.record(
                RUN,
                runId,
                Said.of("logistics.history.runStarted", run.stopViews().size(), planned));
        return view(run);
    }

    @Transactional
    public PickupRunView recordStop(UUID runId, UUID stopId, StopOutcome outcome, Integer containers, String note) {
        PickupRun run = lockRun(runId);
        PickupStop stop = run.recordStop(stopId, outcome, containers, note, CurrentActor.username(), now());
        StopView v = stop.view();
        history.record(
                RUN,
                runId,
                Said.of(
                        "logistics.history.stop" + v.outcome().name(),
                        v.position(),
                        v.place(),
                        v.containers() == null ? "" : Said.of("logistics.history.containers", v.containers()),
                        v.note() == null ? "" : Said.of("logistics.history.note", v.note())));
        return view(run);
    }

    @Transactional
    public PickupRunView returnRun(UUID runId) {
        PickupRun run = lockRun(runId);
        run.returnToBank(now());
        long inTransit = boxes.findByRunIdOrderByCreatedAt(runId).stream()
                .filter(b -> b.state() == BoxState.IN_TRANSIT)
                .count();
        history.record(RUN, runId, Said.of("logistics.history.runReturned", inTransit));
        return view(run);
    }

    /** Cancels the run; its boxes that never left are cancelled with it, boxes already carrying milk are not. */
    @Transactional
    public PickupRunView cancelRun(UUID runId, String reason) {
        PickupRun run = lockRun(runId);
        run.cancel(reason);
        for (TransportBox box : boxes.findByRunIdOrderByCreatedAt(runId)) {
            if (box.state() == BoxState.PLANNED) {
                box.cancel();
                history.recordCorrection(
                        BOX, box.id(), Said.of("logistics.history.boxCancelledWithRun", "R" + run.number()), reason);
            }
        }
        history.recordCorrection(RUN, runId, Said.of("logistics.history.runCancelled", "R" + run.number()), reason);
        return view(run);
    }

    public Optional<PickupRunView> findRun(UUID id) {
        return id == null ? Optional.empty() : runs.findById(id).map(this::view);
    }

    /** The latest runs, newest planned date first. */
    public List<PickupRunView> recentRuns() {
        return runs.findAllByOrderByPlannedOnDescNumberDesc(Limit.of(RECENT_RUNS)).stream()
                .map(this::view)
                .toList();
    }

    /** A pending stop of a run still open on that day: the work list "expected pick-ups today". */
    public record ExpectedPickUp(UUID runId, long runNumber, String driver, PickupRunState runState, StopView stop) {}

    public List<ExpectedPickUp> expectedPickUps(LocalDate day) {
        List<ExpectedPickUp> list = new ArrayList<>();
        for (PickupRun run : runs.findByPlannedOnAndStateInOrderByNumber(day, OPEN_RUN)) {
            for (StopView stop : run.stopViews()) {
                if (stop.outcome() == StopOutcome.PENDING) {
                    list.add(new ExpectedPickUp(
                            run.id(), run.number(), run.driver(), run.state(), withDonorAddress(stop)));
                }
            }
        }
        return list;
    }

    // Boxes

    /** A box sent from a collection point on its own, already carrying milk; no departure time means now. */
    @Transactional
    public BoxView dispatchBox(
            String code, UUID originPointId, TransportMode mode, Instant departedAt, BigDecimal departureTempC) {
        if (originPointId == null) {
            throw new RuleViolation("logistics.box.originRequired").on("originPointId");
        }
        CollectionPoint origin = point(originPointId);
        if (!origin.active()) {
            throw new RuleViolation("logistics.run.pointInactive", origin.name());
        }
        TransportBox box = TransportBox.dispatched(
                code,
                originPointId,
                mode,
                departedAt == null ? now() : departedAt,
                departureTempC,
                CurrentActor.username(),
                now());
        requireNotOpen(box.code());
        boxes.save(box);
        BoxView v = box.view();
        history.record(
                BOX,
                v.id(),
                Said.of(
                        "logistics.history.boxDispatched",
                        origin.name(),
                        mode(v.mode()),
                        v.departureTempC(),
                        v.departedAt()));
        return v;
    }

    @Transactional
    public BoxView departBox(UUID boxId, Instant departedAt, BigDecimal departureTempC) {
        TransportBox box = lockBox(boxId);
        if (box.runId() != null) {
            PickupRun run = runs.findById(box.runId()).orElseThrow();
            if (run.state() != PickupRunState.ON_THE_ROAD) {
                throw new RuleViolation("logistics.run.notOnTheRoad", run.state());
            }
        }
        box.depart(departedAt == null ? now() : departedAt, departureTempC, now());
        BoxView v = box.view();
        history.record(BOX, boxId, Said.of("logistics.history.boxDeparted", v.departureTempC(), v.departedAt()));
        return v;
    }

    /** Records the box's arrival at the bank and the cold-chain verdict of the active profile. */
    @Transactional
    public BoxView arrive(String code, BoxArrival arrival) {
        String normalised = TransportBox.normalise(code);
        TransportBox found = boxes.findByCodeOpenFirst(normalised).stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("logistics.box.notFound", normalised));
        TransportBox box = lockBox(found.id());
        StandardProfile profile = standards.activeProfile();
        ColdChainVerdict verdict = box.arrive(arrival, profile, now());
        BoxView v = box.view();
        List<Object> arrived = new ArrayList<>(List.of(
                v.arrivalTempC(),
                v.indicator() == null
                        ? "—"
                        : Said.code("logistics.indicator." + v.indicator().name()),
                Said.code("logistics.history.seal." + (Boolean.TRUE.equals(v.sealIntact()) ? "intact" : "broken")),
                v.minutesUnderway(now()),
                profile.code()));
        if (verdict.intact()) {
            history.record(BOX, v.id(), new Said("logistics.history.boxArrivedIntact", arrived));
        } else {
            arrived.add(verdict.reasons().stream()
                    .map(r -> new Said(r.code(), r.args()))
                    .toList());
            history.record(BOX, v.id(), new Said("logistics.history.boxArrivedBroken", arrived));
        }
        return v;
    }

    public Optional<BoxView> findBox(UUID id) {
        return id == null ? Optional.empty() : boxes.findById(id).map(TransportBox::view);
    }

    @Override
    public Optional<BoxView> findBox(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String normalised;
        try {
            normalised = TransportBox.normalise(code);
        } catch (RuleViolation e) {
            return Optional.empty();
        }
        return boxes.findByCodeOpenFirst(normalised).stream().findFirst().map(TransportBox::view);
    }

    @Override
    public ColdChainVerdict coldChainOf(UUID boxId) {
        BoxView box = findBox(boxId).orElseThrow(() -> new NotFound("logistics.box.notFound", boxId));
        if (box.verdict() == null) {
            throw new RuleViolation("logistics.box.notArrived", box.code());
        }
        return box.verdict();
    }

    /** Boxes carrying milk towards the bank, longest underway first. */
    public List<BoxView> boxesInTransit() {
        return boxes.findByStateOrderByDepartedAt(BoxState.IN_TRANSIT).stream()
                .map(TransportBox::view)
                .toList();
    }

    /** A page of the runs, newest planned date first, with the total. */
    public org.openmilkbank.shared.Paged<PickupRunView> runs(org.openmilkbank.shared.PageRequest page) {
        return org.openmilkbank.shared.Paged.of(runs.findAllByOrderByPlannedOnDescNumberDesc(page.pageable()), page)
                .map(this::view);
    }

    /** A page of the boxes, newest first, with the total; {@code state} null lists every state. */
    public org.openmilkbank.shared.Paged<BoxView> boxes(BoxState state, org.openmilkbank.shared.PageRequest page) {
        Set<BoxState> states = state == null ? Set.of(BoxState.values()) : Set.of(state);
        return org.openmilkbank.shared.Paged.of(boxes.findByStateInOrderByCreatedAtDesc(states, page.pageable()), page)
                .map(TransportBox::view);
    }

    /** Boxes that arrived or are still open, newest first, for the boxes list and API. */
    public List<BoxView> boxes(BoxState state) {
        return (state == null
                        ? boxes.findByStateInOrderByCreatedAtDesc(Set.of(BoxState.values()))
                        : boxes.findByStateInOrderByCreatedAtDesc(Set.of(state)))
                .stream().limit(200).map(TransportBox::view).toList();
    }

    /** The active profile's transit limit, for flagging boxes that are overdue while still on the road. */
    public int maxTransitHours() {
        return standards.activeProfile().transportMaxHours();
    }

    private void requireNameFree(String name, UUID id) {
        if (points.activeNameTaken(name, id)) {
            throw new RuleViolation("logistics.point.nameTaken", name).on("name");
        }
    }

    private void requireNotOpen(String code) {
        if (boxes.existsByCodeAndStateIn(code, OPEN_BOX)) {
            throw new RuleViolation("logistics.box.codeInUse", code).on("code");
        }
    }

    private PickupRunView view(PickupRun run) {
        PickupRunView v = run.view(boxes.findByRunIdOrderByCreatedAt(run.id()).stream()
                .map(TransportBox::view)
                .toList());
        if (!ClinicalRights.current() || v.stops().stream().allMatch(s -> s.donorId() == null)) {
            return v;
        }
        return new PickupRunView(
                v.id(),
                v.number(),
                v.plannedOn(),
                v.driver(),
                v.state(),
                v.startedAt(),
                v.returnedAt(),
                v.cancelReason(),
                v.createdAt(),
                v.createdBy(),
                v.stops().stream().map(this::withDonorAddress).toList(),
                v.boxes());
    }

    /** Her name and current home address, for those who visit her (clinical rights); others see her code. */
    private StopView withDonorAddress(StopView stop) {
        if (stop.donorId() == null || !ClinicalRights.current()) {
            return stop;
        }
        return donors.find(stop.donorId())
                .map(d -> stop.withDonorAddress(d.fullName() + (d.address() == null ? "" : ", " + d.address())))
                .orElse(stop);
    }

    private CollectionPoint point(UUID id) {
        if (id == null) {
            throw new NotFound("logistics.point.notFound", "—");
        }
        return points.findById(id).orElseThrow(() -> new NotFound("logistics.point.notFound", id));
    }

    private PickupRun lockRun(UUID id) {
        if (id == null) {
            throw new NotFound("logistics.run.notFound", "—");
        }
        return runs.lockById(id).orElseThrow(() -> new NotFound("logistics.run.notFound", id));
    }

    private TransportBox lockBox(UUID id) {
        return boxes.lockById(id).orElseThrow(() -> new NotFound("logistics.box.notFound", id));
    }

    /** Now, at the database's precision, so that a view returned now equals the one read back later. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static Said mode(TransportMode mode) {
        return Said.code("logistics.mode." + mode.name());
    }
}
