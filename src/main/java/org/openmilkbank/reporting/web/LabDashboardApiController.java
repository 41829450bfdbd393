package org.openmilkbank.reporting.web;

import org.openmilkbank.reporting.LabDashboard;
import org.openmilkbank.reporting.LabReporting;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The lab dashboard's numbers over JSON: the same as its page and its CSV. An unreadable period answers 422. */
@RestController
class LabDashboardApiController {

    private final LabReporting reporting;

    LabDashboardApiController(LabReporting reporting) {
        this.reporting = reporting;
    }

    @GetMapping("/api/v1/reports/lab")
    @PreAuthorize(LabDashboardController.VIEW)
    LabDashboard lab(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return reporting.dashboard(reporting.period(from, to));
    }
}
