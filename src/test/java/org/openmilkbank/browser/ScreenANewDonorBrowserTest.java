package org.openmilkbank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.BrowserTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;

/** A coordinator registers a donor, interviews her, a manager countersigns, her blood tests come back negative. */
class ScreenANewDonorBrowserTest extends BrowserTest {

    @Autowired
    IdentityManagement identity;

    @Autowired
    Standards standards;

    @Test
    void screenANewDonorToEligibility() {
        Staff.asSystem(() -> {
            identity.create("coord-screen", "Coordinator", Staff.PASSWORD, Set.of(Role.DONOR_COORDINATOR));
            identity.create("manager-screen", "Manager", Staff.PASSWORD, Set.of(Role.MANAGER));
        });
        signIn("coord-screen", Staff.PASSWORD);
        page.navigate("/donors");
        Locator register = page.getByTestId("register-form");
        register.getByLabel("Given name").fill("Malaythong");
        register.getByLabel("Family name").fill("Keomany");
        register.getByLabel("Birth date").fill("1994-05-10");
        page.getByTestId("register-submit").click();
        assertThat(page.getByTestId("eligibility-status")).hasText("Applicant");

        Locator form = page.getByTestId("screening-form");
        form.getByLabel("Interview", new Locator.GetByLabelOptions().setExact(true))
                .selectOption("PHONE");
        for (Locator select : form.locator("select[name^=answers]").all()) {
            select.selectOption("NO");
        }
        for (Locator input : form.locator("input[name^=answers]").all()) {
            input.fill("number".equals(input.getAttribute("type")) ? "0" : "none");
        }
        page.getByTestId("screening-submit").click();
        assertThat(page.getByTestId("screening-state")).hasText("Waiting for approval");
        assertThat(page.getByTestId("eligibility-status")).hasText("In screening");
        // she signs: reads what she attests and enters her own password again
        assertThat(page.getByTestId("attestations")).containsText("I reviewed every answer with the donor.");
        page.getByTestId("signature-password").fill(Staff.PASSWORD);
        page.getByTestId("screening-approve").click();
        assertThat(page.locator(".alert-success")).containsText("second staff member");
        assertThat(page.getByTestId("eligibility-reasons")).containsText("awaiting a second person");

        signOut();
        signIn("manager-screen", Staff.PASSWORD);
        page.navigate("/donors?q=Keomany");
        page.locator("a.din").first().click();
        page.getByTestId("signature-password").fill("not-my-password");
        page.getByTestId("screening-approve").click();
        assertThat(page.getByTestId("error-signaturePassword")).isVisible();
        assertThat(page.getByTestId("screening-state")).hasText("Waiting for approval");
        page.getByTestId("signature-password").fill(Staff.PASSWORD);
        page.getByTestId("screening-approve").click();
        assertThat(page.getByTestId("screening-state")).hasText("Approved");
        assertThat(page.getByTestId("signature-entry")).hasCount(2);
        assertThat(page.getByTestId("signatures")).containsText("Screening approved");

        signOut();
        signIn("coord-screen", Staff.PASSWORD);
        page.navigate("/donors?q=Keomany");
        page.locator("a.din").first().click();
        String today = LocalDate.now().toString();
        // one blood sample, every test of the panel, one submit
        Locator serology = page.getByTestId("serology-form");
        serology.getByLabel("Sample date").fill(today);
        for (String test : standards.activeProfile().serologyPanel()) {
            serology.getByTestId("outcome-" + test).selectOption("NEGATIVE");
        }
        page.getByTestId("serology-submit").click();
        for (String test : standards.activeProfile().serologyPanel()) {
            assertThat(page.getByTestId("serology-success")).containsText(test);
        }
        assertThat(page.getByTestId("eligibility-status")).hasText("Eligible");
        page.getByTestId("timeline-link").click();
        assertThat(page.getByTestId("timeline")).containsText("Screening");
    }
}
