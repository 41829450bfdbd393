package org.openmilkbank.network.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openmilkbank.network.ExchangeBoard;
import org.openmilkbank.network.ExchangeEntry;
import org.openmilkbank.network.ExchangeMatching;
import org.openmilkbank.network.Forecast;
import org.openmilkbank.network.Forecasts;
import org.openmilkbank.network.NetworkMode;
import org.openmilkbank.network.Shortage;
import org.openmilkbank.shared.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The hub's contingency pages for the network's coordinator (the administrator reads): every bank's days of supply
 * and forecast, who is short, one bank's trend, and the board of requests and offers with what could match.
 */
@Controller
@PreAuthorize(HubForecastController.VIEW)
class HubForecastController {

    static final String VIEW = "hasAnyRole('NETWORK_COORDINATOR', 'ADMIN')";

    private final Forecasts forecasts;
    private final ExchangeBoard board;
    private final NetworkMode mode;

    HubForecastController(Forecasts forecasts, ExchangeBoard board, NetworkMode mode) {
        this.forecasts = forecasts;
        this.board = board;
        this.mode = mode;
    }

    private void hubOnly() {
        if (!mode.isHub()) {
            throw new NotFound("network.hub.only");
        }
    }

    @GetMapping("/hub/forecasts")
    @PreAuthorize(VIEW)
    String forecasts(Model model) {
        hubOnly();
        Set<String> shortNow =
                forecasts.shortages().stream().map(Shortage::facilityCode).collect(Collectors.toSet());
        model.addAttribute("forecasts", forecasts.all());
        model.addAttribute("shortNow", shortNow);
        model.addAttribute("shortages", forecasts.shortages());
        model.addAttribute("threshold", forecasts.thresholdDays());
        model.addAttribute("horizon", forecasts.horizonMonths());
        return "network/hub-forecasts";
    }

    @GetMapping("/hub/forecasts/{code}")
    @PreAuthorize(VIEW)
    String forecast(@PathVariable String code, Model model) {
        hubOnly();
        Forecast forecast = forecasts.forecast(code);
        model.addAttribute("f", forecast);
        List<java.time.YearMonth> months = new java.util.ArrayList<>();
        List<Object> supply = new java.util.ArrayList<>();
        List<Object> demand = new java.util.ArrayList<>();
        List<Object> stock = new java.util.ArrayList<>();
        forecast.history().forEach(m -> {
            months.add(m.month());
            supply.add(m.supplyLitres());
            demand.add(m.demandLitres());
            stock.add(m.stockLitres());
        });
        forecast.ahead().forEach(m -> {
            months.add(m.month());
            supply.add(m.supplyLitres());
            demand.add(m.demandLitres());
            stock.add(m.stockLitres());
        });
        model.addAttribute("chartMonths", months);
        model.addAttribute("chartSupply", joined(supply));
        model.addAttribute("chartDemand", joined(demand));
        model.addAttribute("chartStock", joined(stock));
        model.addAttribute("shortNow", forecasts.isShort(code));
        model.addAttribute("threshold", forecasts.thresholdDays());
        return "network/hub-forecast";
    }

    /** Numbers for the chart's data attributes: plain (not the reader's grouping), empty when unknown. */
    private static String joined(List<Object> values) {
        return values.stream()
                .map(v -> v == null ? "" : ((java.math.BigDecimal) v).toPlainString())
                .collect(Collectors.joining("|"));
    }

    @GetMapping("/hub/exchange")
    @PreAuthorize(VIEW)
    String exchange(Model model) {
        hubOnly();
        List<ExchangeEntry> open = board.open();
        List<ExchangeMatching.Match> matches = board.matches();
        Set<Object> matched = matches.stream()
                .flatMap(m ->
                        java.util.stream.Stream.of(m.request().id(), m.offer().id()))
                .collect(Collectors.toSet());
        model.addAttribute("entries", open);
        model.addAttribute("matches", matches);
        model.addAttribute("matched", matched);
        return "network/hub-exchange";
    }
}
