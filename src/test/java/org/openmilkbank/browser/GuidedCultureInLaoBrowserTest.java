package org.openmilkbank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.BankProfiles;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.BrowserTest;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A technician of a new bank in Laos, working in Lao, follows the guided pre-culture procedure for a pool and the
 * post-culture procedure for its run, by scanner, reads both negative after the profile's incubation, and a second
 * technician releases the run with her signature. The bank's own profile (from NICE), its staff and its pool are
 * made behind the pages.
 */
// the bank's clock moves ahead four days here (the cultures incubate): its own context keeps that from the other
// browser tests, whose fixtures date milk by the real clock
@org.springframework.test.context.TestPropertySource(properties = "openmilkbank.test.own-context=guided-culture")
class GuidedCultureInLaoBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Standards standards;

    @Autowired
    BankProfiles bankProfiles;

    @Autowired
    PoolManagement pools;

    @Autowired
    PasteurisationManagement runs;

    String recorder;
    String releaser;
    PoolView pool;

    @BeforeEach
    void aNewBankWithAPoolAwaitingItsCulture() {
        String code = "LAO" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        Staff.as("admin", Role.ADMIN, () -> {
            bankProfiles.derive(code, "Lao bank", "", "NICE");
            // a bank learning the procedure cultures every run, where NICE asks every tenth
            bankProfiles.change(
                    code,
                    "post-culture.every-runs",
                    "1",
                    java.time.LocalDate.now(context.getBean(java.time.Clock.class)),
                    "a new bank cultures every run while it learns");
            standards.activate(code, "the bank works to its own profile from NICE");
        });
        recorder = Staff.create(identity, Role.LAB_TECHNICIAN);
        releaser = Staff.create(identity, Role.LAB_TECHNICIAN);
        var donation = ProcessingFixtures.receivedDonation(context, 2, 200, 200);
        PoolView[] made = new PoolView[1];
        Staff.as(
                recorder,
                Role.LAB_TECHNICIAN,
                () -> made[0] = pools.createPool(
                        donation.containers().stream().map(c -> c.id()).toList(),
                        DonorFixtures.POOLED_AGO.apply(Instant.now(clock))));
        pool = made[0];
    }

    @AfterEach
    void backToHmbana() {
        Staff.asSystem(() -> standards.activate("HMBANA", "test done"));
    }

    @Test
    void aTechnicianFollowsTheCultureProceduresInLaoAndASecondReleasesTheRun() {
        // a. she scans the pool on the lab's page: the pre-culture procedure, in Lao, with the profile's 48 hours
        signIn(recorder, Staff.PASSWORD);
        page.navigate("/lab?lang=lo");
        assertThat(page.locator("html")).hasAttribute("lang", "lo");
        Locator scan = page.getByTestId("lab-scan");
        assertThat(scan).isFocused();
        scan.pressSequentially(pool.dinWithCheck());
        scan.press("Enter");
        Locator steps = page.getByTestId("procedure-steps");
        assertThat(steps).containsText("ໝາຍແຕ່ລະຂັ້ນເມື່ອເຮັດແລ້ວ");
        assertThat(steps).containsText("ເກັບຕົວຢ່າງແບບປອດເຊື້ອ");
        assertThat(steps).containsText("ບົ່ມຢ່າງໜ້ອຍ 48 ຊົ່ວໂມງ");
        assertThat(page.getByTestId("take-procedure")).containsText("ສະບັບ 1");
        Locator ticks = page.getByTestId("procedure-step-tick");
        assertThat(ticks).hasCount(5);
        for (int i = 0; i < 5; i++) {
            ticks.nth(i).check();
        }
        page.getByTestId("lab-take-submit").click();
        assertThat(page.getByTestId("sample-procedure")).containsText("ການເພາະເຊື້ອກ່ອນການຂ້າເຊື້ອ");
        String preSampleUrl = page.url();

        // b. after the profile's incubation she reads it negative: the pool is ready to pasteurise
        clock.advance(Duration.ofHours(49));
        page.navigate(preSampleUrl);
        // the profile (from NICE) limits three organisms before pasteurisation: each is counted
        page.getByTestId("lab-read-totalViableCount").fill("0");
        page.getByTestId("lab-read-enterobacteriaceae").fill("0");
        page.getByTestId("lab-read-staphAureus").fill("0");
        page.getByTestId("lab-read-submit").click();
        assertThat(page.getByTestId("sample-verdict")).hasText("ຜ່ານ");

        // c. she pasteurises the pool; two hours pass before the run is recorded
        clock.advance(Duration.ofHours(2));
        page.navigate("/pools/" + pool.id());
        page.getByTestId("record-run").click();
        assertThat(page).hasURL(Pattern.compile(".*/runs/new\\?pool=.*"));
        page.locator("#device").fill("PAST-1");
        page.locator("#holdTemperatureC").fill("62.5");
        page.locator("#holdMinutes").fill("30");
        page.locator("#bottleCount").fill("3");
        page.locator("#bottleVolumeMl").fill("100");
        page.getByTestId("record-run").click();
        assertThat(page.getByTestId("run-state")).hasText("ກັກກັນ");
        String runUrl = page.url();
        UUID runId = UUID.fromString(runUrl.replaceAll(".*/runs/([0-9a-f-]{36}).*", "$1"));

        // d. back at the bench, scanning the run's code moves on to its post-culture procedure
        page.navigate(preSampleUrl);
        Locator next = page.getByTestId("lab-next-scan");
        next.pressSequentially(runs.runCode(runId));
        next.press("Enter");
        assertThat(page.getByTestId("procedure-steps")).containsText("ເອົາຂວດໜຶ່ງຂອງຮອບ");
        assertThat(page.getByTestId("take-procedure")).containsText("ການເພາະເຊື້ອຫຼັງການຂ້າເຊື້ອ");
        page.getByTestId("lab-take-submit").click();
        String postSampleUrl = page.url();
        page.getByTestId("lab-read-totalViableCount").fill("0");
        page.getByTestId("lab-read-submit").click();
        // a negative read before the incubation is refused, in her language
        assertThat(page.getByTestId("error-readAt")).isVisible();
        clock.advance(Duration.ofHours(49));
        page.navigate(postSampleUrl);
        page.getByTestId("lab-read-totalViableCount").fill("0");
        page.getByTestId("lab-read-submit").click();
        assertThat(page.getByTestId("sample-verdict")).hasText("ຜ່ານ");
        page.navigate(runUrl);
        assertThat(page.getByTestId("run-state")).hasText("ເພາະເຊື້ອລົບ");
        assertThat(page.getByTestId("release-run")).isDisabled();
        signOut();

        // e. the second technician releases the run with her signature
        signIn(releaser, Staff.PASSWORD);
        page.navigate(runUrl + "?lang=lo");
        // the typed run is a manual record: she confirms it first, in her language
        assertThat(page.getByTestId("run-manual-awaiting")).containsText("ບັນທຶກດ້ວຍມືລໍຖ້າການຢືນຢັນ");
        page.getByTestId("signature-password").fill(Staff.PASSWORD);
        page.getByTestId("confirm-manual").click();
        page.waitForLoadState();
        assertThat(page.getByTestId("flash-success")).isVisible();
        assertThat(page.getByTestId("run-manual-awaiting")).hasCount(0);
        assertThat(page.getByTestId("release-run")).isEnabled();
        page.getByTestId("signature-password").fill(Staff.PASSWORD);
        page.getByTestId("release-run").click();
        assertThat(page.getByTestId("run-state")).hasText("ປ່ອຍແລ້ວ");
        assertThat(page.getByTestId("signatures")).containsText(releaser);
    }
}
