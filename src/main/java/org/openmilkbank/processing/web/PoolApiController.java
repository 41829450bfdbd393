package org.openmilkbank.processing.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.processing.PoolVolume;
import org.openmilkbank.processing.PoolVolumes;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/pools")
@PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'MANAGER')")
class PoolApiController {

    private final PoolManagement pools;
    private final PoolVolumes volumes;

    PoolApiController(PoolManagement pools, PoolVolumes volumes) {
        this.pools = pools;
        this.volumes = volumes;
    }

    /**
     * Either the scanned DINs ({@code dins}, as the pool page names them; {@code containerDins} is read too) or the
     * container ids, not both; {@code madeAt} when the pool is recorded after it was made (default now).
     */
    record NewPool(
            @JsonAlias("containerDins") List<@Size(max = TextLimits.CODE) String> dins,
            List<UUID> containerIds,
            java.time.Instant madeAt) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    PoolView create(@Valid @RequestBody NewPool request) {
        boolean dins = request.dins() != null && !request.dins().isEmpty();
        boolean ids = request.containerIds() != null && !request.containerIds().isEmpty();
        if (dins == ids) {
            throw new RuleViolation("processing.pool.dinsOrIds");
        }
        return dins
                ? pools.createPoolFromDins(request.dins(), request.madeAt())
                : pools.createPool(request.containerIds(), request.madeAt());
    }

    @GetMapping
    Paged<PoolView> list(
            @RequestParam(required = false) PoolState state,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Paged.slice(pools.list(state), PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    PoolView one(@PathVariable UUID id) {
        return pools.find(id).orElseThrow(() -> new NotFound("processing.pool.notFound", id));
    }

    /** A neutral hold: its kind, reason code and the unit it sits on; no clinical detail. */
    record HoldDto(String kind, String reasonCode, String on, java.time.Instant placedAt) {}

    /** The active holds that keep the pool out of use (its own, its containers', its donors' windows). */
    @GetMapping("/{id}/holds")
    List<HoldDto> holds(@PathVariable UUID id) {
        PoolView pool = one(id);
        return pools.activeHolds(id).stream()
                .map(h -> new HoldDto(
                        h.kind().name(),
                        h.reasonCode(),
                        h.unitLabel() != null ? h.unitLabel() : pool.dinWithCheck(),
                        h.placedAt()))
                .toList();
    }

    @PostMapping("/{id}/pre-culture")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    PoolView preCulture(@PathVariable UUID id, @Valid @RequestBody PreCultureCounts counts) {
        return pools.recordPreCulture(id, counts.totalCfu(), counts.enterobacteriaceaeCfu(), counts.staphAureusCfu());
    }

    @PostMapping("/{id}/discard")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    PoolView discard(@PathVariable UUID id, @Valid @RequestBody Reason reason) {
        return pools.discard(id, reason.reason());
    }

    /** The pool's volume account: pooled, bottled, sampled, discarded and left (mL), with every movement. */
    @GetMapping("/{id}/volume")
    PoolVolume volume(@PathVariable UUID id) {
        return volumes.of(id);
    }

    /** Closes a pool runs bottled part of: the rest is discarded with the reason; the pool is pasteurised. */
    @PostMapping("/{id}/close")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    PoolVolume close(@PathVariable UUID id, @Valid @RequestBody CloseForm close) {
        return volumes.close(id, close.reason(), close.note());
    }
}
