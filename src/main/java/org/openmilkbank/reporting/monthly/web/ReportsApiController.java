package org.openmilkbank.reporting.monthly.web;

import jakarta.validation.Valid;
import java.time.YearMonth;
import java.util.List;
import org.openmilkbank.reporting.monthly.MonthView;
import org.openmilkbank.reporting.monthly.MonthlyDashboard;
import org.openmilkbank.reporting.monthly.SignOffForm;
import org.openmilkbank.reporting.monthly.SignOffView;
import org.openmilkbank.reporting.monthly.SignOffs;
import org.openmilkbank.reporting.monthly.TargetForm;
import org.openmilkbank.reporting.monthly.TargetView;
import org.openmilkbank.reporting.monthly.Targets;
import org.openmilkbank.reporting.monthly.WithdrawTargetForm;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The manager's month over JSON: the dashboard's numbers (this month, last month, targets and trends), the
 * targets, the monthly report's PDF and its sign-off. A bad month or a refused change answers 422.
 */
@RestController
class ReportsApiController {

    private final MonthlyDashboard dashboard;
    private final Targets targets;
    private final SignOffs signOffs;
    private final MonthlyReports reports;

    ReportsApiController(MonthlyDashboard dashboard, Targets targets, SignOffs signOffs, MonthlyReports reports) {
        this.dashboard = dashboard;
        this.targets = targets;
        this.signOffs = signOffs;
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/months/{month}")
    @PreAuthorize(MonthlyReports.VIEW)
    MonthView month(@PathVariable String month) {
        return dashboard.month(reports.month(month));
    }

    /** An indicator's targets: its total and each breakdown, in force or withdrawn. */
    record IndicatorTargets(String code, List<TargetView> targets) {}

    @GetMapping("/api/v1/reports/targets/{code}")
    @PreAuthorize(MonthlyReports.VIEW)
    IndicatorTargets targets(@PathVariable String code) {
        return new IndicatorTargets(code, targets.of(code));
    }

    @PutMapping("/api/v1/reports/targets/{code}")
    @PreAuthorize(MonthlyReports.ACT)
    TargetView setTarget(@PathVariable String code, @Valid @RequestBody TargetForm body) {
        return targets.set(code, body);
    }

    @PostMapping("/api/v1/reports/targets/{code}/withdrawal")
    @PreAuthorize(MonthlyReports.ACT)
    TargetView withdrawTarget(@PathVariable String code, @Valid @RequestBody WithdrawTargetForm body) {
        return targets.withdraw(code, body);
    }

    @GetMapping("/api/v1/reports/monthly/{month}.pdf")
    @PreAuthorize(MonthlyReports.VIEW)
    ResponseEntity<byte[]> pdf(@PathVariable String month, @RequestParam(required = false) String lang) {
        return reports.pdf(month, lang);
    }

    /** A month's sign-offs, oldest first, and whether its numbers are still those the one in force signed. */
    record MonthSignOffs(YearMonth month, List<SignOffView> signOffs, Boolean stillAsSigned) {}

    @GetMapping("/api/v1/reports/monthly/{month}/sign-offs")
    @PreAuthorize(MonthlyReports.VIEW)
    MonthSignOffs signOffs(@PathVariable String month) {
        YearMonth m = reports.month(month);
        List<SignOffView> all = signOffs.of(m);
        SignOffView inForce =
                all.stream().filter(SignOffView::inForce).findFirst().orElse(null);
        return new MonthSignOffs(m, all, inForce == null ? null : signOffs.stillAsSigned(inForce, dashboard.month(m)));
    }

    @PostMapping("/api/v1/reports/monthly/{month}/sign-off")
    @PreAuthorize(MonthlyReports.ACT)
    SignOffView signOff(@PathVariable String month, @Valid @RequestBody SignOffForm body) {
        return signOffs.sign(reports.month(month), body);
    }
}
