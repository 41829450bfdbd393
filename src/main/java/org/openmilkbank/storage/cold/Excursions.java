package org.openmilkbank.storage.cold;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.ContainerState;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.HoldOutcome;
import org.openmilkbank.traceability.Holds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Excursions of storage units: opened and followed from readings (typed or a logger's file) or by a manager's hand;
 * once one reaches the hold rule every unit of milk inside during its window is held at once (each for the time it
 * was inside), and the discard rule marks them to be discarded; the manager then decides per unit or for all.
 */
@Service
@Transactional(readOnly = true)
public class Excursions {

    static final String HISTORY_TYPE = "storage.excursion";
    static final String HOLD_REASON = "storage.excursion";

    private final ColdStore store;
    private final Holds holds;
    private final Standards standards;
    private final History history;
    private final Inventory inventory;
    private final CollectionManagement collection;
    private final Clock clock;

    Excursions(
            ColdStore store,
            Holds holds,
            Standards standards,
            History history,
            Inventory inventory,
            CollectionManagement collection,
            Clock clock) {
        this.store = store;
        this.holds = holds;
        this.standards = standards;
        this.history = history;
        this.inventory = inventory;
        this.collection = collection;
        this.clock = clock;
    }

    /** Follows new readings of a storage unit (in time order) through its excursions; the caller holds the lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    void follow(StorageUnitView unit, List<ExcursionTracker.Point> points, OpenedHow how) {
        Optional<ColdRules> found = ColdRules.inForce(standards.activeProfile(), unit.unitType());
        if (found.isEmpty() || points.isEmpty()) {
            return;
        }
        Excursion open = store.openExcursion(unit.id()).orElse(null);
        boolean dirty = false;
        for (ExcursionTracker.Point p : points.stream()
                .sorted(Comparator.comparing(ExcursionTracker.Point::at))
                .toList()) {
            boolean changed;
            if (open == null) {
                Optional<ExcursionTracker.Track> started = ExcursionTracker.open(p, found.get());
                if (started.isEmpty()) {
                    continue;
                }
                open = Excursion.opened(
                        unit, how, found.get(), started.get(), null, Instant.now(clock), CurrentActor.username());
                store.insert(open);
                history.record(
                        HISTORY_TYPE,
                        open.id(),
                        Said.of("storage.history.excursion.opened", unit.code(), Said.label(how), p.high()));
                changed = open.holds();
            } else {
                ExcursionLevel before = open.track().level();
                open.follow(ExcursionTracker.step(open.track(), p, open.rules()));
                dirty = true;
                changed = open.track().level() != before;
                if (changed) {
                    history.record(
                            HISTORY_TYPE,
                            open.id(),
                            Said.of(
                                    "storage.history.excursion.level",
                                    Said.label(open.track().level()),
                                    p.high()));
                }
            }
            boolean ended = !open.track().open();
            if (changed || ended) {
                if (dirty) {
                    store.update(open);
                    dirty = false;
                }
                if (open.holds()) {
                    holdInside(open);
                }
            }
            if (ended) {
                history.record(
                        HISTORY_TYPE,
                        open.id(),
                        Said.of(
                                "storage.history.excursion.ended",
                                open.track().peak(),
                                open.track().minutesAbove()));
                open = null;
            }
        }
        if (open != null) {
            if (dirty) {
                store.update(open);
            }
            if (open.holds()) {
                holdInside(open);
            }
        }
    }

    /**
     * Holds every unit of milk inside during the window that this excursion does not hold yet (milk put in while it
     * is still open is held too), and marks for discard those inside from the moment the discard rule was reached.
     */
    private void holdInside(Excursion e) {
        Instant now = Instant.now(clock);
        ExcursionTracker.Track t = e.track();
        Instant to = t.endedAt() != null ? t.endedAt() : (t.lastPointAt().isAfter(now) ? t.lastPointAt() : now);
        List<ExcursionWindow.Inside> inside =
                ExcursionWindow.inside(store.stays(e.storageUnitId(), t.startedAt(), to), t.startedAt(), to);
        Set<UUID> already = store.heldUnits(e.id()).stream()
                .map(ExcursionView.HeldUnit::unitId)
                .collect(Collectors.toSet());
        List<ExcursionWindow.Inside> fresh = inside.stream()
                .filter(i -> !already.contains(i.unitId()))
                .sorted(Comparator.comparing(ExcursionWindow.Inside::unitId))
                .toList();
        Set<UUID> discard = t.discardFrom() == null
                ? Set.of()
                : ExcursionWindow.inside(store.stays(e.storageUnitId(), t.discardFrom(), to), t.discardFrom(), to)
                        .stream()
                        .map(ExcursionWindow.Inside::unitId)
                        .collect(Collectors.toSet());
        if (!fresh.isEmpty()) {
            List<UUID> holdIds = holds.placeOnUnits(
                    HoldKind.EXCURSION,
                    fresh.stream().map(ExcursionWindow.Inside::unitId).toList(),
                    HOLD_REASON,
                    List.of(e.storageUnitCode()),
                    HISTORY_TYPE + ":" + e.id(),
                    null);
            for (int i = 0; i < fresh.size(); i++) {
                store.insertHeldUnit(
                        e.id(),
                        fresh.get(i),
                        holdIds.get(i),
                        discard.contains(fresh.get(i).unitId()));
            }
            history.record(HISTORY_TYPE, e.id(), Said.of("storage.history.excursion.held", fresh.size()));
        }
        store.markMustDiscard(e.id(), already.stream().filter(discard::contains).toList());
    }

    /** A manager opens an excursion by hand (a freezer found warm, a logger that failed); refused while one is open. */
    @Transactional
    public UUID openByHand(UUID storageUnitId, ManualExcursionForm form) {
        StorageUnitView unit = store.unit(storageUnitId);
        ColdRules rules = ColdRules.inForce(standards.activeProfile(), unit.unitType())
                .orElseThrow(() -> new RuleViolation("storage.cold.unit.notCold", unit.code()));
        store.lock(unit.id());
        if (store.openExcursion(unit.id()).isPresent()) {
            throw new RuleViolation("storage.cold.excursion.alreadyOpen", unit.code());
        }
        Instant now = Instant.now(clock);
        Instant started = Moments.of(form.startedAt(), clock);
        Instant ended = form.endedAt() == null ? null : Moments.of(form.endedAt(), clock);
        if (started.isAfter(now)) {
            throw new RuleViolation("storage.cold.inFuture").on("startedAt");
        }
        if (ended != null && (ended.isBefore(started) || ended.isAfter(now))) {
            throw new RuleViolation("storage.cold.excursion.endsBeforeStart").on("endedAt");
        }
        if (form.reason() == null || form.reason().isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        ExcursionLevel level = form.level();
        Instant last = ended != null ? ended : now;
        ExcursionTracker.Track track = new ExcursionTracker.Track(
                started,
                ended,
                form.peakC(),
                java.time.Duration.between(started, last).toMinutes(),
                level,
                last,
                ended == null,
                null,
                level == ExcursionLevel.ALARM ? null : now,
                level == ExcursionLevel.DISCARD ? started : null);
        Excursion e = Excursion.opened(
                unit, OpenedHow.MANUAL, rules, track, form.reason().strip(), now, CurrentActor.username());
        store.insert(e);
        history.recordCorrection(
                HISTORY_TYPE,
                e.id(),
                Said.of("storage.history.excursion.openedByHand", unit.code(), Said.label(level), form.peakC()),
                form.reason());
        if (e.holds()) {
            holdInside(e);
        }
        return e.id();
    }

    /** The manager ends an excursion whose readings will not end it (opened by hand, a logger that stopped). */
    @Transactional
    public void end(UUID id, EndExcursionForm form) {
        Excursion e = load(id);
        store.lock(e.storageUnitId());
        Instant at = Moments.of(form.endedAt(), clock);
        if (at.isAfter(Instant.now(clock))) {
            throw new RuleViolation("storage.cold.inFuture").on("endedAt");
        }
        e.endByHand(at);
        store.update(e);
        if (e.holds()) {
            holdInside(e);
        }
        history.recordCorrection(HISTORY_TYPE, e.id(), Said.of("storage.history.excursion.endedByHand"), form.reason());
    }

    /**
     * A manager raises an excursion to the hold or the discard rule with her reason: the milk inside during its
     * window is held at once (for the discard rule, all of it must be discarded). Refused for a milder or the same
     * rule.
     */
    @Transactional
    public void raise(UUID id, RaiseExcursionForm form) {
        Excursion e = load(id);
        store.lock(e.storageUnitId());
        if (form.reason() == null || form.reason().isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        e.raise(form.level(), Instant.now(clock));
        store.update(e);
        history.recordCorrection(
                HISTORY_TYPE,
                e.id(),
                Said.of("storage.history.excursion.raised", Said.label(form.level())),
                form.reason().strip());
        holdInside(e);
    }

    @Transactional
    public void acknowledge(UUID id, AcknowledgeForm form) {
        Excursion e = load(id);
        e.acknowledge(form.note(), Instant.now(clock), CurrentActor.username());
        store.update(e);
        history.record(HISTORY_TYPE, e.id(), Said.of("storage.history.excursion.acknowledged"));
    }

    /**
     * The manager's decision for the named units (none named: every unit not yet decided): release ends the hold
     * with the reason; discard ends it and discards the unit through its own module. Refused whole, changing nothing,
     * while the excursion is open, for a unit it does not hold or already decided, and a release of milk the discard
     * rule reached.
     */
    @Transactional
    public int decide(UUID id, DecisionForm form) {
        Excursion e = load(id);
        if (e.track().open()) {
            throw new RuleViolation("storage.cold.decision.stillOpen", e.storageUnitCode());
        }
        if (form.decision() == null) {
            throw new RuleViolation("storage.cold.decision.required").on("decision");
        }
        if (form.reason() == null || form.reason().isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        String reason = form.reason().strip();
        Map<UUID, ExcursionView.HeldUnit> held = store.heldUnits(id).stream()
                .collect(Collectors.toMap(ExcursionView.HeldUnit::unitId, Function.identity()));
        List<ExcursionView.HeldUnit> chosen = new ArrayList<>();
        Collection<UUID> named = form.unitIds() == null ? List.of() : form.unitIds();
        if (named.isEmpty()) {
            held.values().stream()
                    .filter(u -> u.decision() == null)
                    .sorted(Comparator.comparing(ExcursionView.HeldUnit::label))
                    .forEach(chosen::add);
        } else {
            for (UUID unitId : named.stream().distinct().toList()) {
                ExcursionView.HeldUnit u = held.get(unitId);
                if (u == null) {
                    throw new RuleViolation("storage.cold.decision.notHeld", unitId).on("unitIds");
                }
                if (u.decision() != null) {
                    throw new RuleViolation(
                            "storage.cold.decision.alreadyDecided", u.label(), Said.label(u.decision()));
                }
                chosen.add(u);
            }
        }
        if (chosen.isEmpty()) {
            throw new RuleViolation("storage.cold.decision.nothingLeft");
        }
        if (form.decision() == ExcursionDecision.RELEASED) {
            List<String> thawed = chosen.stream()
                    .filter(ExcursionView.HeldUnit::mustDiscard)
                    .map(ExcursionView.HeldUnit::label)
                    .toList();
            if (!thawed.isEmpty()) {
                throw new RuleViolation("storage.cold.decision.mustDiscard", String.join("; ", thawed));
            }
        } else {
            chosen.forEach(this::requireDiscardable);
        }
        Instant now = Instant.now(clock);
        for (ExcursionView.HeldUnit u : chosen) {
            boolean release = form.decision() == ExcursionDecision.RELEASED;
            holds.end(u.holdId(), release ? HoldOutcome.RELEASED : HoldOutcome.DISCARDED, reason);
            if (!release) {
                discard(u, reason);
            }
            store.decide(id, u.unitId(), form.decision(), reason, now);
            history.recordCorrection(
                    HISTORY_TYPE,
                    id,
                    Said.of("storage.history.excursion.decided", u.label(), Said.label(form.decision())),
                    reason);
        }
        return chosen.size();
    }

    /** Refuses, before anything is written, a unit its module cannot discard now. */
    private void requireDiscardable(ExcursionView.HeldUnit u) {
        switch (u.kind()) {
            case "BOTTLE" -> {
                BottleView b = inventory.findByDin(din(u)).orElseThrow();
                if (b.state() == BottleState.DISPENSED) {
                    throw new RuleViolation("storage.cold.discard.dispensed", u.label());
                }
            }
            case "CONTAINER" -> {
                RawContainerView c = collection.findByDin(din(u)).orElseThrow();
                if (c.state() == ContainerState.POOLED || c.state() == ContainerState.HELD) {
                    throw new RuleViolation("storage.cold.discard.notInStore", u.label(), Said.label(c.state()));
                }
            }
            default -> throw new RuleViolation("storage.cold.discard.notDiscardable", u.label());
        }
    }

    private void discard(ExcursionView.HeldUnit u, String reason) {
        if ("BOTTLE".equals(u.kind())) {
            if (inventory.findByDin(din(u)).orElseThrow().state() != BottleState.DISCARDED) {
                inventory.discardBottle(din(u), reason);
            }
        } else if (collection.findByDin(din(u)).orElseThrow().state() == ContainerState.RAW_FROZEN) {
            collection.discardContainer(din(u), reason);
        }
    }

    /** The unit's DIN without its check character, as the modules look it up. */
    private static String din(ExcursionView.HeldUnit u) {
        return org.openmilkbank.shared.Din.parse(u.label()).value();
    }

    public ExcursionView find(UUID id) {
        return view(load(id));
    }

    public List<ExcursionView> ofUnit(UUID storageUnitId) {
        return store.excursionsOf(storageUnitId).stream().map(this::view).toList();
    }

    /** Open excursions, alarms not acknowledged and milk not decided: the cold work list and the home page. */
    public List<ExcursionView> needingAttention() {
        return store.excursionsNeedingAttention().stream().map(this::view).toList();
    }

    public List<History.HistoryEntry> history(UUID id) {
        return history.of(HISTORY_TYPE, id);
    }

    private Excursion load(UUID id) {
        return store.excursion(id).orElseThrow(() -> new NotFound("storage.cold.excursion.notFound", id));
    }

    private ExcursionView view(Excursion e) {
        ExcursionTracker.Track t = e.track();
        return new ExcursionView(
                e.id(),
                e.storageUnitId(),
                e.storageUnitCode(),
                e.unitType(),
                e.openedHow(),
                t.startedAt(),
                t.endedAt(),
                t.peak(),
                t.minutesAbove(),
                t.level(),
                e.rules(),
                t.heldAt(),
                t.discardFrom(),
                e.acknowledgedAt(),
                e.acknowledgedBy(),
                e.acknowledgeNote(),
                e.reason(),
                e.openedAt(),
                e.openedBy(),
                store.heldUnits(e.id()));
    }
}
