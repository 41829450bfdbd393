package org.openmilkbank.dispensing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.inventory.BottleView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
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
    List<BottleView> dispensable() {
        return dispensing.offeredBottles(LocalDate.now(clock));
    }
}
