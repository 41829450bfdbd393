package org.openmilkbank.traceability.web;

import java.util.List;
import java.util.UUID;
import org.openmilkbank.traceability.DinTrace;
import org.openmilkbank.traceability.DonorTrace;
import org.openmilkbank.traceability.InfantTrace;
import org.openmilkbank.traceability.LookBack;
import org.openmilkbank.traceability.LookBacks;
import org.openmilkbank.traceability.Traceability;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/trace")
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN', 'DONOR_COORDINATOR', 'LAB_TECHNICIAN')")
class TraceApiController {

    private final Traceability traceability;
    private final LookBacks lookBacks;

    TraceApiController(Traceability traceability, LookBacks lookBacks) {
        this.traceability = traceability;
        this.lookBacks = lookBacks;
    }

    @GetMapping("/donors/{id}/look-back")
    LookBack lookBack(@PathVariable UUID id) {
        return lookBacks.forDonor(id);
    }

    @GetMapping("/blocks")
    List<LookBack.Block> blocks() {
        return lookBacks.blocks();
    }

    @GetMapping("/donors/{id}")
    DonorTrace donor(@PathVariable UUID id) {
        return traceability.fromDonor(id);
    }

    @GetMapping("/infants/{id}")
    InfantTrace infant(@PathVariable UUID id) {
        return traceability.fromInfant(id);
    }

    @GetMapping("/dins/{din}")
    DinTrace din(@PathVariable String din) {
        return traceability.fromDin(din);
    }
}
