package org.openmilkbank.network.web;

import java.time.Clock;
import org.openmilkbank.network.Benchmarks;
import org.openmilkbank.network.NetworkMode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The coordinator's benchmarks as JSON: {@code GET /api/v1/hub/benchmarks?indicator=…&month=yyyy-MM&months=1|3|12}. */
@RestController
@PreAuthorize("hasAnyRole('NETWORK_COORDINATOR', 'ADMIN')")
class HubBenchmarksApiController {

    private final Benchmarks benchmarks;
    private final NetworkMode mode;
    private final Clock clock;

    HubBenchmarksApiController(Benchmarks benchmarks, NetworkMode mode, Clock clock) {
        this.benchmarks = benchmarks;
        this.mode = mode;
        this.clock = clock;
    }

    /** 404 for an indicator not in the dictionary (or not a hub), 422 for an unreadable month or period. */
    @GetMapping("/api/v1/hub/benchmarks")
    @PreAuthorize("hasAnyRole('NETWORK_COORDINATOR', 'ADMIN')")
    Benchmarks.Benchmark benchmark(
            @RequestParam String indicator,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) Integer months,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String region) {
        HubBenchmarksController.hubOnly(mode);
        return benchmarks.benchmark(new Benchmarks.Query(
                indicator,
                HubBenchmarksController.month(month, benchmarks, clock),
                months == null ? 1 : months,
                country,
                region));
    }
}
