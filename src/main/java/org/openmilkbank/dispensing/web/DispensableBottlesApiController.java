package org.openmilkbank.dispensing.web;

import java.time.Clock;
import java.time.LocalDate;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.inventory.BottleJson;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DispensableBottlesApiController {

    private final DispensingManagement dispensing;
    private final Clock clock;

    DispensableBottlesApiController(DispensingManagement dispensing, Clock clock) {
        this.dispensing = dispensing;
        this.clock = clock;
    }

    /** Released bottles in date today, first to expire first. */
    @GetMapping("/api/v1/dispensable-bottles")
    // the role matrix's bottles/stock viewers: the ward sees what was dispensed to its infants, not the shelf
    @PreAuthorize("hasAnyRole('DISPENSER', 'MANAGER', 'LAB_TECHNICIAN')")
    Paged<BottleJson> dispensable(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Paged.slice(dispensing.offeredBottles(LocalDate.now(clock)), PageRequest.of(page, size))
                .map(BottleJson::of);
    }
}
