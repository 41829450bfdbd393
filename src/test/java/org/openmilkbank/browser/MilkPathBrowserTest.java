package org.openmilkbank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.BrowserTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The milk's whole path walked in the browser by the people who do it: the coordinator screens a donor and
 * receives her milk, one lab technician pools and pasteurises it, a second one releases it, the ward registers
 * an infant, the dispensary gives her a bottle, and the manager traces both ways. Only the staff accounts are
 * made behind the pages.
 */
// it counts the bottles its dispenser is offered: other browser tests release bottles too, so it has a bank of its own
@org.springframework.test.context.TestPropertySource(properties = "openmilkbank.test.own-context=milk-path")
class MilkPathBrowserTest extends BrowserTest {

    @Autowired
    IdentityManagement identity;

    String coordinator;
    String recorder;
    String releaser;
    String nurse;
    String dispenser;
    String manager;
    LocalDate today;

    @BeforeEach
    void staff() {
        coordinator = Staff.create(identity, Role.DONOR_COORDINATOR);
        recorder = Staff.create(identity, Role.LAB_TECHNICIAN);
        releaser = Staff.create(identity, Role.LAB_TECHNICIAN);
        nurse = Staff.create(identity, Role.NURSE);
        dispenser = Staff.create(identity, Role.DISPENSER);
        manager = Staff.create(identity, Role.MANAGER);
        today = LocalDate.now(clock);
    }

    @Test
    void milkGoesFromAScreenedDonorToAnInfantAndIsTracedBothWays() {
        // a. the coordinator registers a donor and records a negative result for every test of the panel
        signIn(coordinator, Staff.PASSWORD);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Donors").setExact(true))
                .click();
        String familyName = "Pham-" + UUID.randomUUID().toString().substring(0, 6);
        page.getByLabel("Given name").fill("Lan");
        page.getByLabel("Family name").fill(familyName);
        page.getByLabel("Birth date").fill("1992-05-17");
        page.getByTestId("register-submit").click();
        assertThat(page.getByTestId("flash-success")).containsText(familyName);
        String donorCode = page.getByTestId("donor-code").innerText().strip();
        assertThat(page.getByTestId("eligibility-status")).hasText("Applicant");
        String donorPage = page.url();

        // her screening interview, approved by the coordinator and, as HMBANA asks, a second staff member
        Locator interview = page.getByTestId("screening-form");
        interview
                .getByLabel("Interview", new Locator.GetByLabelOptions().setExact(true))
                .selectOption("IN_PERSON");
        for (Locator select : interview.locator("select[name^=answers]").all()) {
            select.selectOption("NO");
        }
        for (Locator input : interview.locator("input[name^=answers]").all()) {
            input.fill("number".equals(input.getAttribute("type")) ? "0" : "none");
        }
        page.getByTestId("screening-submit").click();
        assertThat(page.getByTestId("eligibility-status")).hasText("In screening");
        page.getByTestId("signature-password").fill(Staff.PASSWORD);
        page.getByTestId("screening-approve").click();
        signOut();
        signIn(manager, Staff.PASSWORD);
        page.navigate(donorPage);
        page.getByTestId("signature-password").fill(Staff.PASSWORD);
        page.getByTestId("screening-approve").click();
        assertThat(page.getByTestId("screening-state")).hasText("Approved");
        signOut();
        signIn(coordinator, Staff.PASSWORD);
        page.navigate(donorPage);
        assertThat(page.getByTestId("eligibility-status")).not().hasText("Eligible");

        // one blood sample: the date once and a result for every test of the panel
        Locator serology = page.getByTestId("serology-form");
        List<Locator> outcomes = serology.locator("select[name^=outcomes]").all();
        assertThat(outcomes).isNotEmpty();
        serology.getByLabel("Sample date").fill(today.toString());
        for (Locator outcome : outcomes) {
            outcome.selectOption("NEGATIVE");
        }
        page.getByTestId("serology-submit").click();
        assertThat(page.getByTestId("serology-success")).isVisible();
        assertThat(page.getByTestId("serology-table")).containsText("Negative");
        assertThat(page.getByTestId("eligibility-status")).hasText("Eligible");

        // b. she brings three containers: scan her code, type the volumes, receive
        page.getByTestId("receive-donation").click();
        assertThat(page.getByTestId("donor-eligibility")).hasText("Eligible today");
        page.getByTestId("donor-code-input").fill("");
        page.getByTestId("donor-code-input").pressSequentially(donorCode);
        page.getByTestId("donor-code-input").press("Enter");
        assertThat(page.getByTestId("donor-eligibility")).hasText("Eligible today");
        // the scanner's next read is the first container's label
        assertThat(page.getByTestId("label-code-input").first()).isFocused();
        page.getByTestId("volume-input").first().fill("150");
        page.getByTestId("add-container").click();
        assertThat(page.getByTestId("volume-input")).hasCount(2);
        page.getByTestId("volume-input").nth(1).fill("200");
        page.getByTestId("add-container").click();
        assertThat(page.getByTestId("volume-input")).hasCount(3);
        page.getByTestId("volume-input").nth(2).fill("250");
        page.getByTestId("receive-submit").click();
        assertThat(page.getByTestId("flash-success")).containsText("3 containers received from donor " + donorCode);
        assertThat(page.getByTestId("receipt-din")).hasCount(3);
        List<String> containerDins = page.getByTestId("receipt-din").allInnerTexts().stream()
                .map(String::strip)
                .toList();
        containerDins.forEach(din -> assertThat(din).matches("[A-Z0-9]{14}"));
        signOut();

        // c. a lab technician scans the three containers into a pool
        signIn(recorder, Staff.PASSWORD);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Pools").setExact(true))
                .click();
        page.getByTestId("new-pool").click();
        Locator scan = page.getByTestId("container-scan");
        for (int i = 0; i < containerDins.size(); i++) {
            assertThat(scan).isFocused();
            scan.pressSequentially(containerDins.get(i));
            scan.press("Enter");
            assertThat(page.getByTestId("scanned-container")).hasCount(i + 1);
        }
        assertThat(page.getByTestId("donor-counter")).containsText("1");
        page.getByTestId("create-pool").click();
        assertThat(page.getByTestId("flash-success")).isVisible();
        assertThat(page.getByTestId("pool-containers")).containsText(containerDins.get(0));
        assertThat(page.getByTestId("pool-state")).hasText("Ready");

        // the pool goes into the pasteuriser: two hours pass before its run is recorded
        clock.advance(java.time.Duration.ofHours(2));

        // d. the run of the pool at the Holder minimums yields four bottles in quarantine
        page.getByTestId("record-run").click();
        assertThat(page).hasURL(Pattern.compile(".*/runs/new\\?pool=.*"));
        page.getByLabel("Pasteuriser").fill("PAST-1");
        page.getByLabel("Hold temperature (°C)").fill("62.5");
        page.getByLabel("Minutes held at temperature").fill("30");
        page.getByLabel("Number of bottles").fill("10");
        page.getByLabel("mL per bottle").fill("100");
        page.getByTestId("record-run").click();
        // ten bottles of 100 mL do not come out of 600 mL: refused, and what was typed is still there
        assertThat(page.getByTestId("error-bottleCount")).containsText("is more than the 600 mL in pool");
        assertThat(page.getByLabel("Pasteuriser")).hasValue("PAST-1");
        assertThat(page.getByLabel("Hold temperature (°C)")).hasValue("62.5");
        page.getByLabel("Number of bottles").fill("4");
        page.getByTestId("record-run").click();
        assertThat(page.getByTestId("run-state")).hasText("Quarantine");
        Locator bottleRows = page.getByTestId("run-bottles").locator("tbody tr");
        assertThat(bottleRows).hasCount(4);
        assertThat(page.getByTestId("run-bottles")).containsText("Quarantine");
        String runUrl = page.url();

        // e. the lab takes a sample of the run; a negative read is refused until it has incubated 48 hours
        page.getByTestId("post-culture-take-sample").click();
        page.getByTestId("lab-take-submit").click();
        assertThat(page.getByTestId("sample-verdict")).hasText("incubating");
        String sampleUrl = page.url();
        page.getByTestId("lab-read-totalViableCount").fill("0");
        page.getByTestId("lab-read-submit").click();
        assertThat(page.getByTestId("error-readAt")).containsText("too early");
        clock.advance(java.time.Duration.ofHours(49));
        page.navigate(sampleUrl);
        page.getByTestId("lab-read-totalViableCount").fill("0");
        page.getByTestId("lab-read-submit").click();
        assertThat(page.getByTestId("sample-verdict")).hasText("Passed");
        // the technician who recorded the run may not release it
        page.navigate(runUrl);
        assertThat(page.getByTestId("run-state")).hasText("Culture negative");
        assertThat(page.getByTestId("release-run")).isDisabled();
        assertThat(page.getByTestId("release-blocked")).containsText("Two-person rule: " + recorder);
        signOut();

        signIn(releaser, Staff.PASSWORD);
        page.navigate(runUrl);
        // the run was typed without a log: she first confirms the manual record, having read what was typed
        assertThat(page.getByTestId("run-manual-awaiting")).containsText("Manual record awaiting confirmation");
        assertThat(page.getByTestId("release-run")).isDisabled();
        assertThat(page.getByTestId("release-blocked-manual")).isVisible();
        assertThat(page.getByTestId("attestations")).containsText("62.5 °C · 30 min");
        assertThat(page.getByTestId("attestations")).containsText("PAST-1");
        page.getByTestId("signature-password").fill(Staff.PASSWORD);
        page.getByTestId("confirm-manual").click();
        assertThat(page.getByTestId("flash-success")).containsText("manual record is confirmed");
        assertThat(page.getByTestId("run-manual-awaiting")).hasCount(0);
        assertThat(page.getByTestId("release-run")).isEnabled();
        // she reads what she attests and signs with her own password: a wrong one releases nothing
        assertThat(page.getByTestId("attestations")).containsText("culture is negative");
        page.getByTestId("signature-password").fill("not-her-password");
        page.getByTestId("release-run").click();
        assertThat(page.getByTestId("error-signaturePassword")).containsText("The password is not right");
        assertThat(page.getByTestId("run-state")).hasText("Culture negative");
        page.getByTestId("signature-password").fill(Staff.PASSWORD);
        page.getByTestId("release-run").click();
        assertThat(page.getByTestId("flash-success")).containsText("Run released");
        assertThat(page.getByTestId("signatures")).containsText(releaser);
        assertThat(page.getByTestId("run-state")).hasText("Released");
        assertThat(page.getByTestId("run-bottles")).containsText("Released");
        signOut();

        // f. the nurse registers an infant with the parents' consent
        signIn(nurse, Staff.PASSWORD);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Infants").setExact(true))
                .click();
        String hospitalNumber =
                "HN-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Locator register = page.getByTestId("register-infant");
        register.getByLabel("Hospital number").fill(hospitalNumber);
        register.getByLabel("Family name").fill("Baby Vong");
        register.getByLabel("Date of birth").fill(today.minusDays(5).toString());
        register.getByLabel("Ward").fill("NICU");
        register.getByLabel("Weeks").fill("30");
        register.getByLabel("Birth weight (g)").fill("1300");
        register.getByLabel("Parents have given consent").check();
        register.getByLabel("Consent date").fill(today.minusDays(6).toString());
        page.getByTestId("register-infant-submit").click();
        // consent before the birth is refused beside its date; the form keeps what the nurse typed
        assertThat(page.getByTestId("error-consentDate")).containsText("is before the birth");
        assertThat(register.getByLabel("Hospital number")).hasValue(hospitalNumber);
        assertThat(register.getByLabel("Weeks")).hasValue("30");
        assertThat(register.getByLabel("Parents have given consent")).isChecked();
        register.getByLabel("Consent date").fill(today.minusDays(4).toString());
        page.getByTestId("register-infant-submit").click();
        assertThat(page.getByTestId("flash-success")).containsText(hospitalNumber);
        assertThat(page.getByTestId("consent-status")).containsText("Given on " + today.minusDays(4));
        signOut();

        // the dispenser scans the infant's hospital number, then a bottle: first to expire first
        signIn(dispenser, Staff.PASSWORD);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Infants").setExact(true))
                .click();
        page.getByTestId("infant-search").pressSequentially(hospitalNumber);
        page.getByTestId("infant-search").press("Enter");
        assertThat(page.getByTestId("infant-code")).hasText(hospitalNumber);
        Locator offered = page.getByTestId("offered-bottles").locator("tbody tr");
        assertThat(offered).hasCount(4);
        assertThat(offered.first()).hasAttribute("data-testid", "next-bottle");
        List<String> expiries = offered.locator("td:nth-child(3)").allInnerTexts();
        assertThat(expiries).isSorted();
        String nextBottle =
                page.getByTestId("next-bottle").locator(".din").innerText().strip();

        Locator bottleInput = page.getByTestId("bottle-din");
        assertThat(bottleInput).isFocused();
        bottleInput.pressSequentially(nextBottle);
        bottleInput.press("Enter");
        assertThat(page.getByTestId("dispense-success")).containsText("dispensed for " + hospitalNumber);
        assertThat(page.getByTestId("dispensed-bottles")).containsText(nextBottle.substring(0, 13));
        assertThat(page.getByTestId("offered-bottles").locator("tbody tr")).hasCount(3);

        // a container's label scanned by mistake is not a bottle: refused, nothing dispensed
        bottleInput = page.getByTestId("bottle-din");
        assertThat(bottleInput).isFocused();
        bottleInput.pressSequentially(containerDins.get(0));
        bottleInput.press("Enter");
        assertThat(page.getByTestId("dispense-error")).containsText("No bottle has DIN");
        // and the same bottle twice is refused
        bottleInput = page.getByTestId("bottle-din");
        assertThat(bottleInput).isFocused();
        bottleInput.pressSequentially(nextBottle);
        bottleInput.press("Enter");
        assertThat(page.getByTestId("dispense-error")).containsText("already been dispensed");
        assertThat(page.getByTestId("dispensed-bottles").locator("tbody tr")).hasCount(1);
        assertThat(page.getByTestId("offered-bottles").locator("tbody tr")).hasCount(3);
        signOut();

        // g. the manager traces from the donor to the infant, and from the infant back to the donor
        signIn(manager, Staff.PASSWORD);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Donors").setExact(true))
                .click();
        page.getByTestId("donor-search").pressSequentially(donorCode);
        page.getByTestId("donor-search").press("Enter");
        assertThat(page.getByTestId("donor-code")).hasText(donorCode);
        page.getByTestId("trace-donor").click();
        assertThat(page.getByTestId("trace-containers").locator("tbody tr")).hasCount(3);
        assertThat(page.getByTestId("trace-feeds")).containsText(hospitalNumber);
        page.getByTestId("trace-feeds")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(hospitalNumber))
                .click();
        assertThat(page.getByTestId("trace-donors")).containsText(donorCode);
        assertThat(page.getByTestId("trace-feeds")).containsText(nextBottle.substring(0, 13));
    }
}
