package org.openmilkbank.network.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.openmilkbank.network.Benchmarks;
import org.openmilkbank.network.HubClient;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A bank's manager asks her hub, through her own bank, where the bank stands among its peers on one indicator (peers
 * anonymous unless named): 422 {@code network.link.none} when the bank is not enrolled, {@code network.hub.unreachable}
 * when the hub cannot be reached.
 */
@RestController
class OurBenchmarksApiController {

    private final HubClient hub;

    OurBenchmarksApiController(HubClient hub) {
        this.hub = hub;
    }

    @GetMapping("/api/v1/network/our-benchmarks")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    Benchmarks.BankView ours(@RequestParam String indicator, @RequestParam(required = false) String month) {
        if (month != null && !month.isBlank()) {
            try {
                YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                throw new RuleViolation("network.benchmarks.refused.month").on("month");
            }
        }
        return fetch(indicator.strip(), month);
    }

    /** The bank's place among its peers on one indicator, as its hub answers it. */
    Benchmarks.BankView fetch(String code, String month) {
        StringBuilder path = new StringBuilder("/api/v1/network/benchmarks?indicator=")
                .append(URLEncoder.encode(code, StandardCharsets.UTF_8));
        if (month != null && !month.isBlank()) {
            path.append("&month=").append(URLEncoder.encode(month.strip(), StandardCharsets.UTF_8));
        }
        return hub.get(path.toString(), Benchmarks.BankView.class);
    }
}
