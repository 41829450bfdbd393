package org.openmilkbank.network.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.YearMonth;
import org.openmilkbank.network.MonthlySharing;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A bank's manager shares a month's indicators with the hub (the month so far, or a month again). */
@RestController
@RequestMapping("/api/v1/network/indicators")
class MonthlySharingApiController {

    private final MonthlySharing sharing;

    MonthlySharingApiController(MonthlySharing sharing) {
        this.sharing = sharing;
    }

    /** What to share: the month, {@code yyyy-MM}. */
    record ShareMonth(@NotNull YearMonth month) {}

    /** The outbox entry that will carry the month. */
    record Shared(YearMonth month, long entry) {}

    @PostMapping
    @PreAuthorize("hasRole('MANAGER')")
    Shared share(@Valid @RequestBody ShareMonth request) {
        return new Shared(request.month(), sharing.share(request.month()));
    }
}
