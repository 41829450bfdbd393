package org.openmilkbank.network.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.openmilkbank.network.Benchmarks;
import org.openmilkbank.network.HubClient;
import org.openmilkbank.reporting.indicators.IndicatorDefinition;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The bank's place in the network: its hub's benchmark of a month as the bank may see it (itself, and peers by number
 * unless they agreed to be named), fetched from the hub by signed request. When the bank is not enrolled or the hub
 * cannot be reached the page says so.
 */
@Controller
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
class NetworkBenchmarksController {

    private final HubClient hub;
    private final Benchmarks benchmarks;

    private final OurBenchmarksApiController ours;

    NetworkBenchmarksController(HubClient hub, Benchmarks benchmarks, OurBenchmarksApiController ours) {
        this.ours = ours;
        this.hub = hub;
        this.benchmarks = benchmarks;
    }

    @GetMapping("/network/benchmarks")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    String benchmarks(
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String month,
            Model model) {
        var dictionary = benchmarks.dictionary();
        String code = indicator == null || indicator.isBlank()
                ? dictionary.stream()
                        .filter(IndicatorDefinition::rate)
                        .findFirst()
                        .orElse(dictionary.get(0))
                        .code()
                : indicator.strip();
        model.addAttribute("dictionary", dictionary);
        model.addAttribute("indicator", code);
        model.addAttribute("month", month == null ? "" : month.strip());
        try {
            if (month != null && !month.isBlank()) {
                try {
                    YearMonth.parse(month.strip());
                } catch (DateTimeParseException e) {
                    throw new RuleViolation("network.benchmarks.refused.month").on("month");
                }
            }
            Benchmarks.BankView view = ours.fetch(code, month);
            model.addAttribute("view", view);
            model.addAttribute("month", view.month().toString());
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", Said.of(refused.code(), refused.args()));
        }
        return "network/bank-benchmarks";
    }
}
