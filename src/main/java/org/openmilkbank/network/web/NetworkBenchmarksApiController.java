package org.openmilkbank.network.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.openmilkbank.network.Benchmarks;
import org.openmilkbank.network.HubRequests;
import org.openmilkbank.network.NetworkMode;
import org.openmilkbank.reporting.indicators.IndicatorDefinition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A bank's own place in the network's benchmark of a month, by signed request ({@link HubRequests}): the bank itself
 * and its peers, each peer named only when it agreed ({@link Benchmarks#forBank}).
 */
@RestController
class NetworkBenchmarksApiController {

    private final HubRequests requests;
    private final Benchmarks benchmarks;
    private final NetworkMode mode;
    private final Clock clock;

    NetworkBenchmarksApiController(HubRequests requests, Benchmarks benchmarks, NetworkMode mode, Clock clock) {
        this.requests = requests;
        this.benchmarks = benchmarks;
        this.mode = mode;
        this.clock = clock;
    }

    /** 401 unsigned or not the bank's key; 404 an indicator not in the dictionary; 422 an unreadable month. */
    @GetMapping("/api/v1/network/benchmarks")
    @PreAuthorize("permitAll()")
    Benchmarks.BankView benchmark(
            HttpServletRequest request,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String month) {
        String facility = requests.authenticate(request, new byte[0]);
        HubBenchmarksController.hubOnly(mode);
        String code = indicator == null || indicator.isBlank()
                ? benchmarks.dictionary().stream()
                        .filter(IndicatorDefinition::rate)
                        .findFirst()
                        .orElseThrow()
                        .code()
                : indicator.strip();
        return benchmarks.forBank(facility, code, HubBenchmarksController.month(month, benchmarks, clock));
    }
}
