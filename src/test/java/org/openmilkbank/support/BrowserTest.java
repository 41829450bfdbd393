package org.openmilkbank.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A person's task walked end to end in Debian's Chromium, driven by Playwright, against the whole application
 * on a random port. In CI a missing Chromium fails the build; on a developer machine with only a JDK the
 * browser tests are skipped with a message saying how to install it.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(TestClock.Configuration.class)
public abstract class BrowserTest {

    /** The bank's clock, which a test moves forward when time passes between two steps of a person's task. */
    @org.springframework.beans.factory.annotation.Autowired
    protected TestClock clock;

    private static final Path CHROMIUM =
            Path.of(System.getenv().getOrDefault("OPENMILKBANK_CHROMIUM", "/usr/bin/chromium"));

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    private BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "Chromium not found at " + CHROMIUM
                    + ": install it (apt-get install chromium) or set OPENMILKBANK_CHROMIUM";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message + "; browser tests skipped");
        }
        // shared 2-core machines answer slowly at times; a real failure still fails, just later
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--headless",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    protected void signIn(String username, String password) {
        page.navigate("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    /**
     * Leaves the page first, so nothing it still loads (an htmx fragment fired on load) goes out without the
     * session, opens a new one and sets its cookie over the next sign-in's: the sign-in form would then post
     * another session's CSRF token and be refused where it stands, on /login.
     */
    protected void signOut() {
        page.navigate("about:blank");
        context.clearCookies();
    }
}
