package org.openmilkbank.reporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import org.openmilkbank.reporting.LabDashboard;
import org.openmilkbank.reporting.LabReporting;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Csv;
import org.openmilkbank.shared.web.Messages;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The lab dashboard: contamination, Dornic failures and the pools' nutrients by month, as charts, a table and CSV. */
@Controller
@PreAuthorize(LabDashboardController.VIEW)
class LabDashboardController {

    static final String VIEW = "hasAnyRole('MANAGER', 'LAB_TECHNICIAN', 'ADMIN')";

    private final LabReporting reporting;
    private final Messages messages;

    LabDashboardController(LabReporting reporting, Messages messages) {
        this.reporting = reporting;
        this.messages = messages;
    }

    /** An unreadable period is said beside its field and the default period is shown, with a 422. */
    @GetMapping("/reports/lab")
    @PreAuthorize(VIEW)
    String page(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model,
            HttpServletResponse response) {
        LabReporting.Period period;
        try {
            period = reporting.period(from, to);
        } catch (RuleViolation refused) {
            response.setStatus(422);
            model.addAttribute("periodError", messages.of(refused));
            model.addAttribute("periodErrorField", refused.field().orElse("from"));
            period = reporting.period(null, null);
        }
        model.addAttribute("from", from == null ? period.from().toString() : from);
        model.addAttribute("to", to == null ? period.to().toString() : to);
        model.addAttribute("report", reporting.dashboard(period));
        return "reporting/lab";
    }

    @GetMapping(value = "/reports/lab.csv", produces = "text/csv")
    @PreAuthorize(VIEW)
    @ResponseBody
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LabDashboard report = reporting.dashboard(reporting.period(from, to));
        LabDashboard.Published published = report.published();
        Csv csv = Csv.withHeader(
                messages.get("reporting.lab.col.month"),
                messages.get("reporting.lab.col.poolsCultured"),
                messages.get("reporting.lab.col.poolsFailed"),
                messages.get("reporting.lab.col.preFailedPercent"),
                messages.get(
                        "reporting.lab.col.published", published.preCulture().percent()),
                messages.get("reporting.lab.col.runsSampled"),
                messages.get("reporting.lab.col.runsFailed"),
                messages.get("reporting.lab.col.postFailedPercent"),
                messages.get(
                        "reporting.lab.col.published", published.postCulture().percent()),
                messages.get("reporting.lab.col.containersChecked"),
                messages.get("reporting.lab.col.dornicFailed"),
                messages.get("reporting.lab.col.dornicFailedPercent"),
                messages.get("reporting.lab.col.published", published.dornic().percent()),
                messages.get("reporting.lab.col.poolsWithEnergy"),
                messages.get("reporting.lab.col.meanKcal"),
                messages.get("reporting.lab.col.poolsWithProtein"),
                messages.get("reporting.lab.col.meanProtein"));
        for (LabDashboard.Month m : report.months()) {
            row(csv, m.month().toString(), m, published);
        }
        row(csv, messages.get("reporting.lab.total"), report.total(), published);
        csv.row();
        csv.row(
                messages.get("reporting.lab.col.donor"),
                messages.get("reporting.lab.col.donorPools"),
                messages.get("reporting.lab.col.poolsFailed"),
                messages.get("reporting.lab.col.preFailedPercent"));
        for (LabDashboard.DonorRate d : report.donors()) {
            csv.row(d.donorCode(), d.pools(), d.failed(), plain(d.failedPercent()));
        }
        csv.row();
        csv.row(messages.get("reporting.lab.col.reference"), messages.get("reporting.lab.col.source"));
        csv.row(messages.get("reporting.lab.pre"), published.preCulture().source());
        csv.row(messages.get("reporting.lab.post"), published.postCulture().source());
        csv.row(messages.get("reporting.lab.dornic"), published.dornic().source());
        return csv.download("lab-" + report.from() + "-" + report.to() + ".csv");
    }

    private static void row(Csv csv, String label, LabDashboard.Month m, LabDashboard.Published published) {
        csv.row(
                label,
                m.poolsCultured(),
                m.poolsFailed(),
                plain(m.preCultureFailedPercent()),
                plain(published.preCulture().percent()),
                m.runsSampled(),
                m.runsFailed(),
                plain(m.postCultureFailedPercent()),
                plain(published.postCulture().percent()),
                m.containersChecked(),
                m.dornicFailed(),
                plain(m.dornicFailedPercent()),
                plain(published.dornic().percent()),
                m.poolsWithEnergy(),
                plain(m.meanKcalPerDl()),
                m.poolsWithProtein(),
                plain(m.meanProteinGPerDl()));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
