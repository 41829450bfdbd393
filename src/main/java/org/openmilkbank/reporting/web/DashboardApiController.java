package org.openmilkbank.reporting.web;

import org.openmilkbank.reporting.Dashboard;
import org.openmilkbank.reporting.Reporting;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DashboardApiController {

    private final Reporting reporting;

    DashboardApiController(Reporting reporting) {
        this.reporting = reporting;
    }

    @GetMapping("/api/v1/dashboard")
    @PreAuthorize("isAuthenticated()")
    Dashboard dashboard() {
        return reporting.dashboard();
    }
}
