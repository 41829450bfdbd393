package org.openmilkbank.network.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    NetworkBenchmarksController(HubClient hub, Benchmarks benchmarks) {
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
            Benchmarks.BankView view = fetch(code, month);
            model.addAttribute("view", view);
            model.addAttribute("month", view.month().toString());
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", Said.of(refused.code(), refused.args()));
        }
        return "network/bank-benchmarks";
    }

    /** The bank's place among its peers on one indicator, as its hub answers it (peers anonymous unless named). */
    Benchmarks.BankView fetch(String code, String month) {
        StringBuilder path = new StringBuilder("/api/v1/network/benchmarks?indicator=")
                .append(URLEncoder.encode(code, StandardCharsets.UTF_8));
        if (month != null && !month.isBlank()) {
            path.append("&month=").append(URLEncoder.encode(month.strip(), StandardCharsets.UTF_8));
        }
        return hub.get(path.toString(), Benchmarks.BankView.class);
    }

    /**
     * The same for the API: a bank's manager asks her hub through her own bank (422 {@code network.link.none} when
     * the bank is not enrolled, {@code network.hub.unreachable} when the hub cannot be reached).
     */
    @GetMapping("/api/v1/network/our-benchmarks")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @org.springframework.web.bind.annotation.ResponseBody
    Benchmarks.BankView api(@RequestParam String indicator, @RequestParam(required = false) String month) {
        if (month != null && !month.isBlank()) {
            try {
                YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                throw new RuleViolation("network.benchmarks.refused.month").on("month");
            }
        }
        return fetch(indicator.strip(), month);
    }
}
