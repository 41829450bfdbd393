package org.openmilkbank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.BrowserTest;
import org.openmilkbank.support.Staff;
import org.openmilkbank.traceability.RecallFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A manager recalls a pool: she scans its DIN, sees the infant who already received a bottle, confirms with a
 * reason, works through the tasks (the lab discards the bottles still in stock), closes the case and downloads
 * its report.
 */
class RecallFromAPoolBrowserTest extends BrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Test
    void aManagerRecallsAPoolSeesTheInfantWorksTheTasksAndClosesWithAReport() throws Exception {
        RecallFixture.Made made = RecallFixture.poolWithADispensedBottle(context);
        String manager = Staff.create(identity, Role.MANAGER);
        String technician = Staff.create(identity, Role.LAB_TECHNICIAN);

        signIn(manager, Staff.PASSWORD);
        page.getByTestId("nav-recalls").first().dispatchEvent("click");
        page.waitForURL(url -> url.endsWith("/recalls"));
        page.getByTestId("recall-unit-code").fill(Din.parse(made.poolDin()).withCheck());
        page.getByTestId("recall-unit-code").press("Enter");
        assertThat(page.getByTestId("recall-infants"))
                .containsText(made.infant().infantCode());
        assertThat(page.getByTestId("recall-units")).containsText(made.runCode());
        shots("recall-preview");

        page.getByTestId("recall-reason").fill("Donor reported a medication after donating");
        page.getByTestId("recall-open").click();
        assertThat(page.getByTestId("recall-status")).hasText("Open");
        String code = page.getByTestId("recall-code").textContent().strip();
        shots("recall-open");

        for (BottleView bottle : made.inStock()) {
            discardAsLab(technician, bottle.din());
        }
        int tasks = page.getByTestId("recall-tasks").locator("li").count();
        for (int n = 1; n <= tasks; n++) {
            page.getByTestId("recall-task-note-" + n).fill("seen to");
            page.getByTestId("recall-task-done-" + n).click();
            assertThat(page.getByTestId("recall-task-status-" + n)).hasText("done");
        }
        page.getByTestId("recall-summary").fill("Bottle retrieved from the ward, stock discarded, clinician told.");
        page.getByTestId("recall-close-button").click();
        assertThat(page.getByTestId("recall-status")).hasText("Closed");
        assertThat(page.getByTestId("flash-success")).containsText(code);
        shots("recall-closed");

        Download download =
                page.waitForDownload(() -> page.getByTestId("recall-report").click());
        byte[] pdf = Files.readAllBytes(download.path());
        org.assertj.core.api.Assertions.assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve("recall-report.pdf"), pdf);
    }

    /** The lab discards a recalled bottle still in stock, through the bank's API. */
    private void discardAsLab(String technician, String din) throws Exception {
        String auth = Base64.getEncoder()
                .encodeToString((technician + ":" + Staff.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/api/v1/bottles/" + din + "/discard"))
                                .header("Authorization", "Basic " + auth)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"recalled\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(response.statusCode())
                .as(response.body())
                .isEqualTo(200);
    }

    /** The page at a desk and a phone width, in English and in Lao. */
    private void shots(String name) throws Exception {
        Files.createDirectories(SHOTS);
        String url = page.url().replaceAll("#.*$", "");
        for (String lang : new String[] {"en", "lo"}) {
            page.navigate(url + (url.contains("?") ? "&" : "?") + "lang=" + lang);
            for (int width : new int[] {1366, 390}) {
                page.setViewportSize(width, 900);
                page.screenshot(new Page.ScreenshotOptions()
                        .setFullPage(true)
                        .setPath(SHOTS.resolve(name + "-" + lang + "-" + width + ".png")));
            }
        }
        page.navigate(url + (url.contains("?") ? "&" : "?") + "lang=en");
        page.setViewportSize(1366, 900);
    }
}
