package org.openmilkbank.inventory.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.TextLimits;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bottles")
@PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'DISPENSER', 'MANAGER')")
class BottleApiController {

    private final Inventory inventory;

    BottleApiController(Inventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping
    Paged<BottleView> list(
            @RequestParam(required = false) BottleState state,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Paged.slice(inventory.inState(state), PageRequest.of(page, size));
    }

    @GetMapping("/{din}")
    BottleView one(@PathVariable String din) {
        return inventory
                .findByDin(Din.parse(din).value())
                .orElseThrow(() -> new NotFound("inventory.bottle.notFound", din));
    }

    record Reason(@NotBlank @Size(max = TextLimits.REASON) String reason) {}

    @PostMapping("/{din}/discard")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    BottleView discard(@PathVariable String din, @Valid @RequestBody Reason reason) {
        return inventory.discardBottle(din, reason.reason());
    }
}
