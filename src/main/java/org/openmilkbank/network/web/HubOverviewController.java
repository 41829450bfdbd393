package org.openmilkbank.network.web;

import java.time.YearMonth;
import java.util.List;
import org.openmilkbank.network.Addenda;
import org.openmilkbank.network.Benchmarks;
import org.openmilkbank.network.Forecasts;
import org.openmilkbank.network.NetworkMode;
import org.openmilkbank.network.Shortage;
import org.openmilkbank.shared.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The network coordinator's first page at the hub: who is short of milk, who does best on each indicator in the
 * latest month the banks reported, and who has adopted the latest emergency addendum.
 */
@Controller
@PreAuthorize(HubOverviewController.VIEW)
class HubOverviewController {

    static final String VIEW = "hasAnyRole('NETWORK_COORDINATOR', 'ADMIN')";

    private final Forecasts forecasts;
    private final Benchmarks benchmarks;
    private final Addenda addenda;
    private final NetworkMode mode;

    HubOverviewController(Forecasts forecasts, Benchmarks benchmarks, Addenda addenda, NetworkMode mode) {
        this.forecasts = forecasts;
        this.benchmarks = benchmarks;
        this.addenda = addenda;
        this.mode = mode;
    }

    /**
     * The overview as data.
     *
     * @param month the latest month any bank reported, {@code null} before the first
     * @param latestAddendum the latest published addendum and each bank's adoption, {@code null} before the first
     */
    record HubOverview(
            List<Shortage> shortages,
            YearMonth month,
            List<Benchmarks.Leader> leaders,
            Addenda.LatestAdoption latestAddendum) {}

    HubOverview overview() {
        if (!mode.isHub()) {
            throw new NotFound("network.hub.only");
        }
        YearMonth month = benchmarks.latestMonth().orElse(null);
        return new HubOverview(
                forecasts.shortages(),
                month,
                month == null ? List.of() : benchmarks.leaders(month),
                addenda.latestAdoption().orElse(null));
    }

    @GetMapping("/hub")
    @PreAuthorize(VIEW)
    String page(Model model) {
        model.addAttribute("o", overview());
        return "network/hub";
    }

    @GetMapping("/api/v1/hub/overview")
    @PreAuthorize(VIEW)
    @ResponseBody
    HubOverview api() {
        return overview();
    }
}
