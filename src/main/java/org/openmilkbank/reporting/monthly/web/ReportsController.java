package org.openmilkbank.reporting.monthly.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openmilkbank.reporting.indicators.IndicatorDefinition;
import org.openmilkbank.reporting.indicators.IndicatorSource;
import org.openmilkbank.reporting.monthly.MonthView;
import org.openmilkbank.reporting.monthly.MonthlyDashboard;
import org.openmilkbank.reporting.monthly.SignOffForm;
import org.openmilkbank.reporting.monthly.SignOffView;
import org.openmilkbank.reporting.monthly.SignOffs;
import org.openmilkbank.reporting.monthly.TargetDirection;
import org.openmilkbank.reporting.monthly.TargetForm;
import org.openmilkbank.reporting.monthly.TargetView;
import org.openmilkbank.reporting.monthly.Targets;
import org.openmilkbank.reporting.monthly.WithdrawTargetForm;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.web.Forms;
import org.openmilkbank.shared.web.Messages;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The manager's dashboard, her targets, and the monthly reports with their sign-offs. */
@Controller
@PreAuthorize(MonthlyReports.VIEW)
class ReportsController {

    private final MonthlyDashboard dashboard;
    private final IndicatorSource indicators;
    private final Targets targets;
    private final SignOffs signOffs;
    private final MonthlyReports reports;
    private final Forms forms;
    private final Messages messages;
    private final Clock clock;

    ReportsController(
            MonthlyDashboard dashboard,
            IndicatorSource indicators,
            Targets targets,
            SignOffs signOffs,
            MonthlyReports reports,
            Forms forms,
            Messages messages,
            Clock clock) {
        this.dashboard = dashboard;
        this.indicators = indicators;
        this.targets = targets;
        this.signOffs = signOffs;
        this.reports = reports;
        this.forms = forms;
        this.messages = messages;
        this.clock = clock;
    }

    /** This month so far by default; an unreadable or future month is said beside the picker, with a 422. */
    @GetMapping("/reports")
    @PreAuthorize(MonthlyReports.VIEW)
    String dashboard(@RequestParam(required = false) String month, Model model, HttpServletResponse response) {
        YearMonth now = YearMonth.now(clock);
        YearMonth shown = now;
        if (month != null && !month.isBlank()) {
            try {
                shown = reports.month(month);
            } catch (RuleViolation refused) {
                response.setStatus(422);
                model.addAttribute("monthError", messages.of(refused));
            }
        }
        MonthView view = dashboard.month(shown);
        model.addAttribute("view", view);
        model.addAttribute("month", month != null && model.containsAttribute("monthError") ? month : shown.toString());
        model.addAttribute("thisMonth", now);
        model.addAttribute("signOff", shown.isBefore(now) ? signOffs.inForce(shown) : null);
        return "reporting/dashboard";
    }

    @GetMapping("/reports/targets")
    @PreAuthorize(MonthlyReports.VIEW)
    String targets(Model model) {
        List<TargetView> all = targets.all();
        model.addAttribute("dictionary", indicators.dictionary());
        model.addAttribute(
                "targets",
                all.stream()
                        .filter(TargetView::active)
                        .collect(Collectors.toMap(t -> key(t.code(), t.breakdown()), t -> t)));
        return "reporting/targets";
    }

    @GetMapping("/reports/targets/{code}")
    @PreAuthorize(MonthlyReports.VIEW)
    String target(@PathVariable String code, Model model) {
        return targetPage(code, model);
    }

    @PostMapping("/reports/targets/{code}")
    @PreAuthorize(MonthlyReports.ACT)
    String setTarget(
            @PathVariable String code,
            @Valid @ModelAttribute("target") TargetForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    targets.set(code, form);
                    flash.addFlashAttribute("success", messages.get("reporting.target.saved"));
                    return "redirect:/reports/targets/" + code;
                },
                () -> targetPage(code, model));
    }

    @PostMapping("/reports/targets/{code}/withdraw")
    @PreAuthorize(MonthlyReports.ACT)
    String withdrawTarget(
            @PathVariable String code,
            @Valid @ModelAttribute("withdrawal") WithdrawTargetForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        return forms.submit(
                result,
                () -> {
                    targets.withdraw(code, form);
                    flash.addFlashAttribute("success", messages.get("reporting.target.withdrawnFlash"));
                    return "redirect:/reports/targets/" + code;
                },
                () -> targetPage(code, model));
    }

    private String targetPage(String code, Model model) {
        IndicatorDefinition definition = indicators.dictionary().stream()
                .filter(d -> d.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new NotFound("reporting.indicator.notFound", code));
        List<TargetView> of = targets.of(code);
        Map<UUID, List<org.openmilkbank.shared.History.HistoryEntry>> histories = new java.util.LinkedHashMap<>();
        // one indicator's targets: its total and its few breakdowns
        for (TargetView t : of) {
            histories.put(t.id(), targets.history(t.id()));
        }
        model.addAttribute("definition", definition);
        model.addAttribute("targetsOf", of);
        model.addAttribute("histories", histories);
        model.addAttribute("directions", TargetDirection.values());
        if (!model.containsAttribute("target")) {
            model.addAttribute("target", new TargetForm(null, null, TargetDirection.AT_LEAST, null));
        }
        if (!model.containsAttribute("withdrawal")) {
            model.addAttribute("withdrawal", new WithdrawTargetForm(null, null));
        }
        return "reporting/target";
    }

    @GetMapping("/reports/monthly")
    @PreAuthorize(MonthlyReports.VIEW)
    String monthly(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        model.addAttribute("months", signOffs.months(PageRequest.of(page, size)));
        return "reporting/monthly";
    }

    @GetMapping("/reports/monthly/{month}")
    @PreAuthorize(MonthlyReports.VIEW)
    String monthPage(@PathVariable String month, Model model) {
        return signPage(reports.month(month), model);
    }

    @GetMapping("/reports/monthly/{month}.pdf")
    @PreAuthorize(MonthlyReports.VIEW)
    ResponseEntity<byte[]> pdf(@PathVariable String month, @RequestParam(required = false) String lang) {
        return reports.pdf(month, lang);
    }

    @PostMapping("/reports/monthly/{month}/sign-off")
    @PreAuthorize(MonthlyReports.ACT)
    String signOff(
            @PathVariable String month,
            @Valid @ModelAttribute("signOff") SignOffForm form,
            BindingResult result,
            Model model,
            RedirectAttributes flash) {
        YearMonth m = reports.month(month);
        return forms.submit(
                result,
                () -> {
                    signOffs.sign(m, form);
                    flash.addFlashAttribute("success", messages.get("reporting.signOff.saved", m.toString()));
                    return "redirect:/reports/monthly/" + m;
                },
                () -> signPage(m, model));
    }

    private String signPage(YearMonth month, Model model) {
        MonthView view = dashboard.month(month);
        List<SignOffView> all = signOffs.of(month);
        SignOffView inForce =
                all.stream().filter(SignOffView::inForce).findFirst().orElse(null);
        model.addAttribute("view", view);
        model.addAttribute("signOffs", all);
        model.addAttribute("inForce", inForce);
        model.addAttribute("stillAsSigned", inForce != null && signOffs.stillAsSigned(inForce, view));
        model.addAttribute("over", month.isBefore(YearMonth.now(clock)));
        model.addAttribute("attestations", signOffs.attestations(view));
        model.addAttribute("signatures", signOffs.signatures(month));
        model.addAttribute("history", signOffs.history(month));
        if (!model.containsAttribute("signOff")) {
            model.addAttribute("signOff", new SignOffForm(null, null));
        }
        return "reporting/month";
    }

    static String key(String code, String breakdown) {
        return breakdown == null ? code : code + "/" + breakdown;
    }
}
