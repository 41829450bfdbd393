package org.openmilkbank.logistics.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.logistics.BoxArrival;
import org.openmilkbank.logistics.BoxState;
import org.openmilkbank.logistics.BoxView;
import org.openmilkbank.logistics.ColdChainVerdict;
import org.openmilkbank.logistics.CollectionPointKind;
import org.openmilkbank.logistics.CollectionPointView;
import org.openmilkbank.logistics.IndicatorState;
import org.openmilkbank.logistics.LogisticsManagement;
import org.openmilkbank.logistics.NewCollectionPoint;
import org.openmilkbank.logistics.PickupRunView;
import org.openmilkbank.logistics.StopOutcome;
import org.openmilkbank.logistics.TransportMode;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Collection points, pick-up runs, boxes and the work lists over JSON, mirroring the logistics pages. */
@RestController
@RequestMapping("/api/v1/logistics")
@PreAuthorize(LogisticsRoles.VIEW)
class LogisticsApiController {

    private final LogisticsManagement logistics;
    private final java.time.Clock clock;

    LogisticsApiController(LogisticsManagement logistics, java.time.Clock clock) {
        this.logistics = logistics;
        this.clock = clock;
    }

    record PointBody(
            @Size(max = TextLimits.NAME) String name,
            CollectionPointKind kind,
            @Size(max = TextLimits.ADDRESS) String address,
            @Size(max = TextLimits.REASON) String reason) {}

    record ReasonBody(@Size(max = TextLimits.REASON) String reason) {}

    record RunBody(
            LocalDate plannedOn,
            @Size(max = TextLimits.NAME) String driver) {}

    record StopBody(@Size(max = TextLimits.CODE) String donorCode, UUID collectionPointId) {}

    record BoxBody(@Size(max = TextLimits.CODE) String code, TransportMode mode) {}

    record StopOutcomeBody(
            StopOutcome outcome,
            Integer containers,
            @Size(max = TextLimits.NOTE) String note) {}

    record DepartureBody(Instant departedAt, BigDecimal temperatureC) {}

    record DispatchBody(
            @Size(max = TextLimits.CODE) String code,
            UUID originPointId,
            TransportMode mode,
            Instant departedAt,
            BigDecimal temperatureC) {}

    record ArrivalBody(BigDecimal temperatureC, IndicatorState indicator, Boolean sealIntact, Instant arrivedAt) {}

    record WorkLists(List<LogisticsManagement.ExpectedPickUp> expectedPickUps, List<BoxView> boxesInTransit) {}

    // Collection points

    @GetMapping("/points")
    Paged<CollectionPointView> points(
            @RequestParam(defaultValue = "false") boolean activeOnly,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Paged.slice(logistics.points(activeOnly), PageRequest.of(page, size));
    }

    @GetMapping("/points/{id}")
    CollectionPointView point(@PathVariable UUID id) {
        return logistics.findPoint(id).orElseThrow(() -> new NotFound("logistics.point.notFound", id));
    }

    @PostMapping("/points")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(LogisticsRoles.ACT)
    CollectionPointView createPoint(@Valid @RequestBody PointBody body) {
        return logistics.createPoint(new NewCollectionPoint(body.name(), body.kind(), body.address()));
    }

    @PutMapping("/points/{id}")
    @PreAuthorize(LogisticsRoles.ACT)
    CollectionPointView correctPoint(@PathVariable UUID id, @Valid @RequestBody PointBody body) {
        return logistics.correctPoint(
                id, new NewCollectionPoint(body.name(), body.kind(), body.address()), body.reason());
    }

    @PostMapping("/points/{id}/deactivate")
    @PreAuthorize(LogisticsRoles.ACT)
    CollectionPointView deactivate(@PathVariable UUID id, @Valid @RequestBody ReasonBody body) {
        return logistics.deactivatePoint(id, body.reason());
    }

    @PostMapping("/points/{id}/reactivate")
    @PreAuthorize(LogisticsRoles.ACT)
    CollectionPointView reactivate(@PathVariable UUID id) {
        return logistics.reactivatePoint(id);
    }

    // Pick-up runs

    @GetMapping("/runs")
    Paged<PickupRunView> runs(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return logistics.runs(PageRequest.of(page, size));
    }

    @GetMapping("/runs/{id}")
    PickupRunView run(@PathVariable UUID id) {
        return logistics.findRun(id).orElseThrow(() -> new NotFound("logistics.run.notFound", id));
    }

    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(LogisticsRoles.ACT)
    PickupRunView plan(@Valid @RequestBody RunBody body) {
        return logistics.planRun(body.plannedOn(), body.driver());
    }

    /** A stop is a donor (by scanned code) or a collection point (by id), never both. */
    @PostMapping("/runs/{id}/stops")
    @PreAuthorize(LogisticsRoles.ACT)
    PickupRunView addStop(@PathVariable UUID id, @Valid @RequestBody StopBody body) {
        boolean donor = body.donorCode() != null && !body.donorCode().isBlank();
        if (donor == (body.collectionPointId() != null)) {
            throw new RuleViolation("logistics.stop.donorOrPoint");
        }
        return donor
                ? logistics.addDonorStop(id, body.donorCode())
                : logistics.addPointStop(id, body.collectionPointId());
    }

    @PostMapping("/runs/{id}/boxes")
    @PreAuthorize(LogisticsRoles.ACT)
    PickupRunView addBox(@PathVariable UUID id, @Valid @RequestBody BoxBody body) {
        return logistics.addBox(id, body.code(), body.mode());
    }

    @PostMapping("/runs/{id}/start")
    @PreAuthorize(LogisticsRoles.ACT)
    PickupRunView start(@PathVariable UUID id) {
        return logistics.startRun(id);
    }

    @PostMapping("/runs/{id}/stops/{stopId}")
    @PreAuthorize(LogisticsRoles.ACT)
    PickupRunView recordStop(
            @PathVariable UUID id, @PathVariable UUID stopId, @Valid @RequestBody StopOutcomeBody body) {
        return logistics.recordStop(id, stopId, body.outcome(), body.containers(), body.note());
    }

    @PostMapping("/runs/{id}/return")
    @PreAuthorize(LogisticsRoles.ACT)
    PickupRunView returnRun(@PathVariable UUID id) {
        return logistics.returnRun(id);
    }

    @PostMapping("/runs/{id}/cancel")
    @PreAuthorize(LogisticsRoles.ACT)
    PickupRunView cancel(@PathVariable UUID id, @Valid @RequestBody ReasonBody body) {
        return logistics.cancelRun(id, body.reason());
    }

    // Boxes

    @GetMapping("/boxes")
    Paged<BoxView> boxes(
            @RequestParam(required = false) BoxState state,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return logistics.boxes(state, PageRequest.of(page, size));
    }

    /** The box by its scanned code: the open shipment, or the latest that arrived. */
    @GetMapping("/boxes/by-code/{code}")
    BoxView boxByCode(@PathVariable String code) {
        return logistics.findBox(code).orElseThrow(() -> new NotFound("logistics.box.notFound", code));
    }

    @GetMapping("/boxes/{id}")
    BoxView box(@PathVariable UUID id) {
        return logistics.findBox(id).orElseThrow(() -> new NotFound("logistics.box.notFound", id));
    }

    @GetMapping("/boxes/{id}/cold-chain")
    ColdChainVerdict coldChain(@PathVariable UUID id) {
        return logistics.coldChainOf(id);
    }

    @PostMapping("/boxes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(LogisticsRoles.ACT)
    BoxView dispatch(@Valid @RequestBody DispatchBody body) {
        return logistics.dispatchBox(
                body.code(), body.originPointId(), body.mode(), body.departedAt(), body.temperatureC());
    }

    @PostMapping("/boxes/{id}/departure")
    @PreAuthorize(LogisticsRoles.ACT)
    BoxView depart(@PathVariable UUID id, @RequestBody DepartureBody body) {
        return logistics.departBox(id, body.departedAt(), body.temperatureC());
    }

    @PostMapping("/boxes/by-code/{code}/arrival")
    @PreAuthorize(LogisticsRoles.ACT)
    BoxView arrive(@PathVariable String code, @RequestBody ArrivalBody body) {
        return logistics.arrive(
                code, new BoxArrival(body.temperatureC(), body.indicator(), body.sealIntact(), body.arrivedAt()));
    }

    // Work lists

    @GetMapping("/work-lists")
    WorkLists workLists() {
        return new WorkLists(logistics.expectedPickUps(LocalDate.now(clock)), logistics.boxesInTransit());
    }
}
