package org.openmilkbank.traceability.web;

import java.util.UUID;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.traceability.Lineage;
import org.openmilkbank.traceability.LookBack;
import org.openmilkbank.traceability.LookBacks;
import org.openmilkbank.traceability.TraceResult;
import org.openmilkbank.traceability.Traceability;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN', 'DONOR_COORDINATOR', 'LAB_TECHNICIAN')")
class TraceApiController {

    private final Traceability traceability;
    private final LookBacks lookBacks;

    TraceApiController(Traceability traceability, LookBacks lookBacks) {
        this.traceability = traceability;
        this.lookBacks = lookBacks;
    }

    @GetMapping("/api/v1/trace/donors/{id}/look-back")
    LookBack lookBack(@PathVariable UUID id) {
        return lookBacks.forDonor(id);
    }

    @GetMapping("/api/v1/trace/blocks")
    Paged<LookBack.Block> blocks(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Paged.slice(lookBacks.blocks(), PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/trace/donors/{id}")
    TraceResult donor(@PathVariable UUID id) {
        return traceability.fromDonor(id);
    }

    @GetMapping("/api/v1/trace/infants/{id}")
    TraceResult infant(@PathVariable UUID id) {
        return traceability.fromInfant(id);
    }

    /** A unit by its DIN as scanned, or a run by its code. */
    @GetMapping("/api/v1/trace/dins/{din}")
    TraceResult din(@PathVariable String din) {
        return traceability.fromUnit(din);
    }

    /** A unit's lineage: its units, links, events (type, at, actor, reason code, data) and active holds. */
    @GetMapping("/api/v1/units/{din}/lineage")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN', 'DONOR_COORDINATOR', 'LAB_TECHNICIAN', 'DISPENSER')")
    Lineage lineage(@PathVariable String din) {
        return traceability.lineage(din);
    }
}
