package org.openmilkbank.inventory.web;

import jakarta.validation.Valid;
import org.openmilkbank.inventory.BottleJson;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.inventory.Thawing;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
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
    private final Thawing thawing;
    private final java.time.Clock clock;

    BottleApiController(Inventory inventory, Thawing thawing, java.time.Clock clock) {
        this.inventory = inventory;
        this.thawing = thawing;
        this.clock = clock;
    }

    /** Thawed in a fridge or at room temperature; {@code at} is local to the bank's time zone (empty: now). */
    @PostMapping("/{din}/thaw")
    @PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'DISPENSER')")
    BottleJson thaw(@PathVariable String din, @Valid @RequestBody ThawForm form) {
        return BottleJson.of(thawing.thaw(din, form.method(), BottleController.instant(form.at(), clock)));
    }

    @PostMapping("/{din}/warm")
    @PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'DISPENSER')")
    BottleJson warm(@PathVariable String din, @Valid @RequestBody WarmForm form) {
        return BottleJson.of(thawing.warm(din, BottleController.instant(form.at(), clock)));
    }

    @GetMapping
    Paged<BottleJson> list(
            @RequestParam(required = false) BottleState state,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Paged.slice(inventory.inState(state), PageRequest.of(page, size)).map(BottleJson::of);
    }

    @GetMapping("/{din}")
    BottleJson one(@PathVariable String din) {
        return BottleJson.of(inventory
                .findByDin(Din.parse(din).value())
                .orElseThrow(() -> new NotFound("inventory.bottle.notFound", din)));
    }

    @PostMapping("/{din}/discard")
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    BottleJson discard(@PathVariable String din, @Valid @RequestBody DiscardForm reason) {
        return BottleJson.of(inventory.discardBottle(din, reason.reason()));
    }
}
