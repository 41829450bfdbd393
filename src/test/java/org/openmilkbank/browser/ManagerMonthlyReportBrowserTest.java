package org.openmilkbank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.BrowserTest;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A manager opens her month from the Reports part of her menu, finds the volume dispensed today, follows its number to the
 * units behind it, drills into a discard cause (a run whose culture grew) down to its bottles, downloads the monthly
 * report and signs last month's.
 */
class ManagerMonthlyReportBrowserTest extends BrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Test
    void aManagerOpensHerMonthDrillsIntoANumberDownloadsTheReportAndSignsLastMonth() throws Exception {
        DispensingFixtures fixtures = new DispensingFixtures(context);
        var batch = fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 2);
        var infant = fixtures.infantWithConsent();
        fixtures.dispense(infant, batch.bottles().get(0));
        fixtures.dispense(infant, batch.bottles().get(1));
        // a run whose culture after pasteurisation grew: its three bottles are discarded
        var contaminated = fixtures.quarantined(fixtures.containers(3, fixtures.eligibleDonor()), 3);
        Staff.as(
                "tech-recorder",
                Role.LAB_TECHNICIAN,
                () -> context.getBean(PasteurisationManagement.class)
                        .recordPostCulture(
                                contaminated.run().id(),
                                50_000,
                                "Bacillus cereus",
                                contaminated.run().endedAt().plusSeconds(60)));
        String manager = Staff.create(identity, Role.MANAGER);

        signIn(manager, Staff.PASSWORD);
        // her bar is full: her reports are in her own menu, under "Reports"
        openOwnMenu(manager);
        page.getByTestId("nav-reports-dashboard").first().click();
        page.waitForURL(url -> url.endsWith("/reports"));
        var card = page.locator("[data-testid=indicator][data-code=VOLUME_DISPENSED]");
        var number = card.locator("[data-testid=indicator-row]").first().getByTestId("this-month");
        // two bottles of 100 mL today, at least: 0.2 L
        double litres = Double.parseDouble(number.textContent().strip().replace(",", ""));
        assertThat(litres).isGreaterThanOrEqualTo(0.2);
        LocalDate today = LocalDate.now(clock);
        assertThat(number.getAttribute("href"))
                .isEqualTo("/reports/indicators/VOLUME_DISPENSED?breakdown=&from="
                        + YearMonth.from(today).atDay(1) + "&to=" + today);
        assertThat(card.getByTestId("no-target")).isVisible();
        shots("reports-dashboard");

        // the discards of this month by cause: the post-culture number opens the bottles behind it
        page.locator("[data-testid=indicator][data-code=DISCARDED_UNITS]")
                .locator("[data-testid=indicator-row][data-breakdown=POST_CULTURE]")
                .getByTestId("this-month")
                .click();
        page.waitForURL(url -> url.contains("/reports/indicators/DISCARDED_UNITS"));
        for (var bottle : contaminated.bottles()) {
            assertThat(page.getByTestId("units-table"))
                    .containsText(Din.parse(bottle.din()).withCheck());
        }
        shots("reports-drill-post-culture");
        page.goBack();
        page.waitForURL(url -> url.endsWith("/reports"));

        Download download =
                page.waitForDownload(() -> page.getByTestId("monthly-pdf").click());
        String text;
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertThat(text).contains("Monthly report " + YearMonth.from(today), "Volume dispensed", "Not signed yet");

        YearMonth last = YearMonth.from(today).minusMonths(1);
        openOwnMenu(manager);
        page.getByTestId("nav-reports-monthly").first().click();
        page.locator("[data-testid=month-row][data-month='" + last + "']")
                .getByTestId("month-link")
                .click();
        page.getByTestId("signature-password").fill(Staff.PASSWORD);
        page.getByTestId("sign-off-submit").click();
        assertThat(page.getByTestId("flash-success")).containsText(last.toString());
        assertThat(page.locator("[data-testid=sign-off][data-in-force=true]")).containsText("Signed by " + manager);
        shots("reports-signed");
    }

    private void openOwnMenu(String username) {
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(username).setExact(true))
                .click();
        assertThat(page.getByTestId("nav-reports")).isVisible();
    }

    private void shots(String name) throws Exception {
        Files.createDirectories(SHOTS);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }
}
