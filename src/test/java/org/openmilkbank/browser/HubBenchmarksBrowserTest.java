package org.openmilkbank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openmilkbank.network.IndicatorBatchFixtures.count;
import static org.openmilkbank.network.IndicatorBatchFixtures.rate;

import com.microsoft.playwright.Locator;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.network.BatchIntake;
import org.openmilkbank.network.IndicatorBatchFixtures;
import org.openmilkbank.network.NetworkHub;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.BrowserTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A network coordinator compares six banks' post-pasteurisation culture positives at the hub: the funnel plot is
 * drawn, the banks are ranked and the bank far above the network's rate is marked, on a desk and on a phone.
 */
class HubBenchmarksBrowserTest extends BrowserTest {

    @Autowired
    NetworkHub hub;

    @Autowired
    BatchIntake intake;

    @Autowired
    JsonMapper json;

    @Autowired
    IdentityManagement identity;

    @Test
    void aCoordinatorSeesTheFunnelPlotTheRankedBanksAndTheOutlier() {
        YearMonth month = YearMonth.of(2031, 3);
        // the hub keeps a country code in capitals
        String country = ("B" + UUID.randomUUID().toString().substring(0, 5)).toUpperCase(java.util.Locale.ROOT);
        var fixtures = new IndicatorBatchFixtures(hub, intake, json);
        int[] positives = {1, 2, 0, 1, 2, 14};
        List<IndicatorBatchFixtures.TestBank> banks = new ArrayList<>();
        for (int i = 0; i < positives.length; i++) {
            var bank = fixtures.bank("BRW" + i, country, i < 3 ? "North" : "South");
            bank.send(
                    month,
                    Map.of("POST_CULTURE_POSITIVE_RATE", rate(positives[i], 50), "RUNS", count(50)),
                    Map.of("orders.criteria.below-weeks", "32"));
            banks.add(bank);
        }
        String coordinator = Staff.create(identity, Role.NETWORK_COORDINATOR);

        signIn(coordinator, Staff.PASSWORD);
        page.navigate("/hub/benchmarks");
        page.getByTestId("benchmarks-indicator").selectOption("POST_CULTURE_POSITIVE_RATE");
        page.getByTestId("benchmarks-month").fill(month.toString());
        page.getByTestId("benchmarks-country").selectOption(country);
        page.getByTestId("benchmarks-show").click();

        assertFunnelAndTable(banks);

        page.setViewportSize(390, 844);
        page.reload();
        assertFunnelAndTable(banks);
        Object width = page.evaluate("document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).isLessThanOrEqualTo(390);
    }

    private void assertFunnelAndTable(List<IndicatorBatchFixtures.TestBank> banks) {
        Locator chart = page.getByTestId("benchmarks-chart");
        assertThat(chart).hasAttribute("data-drawn", "true");
        Object drawn = page.evaluate("() => { const c = document.getElementById('benchmark-chart');"
                + " return c.width > 0 && c.height > 0 && Chart.getChart(c).data.datasets[0].data.length; }");
        assertThat(((Number) drawn).intValue()).isEqualTo(6);
        Locator rows = page.getByTestId("benchmarks-table").locator("tbody tr");
        assertThat(rows).hasCount(6);
        // the bank with no positive first, the one with fourteen last and marked outside the limits
        assertThat(rows.first()).containsText(banks.get(2).facilityCode);
        Locator worst = page.getByTestId("benchmark-bank-" + banks.get(5).facilityCode);
        assertThat(rows.last()).containsText(banks.get(5).facilityCode);
        assertThat(worst.getByTestId("benchmark-rank")).hasText("6");
        assertThat(worst.getByTestId("benchmark-outlier")).isVisible();
        assertThat(page.getByTestId("benchmarks-table").getByTestId("benchmark-outlier"))
                .hasCount(1);
    }
}
