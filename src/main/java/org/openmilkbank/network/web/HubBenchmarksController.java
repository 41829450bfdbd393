package org.openmilkbank.network.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmilkbank.network.Benchmarks;
import org.openmilkbank.network.NetworkMode;
import org.openmilkbank.reporting.indicators.IndicatorDefinition;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The network coordinator's benchmarks and shared data dictionary at the hub: every bank named. A bank's own view
 * of its place (peers anonymous) is elsewhere.
 */
@Controller
@PreAuthorize("hasAnyRole('NETWORK_COORDINATOR', 'ADMIN')")
class HubBenchmarksController {

    private final Benchmarks benchmarks;
    private final NetworkMode mode;
    private final JsonMapper json;
    private final Clock clock;

    HubBenchmarksController(Benchmarks benchmarks, NetworkMode mode, JsonMapper json, Clock clock) {
        this.benchmarks = benchmarks;
        this.mode = mode;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/hub/benchmarks")
    @PreAuthorize("hasAnyRole('NETWORK_COORDINATOR', 'ADMIN')")
    String benchmarks(
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) Integer months,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String region,
            Model model) {
        hubOnly();
        List<IndicatorDefinition> dictionary = benchmarks.dictionary();
        String code = indicator == null || indicator.isBlank()
                ? dictionary.stream()
                        .filter(IndicatorDefinition::rate)
                        .findFirst()
                        .orElse(dictionary.get(0))
                        .code()
                : indicator.strip();
        model.addAttribute("dictionary", dictionary);
        model.addAttribute("places", benchmarks.places());
        model.addAttribute("periods", Benchmarks.PERIODS);
        model.addAttribute("indicator", code);
        model.addAttribute("months", months == null ? 1 : months);
        model.addAttribute("country", country == null ? "" : country);
        model.addAttribute("region", region == null ? "" : region);
        try {
            YearMonth m = month(month);
            model.addAttribute("month", m.toString());
            Benchmarks.Benchmark b =
                    benchmarks.benchmark(new Benchmarks.Query(code, m, months == null ? 1 : months, country, region));
            model.addAttribute("benchmark", b);
            model.addAttribute("chart", json.writeValueAsString(chart(b)));
        } catch (RuleViolation refused) {
            model.addAttribute("month", month == null ? "" : month);
            model.addAttribute("refusal", org.openmilkbank.shared.Said.of(refused.code(), refused.args()));
        }
        return "network/hub-benchmarks";
    }

    @GetMapping("/hub/dictionary")
    @PreAuthorize("hasAnyRole('NETWORK_COORDINATOR', 'ADMIN')")
    String dictionary(
            @RequestParam(required = false) String month, @RequestParam(required = false) String country, Model model) {
        hubOnly();
        YearMonth m;
        try {
            m = month(month);
        } catch (RuleViolation refused) {
            m = defaultMonth();
            model.addAttribute("refusal", org.openmilkbank.shared.Said.of(refused.code(), refused.args()));
        }
        model.addAttribute("month", m.toString());
        model.addAttribute("country", country == null ? "" : country);
        model.addAttribute("places", benchmarks.places());
        model.addAttribute("dictionary", benchmarks.dictionary());
        model.addAttribute("definitions", benchmarks.definitions(m, country));
        return "network/hub-dictionary";
    }

    private void hubOnly() {
        hubOnly(mode);
    }

    /** Not found unless this installation is the hub. */
    static void hubOnly(NetworkMode mode) {
        if (!mode.isHub()) {
            throw new NotFound("network.hub.only");
        }
    }

    private YearMonth month(String text) {
        return month(text, benchmarks, clock);
    }

    /** The month asked ({@code yyyy-MM}), or the latest any bank reported (else last month) when none is asked. */
    static YearMonth month(String text, Benchmarks benchmarks, Clock clock) {
        if (text == null || text.isBlank()) {
            return benchmarks.latestMonth().orElse(YearMonth.now(clock).minusMonths(1));
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation("network.benchmarks.refused.month").on("month");
        }
    }

    private YearMonth defaultMonth() {
        return benchmarks.latestMonth().orElse(YearMonth.now(clock).minusMonths(1));
    }

    /** What the page's chart draws: the banks' points or bars and, for a rate, the funnel's lines. */
    private static Map<String, Object> chart(Benchmarks.Benchmark b) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("rate", b.definition().rate());
        List<Map<String, Object>> banks = new ArrayList<>();
        for (Benchmarks.BankFigure f : b.banks()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", f.facilityCode());
            one.put("value", f.value());
            one.put("n", f.denominator());
            one.put("outside95", f.outside95());
            one.put("outside998", f.outside998());
            banks.add(one);
        }
        chart.put("banks", banks);
        b.funnel().ifPresent(funnel -> {
            chart.put("pooled", funnel.pooled() * 100);
            chart.put(
                    "limits",
                    funnel.limits().stream()
                            .map(p -> List.of(
                                    p.denominator(),
                                    p.lower95() * 100,
                                    p.upper95() * 100,
                                    p.lower998() * 100,
                                    p.upper998() * 100))
                            .toList());
        });
        return chart;
    }
}
