package org.openmilkbank.network.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.openmilkbank.network.UnitEvents;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The hub coordinator's view of a bank's de-identified unit-level events: a month's counts by event type. */
@RestController
class HubUnitEventsApiController {

    private final UnitEvents events;
    private final Clock clock;

    HubUnitEventsApiController(UnitEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * A bank's month of events by type.
     *
     * @param total every event of the month
     */
    record BankMonthEvents(String facilityCode, String month, long total, List<UnitEvents.TypeCount> counts) {}

    /** The month is {@code yyyy-MM}, this month when absent; 404 for a bank not registered, 422 for a bad month. */
    @GetMapping("/api/v1/hub/banks/{code}/events")
    @PreAuthorize("hasAnyRole('NETWORK_COORDINATOR', 'ADMIN')")
    BankMonthEvents events(@PathVariable String code, @RequestParam(required = false) String month) {
        YearMonth m = month == null || month.isBlank() ? YearMonth.now(clock) : UnitEvents.month(month);
        List<UnitEvents.TypeCount> counts = events.countsByTypeOfRegistered(code, m);
        long total = counts.stream().mapToLong(UnitEvents.TypeCount::events).sum();
        return new BankMonthEvents(code, m.toString(), total, counts);
    }
}
