package org.openmilkbank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.BrowserTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A technician records a run of a pool with its log to follow, imports the control bottle's logger file (layout
 * CB-1), sees the curve and the verdict rule by rule, has its culture read negative, and a second technician
 * releases it: a run judged by its log needs no manual confirmation. The pool was made days ago behind the pages,
 * so that its culture may be read now.
 */
// its released bottles would join the stock the milk path's dispenser is offered, so it has a bank of its own
@org.springframework.test.context.TestPropertySource(properties = "openmilkbank.test.own-context=run-judged-by-log")
class RunJudgedByItsLogBrowserTest extends BrowserTest {

    /** The seeded one-probe control-bottle layout, model CB-1 (V151). */
    static final String CB_1 = "6a0c5b9e-4f1d-4e0b-9d8a-1c2e3f4a5b01";

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    PasteurisationManagement runs;

    String recorder;
    String releaser;
    PoolView pool;

    @BeforeEach
    void aReadyPoolOfMilkReceivedDaysAgo() {
        recorder = Staff.create(identity, Role.LAB_TECHNICIAN);
        releaser = Staff.create(identity, Role.LAB_TECHNICIAN);
        pool = ProcessingFixtures.agedReadyPool(context, recorder, 200, 200);
    }

    /** A good cycle logged every minute: 21 min heating, 40 min at 63.0 °C, cooling by 6 °C a minute to 3 °C. */
    static byte[] controlBottleLog(Instant start) {
        StringBuilder s = new StringBuilder("Timestamp,Temp (°C)\r\n");
        for (int m = 0; m < 90; m++) {
            double c = m < 21 ? 20 + m * 2.0 : m <= 61 ? 63.0 : Math.max(3.0, 63.0 - (m - 61) * 6);
            s.append(start.plusSeconds(m * 60L))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.1f", c))
                    .append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRunImportedFromItsLogShowsItsCurveAndVerdictAndIsReleasedByASecondTechnician() {
        // pasteurised days ago, its 90 minutes in the bank's time
        LocalDateTime end = LocalDateTime.ofInstant(
                        ProcessingFixtures.agedReceivedAt().plus(Duration.ofHours(3)), clock.getZone())
                .truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime start = end.minusMinutes(90);

        // a. she records the run with its log to follow
        signIn(recorder, Staff.PASSWORD);
        page.navigate("/runs/new?pool=" + pool.id());
        page.getByTestId("log-to-follow").click();
        Locator form = page.getByTestId("awaiting-form");
        form.locator("#device").fill("PAST-2");
        form.locator("#startedAt").fill(start.toString());
        form.locator("#endedAt").fill(end.toString());
        form.locator("#bottleCount").fill("3");
        form.locator("#bottleVolumeMl").fill("100");
        page.getByTestId("record-awaiting").click();
        assertThat(page).hasURL(Pattern.compile(".*/runs/[0-9a-f-]{36}/curve"));
        assertThat(page.getByTestId("run-state")).hasText("Awaiting its log");
        assertThat(page.getByTestId("curve-none")).isVisible();
        UUID runId = UUID.fromString(page.url().replaceAll(".*/runs/([0-9a-f-]{36})/curve.*", "$1"));
        String runUrl = "/runs/" + runId;

        // b. she imports the control bottle's file from the CB-1 logger
        page.getByTestId("import-layout").selectOption(CB_1);
        page.getByTestId("import-file")
                .setInputFiles(new FilePayload(
                        "cycle.csv",
                        "text/csv",
                        controlBottleLog(start.atZone(clock.getZone()).toInstant())));
        page.getByTestId("import-submit").click();

        // c. the verdict, rule by rule with its numbers, and the curve drawn against the thresholds
        assertThat(page.getByTestId("curve-verdict")).hasText("The curve passed every rule that was checked.");
        Locator rules = page.getByTestId("curve-rules");
        for (String rule : new String[] {"READINGS", "HEATING", "HOLD", "COOLING", "GAP"}) {
            assertThat(rules.locator("tr[data-rule=" + rule + "]")).hasAttribute("data-outcome", "PASSED");
        }
        assertThat(rules.locator("tr[data-outcome=FAILED]")).hasCount(0);
        assertThat(rules.locator("tr[data-rule=HOLD]")).containsText("Passed");
        assertThat(rules.locator("tr[data-rule=HOLD]"))
                .containsText("held at or above 62.5 °C for 40 min (needs 30 min)");
        assertThat(page.locator("canvas#run-curve-chart")).isVisible();
        // the chart is drawn from the page's own sign-in: the browser is never asked for a password
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('run-curve-chart'))"
                + " && Chart.getChart(document.getElementById('run-curve-chart')).data.datasets.length > 1");
        assertThat(page.getByTestId("curve-source")).containsText("cycle.csv");
        assertThat(page.getByTestId("run-state")).hasText("Quarantine");

        // d. the run's page shows the same verdict and chart, and asks no manual confirmation
        page.navigate(runUrl);
        assertThat(page.getByTestId("curve-verdict")).isVisible();
        assertThat(page.locator("canvas#run-curve-chart")).isVisible();
        assertThat(page.getByTestId("run-manual-awaiting")).hasCount(0);
        assertThat(page.getByTestId("run-bottles").locator("tbody tr")).hasCount(3);

        // e. the lab's culture of the run, sampled as it ended, is read negative (behind the pages: the lab's own
        // pages are walked by GuidedCultureInLaoBrowserTest and MilkPathBrowserTest)
        Instant sampledAt = end.plusMinutes(5).atZone(clock.getZone()).toInstant();
        Staff.as(recorder, Role.LAB_TECHNICIAN, () -> runs.recordPostCulture(runId, 0, null, sampledAt));
        page.navigate(runUrl);
        assertThat(page.getByTestId("run-state")).hasText("Culture negative");
        assertThat(page.getByTestId("release-run")).isDisabled();
        signOut();

        // f. a second technician reads what she attests and releases the run with her signature
        signIn(releaser, Staff.PASSWORD);
        page.navigate(runUrl);
        assertThat(page.getByTestId("confirm-manual-form")).hasCount(0);
        assertThat(page.getByTestId("attestations")).containsText("culture is negative");
        assertThat(page.getByTestId("release-run")).isEnabled();
        page.getByTestId("signature-password").fill(Staff.PASSWORD);
        page.getByTestId("release-run").click();
        assertThat(page.getByTestId("flash-success")).containsText("Run released");
        assertThat(page.getByTestId("run-state")).hasText("Released");
        assertThat(page.getByTestId("run-bottles")).containsText("Released");
        assertThat(page.getByTestId("signatures")).containsText(releaser);
    }
}
