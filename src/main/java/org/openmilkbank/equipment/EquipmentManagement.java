package org.openmilkbank.equipment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openmilkbank.equipment.CalibrationStanding.Standing;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.TextLimits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The equipment register: instruments, their status over time and repairs, and what other modules ask of an
 * instrument: its standing at a moment and a pasteuriser's heat-penetration study then. Calibrations are
 * {@link Calibrations}, studies {@link HeatPenetrationStudies}.
 */
@Service
@Transactional(readOnly = true)
public class EquipmentManagement {

    /** The history's record type: every event of an instrument, its calibrations and studies included. */
    public static final String EQUIPMENT = "Equipment";

    public static final int DEFAULT_DUE_WITHIN_DAYS = 14;

    private final EquipmentRepository equipment;
    private final StatusChangeRepository statuses;
    private final RepairRepository repairs;
    private final CalibrationRepository calibrations;
    private final HeatPenetrationStudyRepository studies;
    private final History history;
    private final Clock clock;

    EquipmentManagement(
            EquipmentRepository equipment,
            StatusChangeRepository statuses,
            RepairRepository repairs,
            CalibrationRepository calibrations,
            HeatPenetrationStudyRepository studies,
            History history,
            Clock clock) {
        this.equipment = equipment;
        this.statuses = statuses;
        this.repairs = repairs;
        this.calibrations = calibrations;
        this.studies = studies;
        this.history = history;
        this.clock = clock;
    }

    @Transactional
    public EquipmentView register(NewEquipment details) {
        Instant now = clock.instant();
        Equipment.Details d = Equipment.details(details, parentOf(details, null));
        requireCodeFree(d.code(), null);
        Instant from = details.inServiceFrom() == null ? now : details.inServiceFrom();
        if (from.isAfter(now)) {
            throw new RuleViolation("equipment.inServiceFromFuture").on("inServiceFrom");
        }
        Equipment e = new Equipment(d, CurrentActor.username(), now);
        equipment.save(e);
        statuses.save(new StatusChange(e.id(), EquipmentStatus.IN_SERVICE, from, null, CurrentActor.username(), now));
        history.record(
                EQUIPMENT,
                e.id(),
                Said.of("equipment.history.registered", Said.label(d.kind()), d.code(), d.name(), day(from)));
        return e.view();
    }

    @Transactional
    public EquipmentView amend(UUID id, NewEquipment details, String reason) {
        requireReason(reason);
        Equipment e = instrument(id);
        Equipment.Details d = Equipment.details(details, parentOf(details, id));
        requireCodeFree(d.code(), id);
        List<Said> changes = e.amend(d);
        if (changes.isEmpty()) {
            throw new RuleViolation("equipment.nothingChanged");
        }
        history.recordCorrection(EQUIPMENT, id, Said.of("equipment.history.amended", changes), reason);
        return e.view();
    }

    /** In service, out of service or retired from now on, with the reason. */
    @Transactional
    public EquipmentView changeStatus(UUID id, EquipmentStatus to, String reason) {
        requireReason(reason);
        Equipment e = instrument(id);
        EquipmentStatus from = e.status();
        e.changeStatus(to);
        Instant now = clock.instant();
        statuses.save(new StatusChange(id, to, now, reason.strip(), CurrentActor.username(), now));
        history.recordCorrection(
                EQUIPMENT, id, Said.of("equipment.history.statusChanged", Said.label(from), Said.label(to)), reason);
        return e.view();
    }

    /** A repair; a pasteuriser's repair invalidates every heat-penetration study made before it. */
    @Transactional
    public RepairView recordRepair(UUID id, Instant repairedAt, String description) {
        Equipment e = instrument(id);
        Instant now = clock.instant();
        Instant at = repairedAt == null ? now : repairedAt;
        if (at.isAfter(now)) {
            throw new RuleViolation("equipment.repair.inFuture").on("repairedAt");
        }
        if (description == null || description.isBlank()) {
            throw new RuleViolation("equipment.repair.descriptionRequired").on("description");
        }
        if (description.strip().length() > TextLimits.NOTE) {
            throw new RuleViolation("equipment.tooLong", TextLimits.NOTE).on("description");
        }
        Repair repair = new Repair(id, at, description.strip(), CurrentActor.username(), now);
        repairs.save(repair);
        int invalidated = 0;
        if (e.kind() == EquipmentKind.PASTEURISER) {
            for (HeatPenetrationStudy s : studies.findByPasteuriserIdOrderByStudiedAtDesc(id)) {
                if (s.invalidate(InvalidationCause.REPAIR, description.strip(), at)) {
                    invalidated++;
                }
            }
        }
        history.record(EQUIPMENT, id, Said.of("equipment.history.repaired", day(at), description.strip(), invalidated));
        return repair.view();
    }

    public Optional<EquipmentView> find(UUID id) {
        return id == null ? Optional.empty() : equipment.findById(id).map(Equipment::view);
    }

    /** The instrument by the code engraved or stuck on it, as scanned (case and surrounding spaces ignored). */
    public Optional<EquipmentView> findByCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return equipment.findByCode(code.strip()).map(Equipment::view);
    }

    /** The instruments of one kind (all kinds when null), by code; retired ones included. */
    public List<EquipmentView> list(EquipmentKind kind) {
        return (kind == null ? equipment.findAllByOrderByKindAscCodeAsc() : equipment.findByKindOrderByCodeAsc(kind))
                .stream().map(Equipment::view).toList();
    }

    public List<EquipmentView> children(UUID id) {
        return equipment.findByParentIdOrderByCodeAsc(id).stream()
                .map(Equipment::view)
                .toList();
    }

    public List<StatusChangeView> statusHistory(UUID id) {
        return statuses.findByEquipmentIdOrderByEffectiveAtAsc(id).stream()
                .map(StatusChange::view)
                .toList();
    }

    public List<RepairView> repairs(UUID id) {
        return repairs.findByEquipmentIdOrderByRepairedAtDesc(id).stream()
                .map(Repair::view)
                .toList();
    }

    /**
     * What was true of the instrument's calibration at that moment: the calibration in force then, whether it was
     * overdue then, whether a later calibration found it out of tolerance, whether it was in service then.
     */
    public CalibrationStanding standingAt(UUID equipmentId, Instant at) {
        if (at == null) {
            throw new RuleViolation("equipment.standing.momentRequired").on("at");
        }
        instrument(equipmentId);
        return standings(List.of(equipmentId), at).get(equipmentId);
    }

    /** The pasteuriser's latest heat-penetration study made at or before that moment, with its invalidation. */
    public Optional<HeatPenetrationStudyView> heatPenetrationAt(UUID pasteuriserId, Instant at) {
        if (at == null) {
            throw new RuleViolation("equipment.standing.momentRequired").on("at");
        }
        return studies.findByPasteuriserIdOrderByStudiedAtDesc(pasteuriserId).stream()
                .map(HeatPenetrationStudy::view)
                .filter(s -> !s.studiedAt().isAfter(at))
                .findFirst();
    }

    /** Every instrument (of a kind, or all) with its standing now. */
    public List<InstrumentRow> rows(EquipmentKind kind) {
        List<EquipmentView> all = list(kind);
        Map<UUID, CalibrationStanding> now =
                standings(all.stream().map(EquipmentView::id).toList(), clock.instant());
        return all.stream().map(e -> new InstrumentRow(e, now.get(e.id()))).toList();
    }

    public EquipmentWorkList workList(Integer withinDays) {
        int within = withinDays == null ? DEFAULT_DUE_WITHIN_DAYS : withinDays;
        if (within < 0 || within > 366) {
            throw new RuleViolation("equipment.workList.withinOutOfRange", within, 0, 366).on("within");
        }
        LocalDate today = LocalDate.now(clock);
        List<InstrumentRow> overdue = new ArrayList<>();
        List<InstrumentRow> dueSoon = new ArrayList<>();
        List<InstrumentRow> outOfTolerance = new ArrayList<>();
        List<InstrumentRow> outOfService = new ArrayList<>();
        for (InstrumentRow row : rows(null)) {
            EquipmentStatus status = row.equipment().status();
            if (status == EquipmentStatus.RETIRED) {
                continue;
            }
            if (status == EquipmentStatus.OUT_OF_SERVICE) {
                outOfService.add(row);
                continue;
            }
            Standing s = row.standing().standing();
            if (s == Standing.OUT_OF_TOLERANCE) {
                outOfTolerance.add(row);
            } else if (s == Standing.OVERDUE || s == Standing.NEVER_CALIBRATED) {
                overdue.add(row);
            } else if (s == Standing.GOOD && !row.standing().dueOn().isAfter(today.plusDays(within))) {
                dueSoon.add(row);
            }
        }
        Comparator<InstrumentRow> byDue =
                Comparator.comparing(r -> r.standing().dueOn(), Comparator.nullsFirst(Comparator.naturalOrder()));
        overdue.sort(byDue);
        dueSoon.sort(byDue);
        return new EquipmentWorkList(today, within, overdue, dueSoon, outOfTolerance, outOfService);
    }

    /** The standing of several instruments at one moment, in two queries. */
    Map<UUID, CalibrationStanding> standings(List<UUID> ids, Instant at) {
        Set<UUID> wanted = new HashSet<>(ids);
        Map<UUID, List<StandingPolicy.StatusFact>> byStatus = statuses.findByEquipmentIdIn(wanted).stream()
                .collect(Collectors.groupingBy(
                        StatusChange::equipmentId, Collectors.mapping(StatusChange::fact, Collectors.toList())));
        Map<UUID, List<StandingPolicy.CalibrationFact>> byCalibration =
                calibrations.findByEquipmentIdInAndVoidedAtIsNull(wanted).stream()
                        .collect(Collectors.groupingBy(
                                Calibration::equipmentId, Collectors.mapping(Calibration::fact, Collectors.toList())));
        Map<UUID, CalibrationStanding> result = new java.util.HashMap<>();
        for (UUID id : ids) {
            result.put(
                    id,
                    StandingPolicy.at(
                            id,
                            byStatus.getOrDefault(id, List.of()),
                            byCalibration.getOrDefault(id, List.of()),
                            at,
                            clock.getZone()));
        }
        return result;
    }

    LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, clock.getZone());
    }

    Equipment instrument(UUID id) {
        return equipment.findById(id).orElseThrow(() -> new NotFound("equipment.notFound", id));
    }

    /** The parent's id from its code: an existing pasteuriser, logger, freezer or fridge, never itself or below it. */
    private UUID parentOf(NewEquipment details, UUID self) {
        if (details == null
                || details.parentCode() == null
                || details.parentCode().isBlank()) {
            return null;
        }
        Equipment parent = equipment
                .findByCode(details.parentCode().strip())
                .orElseThrow(() -> new RuleViolation(
                                "equipment.parentUnknown", details.parentCode().strip())
                        .on("parentCode"));
        if (!parent.kind().mayBeParent()) {
            throw new RuleViolation("equipment.parentKindNotAllowed", parent.code(), Said.label(parent.kind()))
                    .on("parentCode");
        }
        // walk up from the parent: meeting the instrument itself would make a loop
        UUID up = parent.id();
        for (int depth = 0; up != null && depth < 20; depth++) {
            if (up.equals(self)) {
                throw new RuleViolation("equipment.parentLoop", parent.code()).on("parentCode");
            }
            up = equipment.findById(up).map(Equipment::parentId).orElse(null);
        }
        return parent.id();
    }

    private void requireCodeFree(String code, UUID self) {
        equipment.findByCode(code).filter(other -> !other.id().equals(self)).ifPresent(other -> {
            throw new RuleViolation("equipment.codeTaken", code).on("code");
        });
    }

    static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        if (reason.strip().length() > TextLimits.REASON) {
            throw new RuleViolation("equipment.tooLong", TextLimits.REASON).on("reason");
        }
    }
}
