package org.openmilkbank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.BrowserTest;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue 3's block seen by the people who act on it: a coordinator records a late positive result or a deferral
 * on the donor's page, the look-back names the infant who already received her milk, and a manager finds every
 * bottle of it taken off the shelf.
 */
class UnsafeDonorMilkIsBlockedBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Standards standards;

    /** A donor whose milk is released, one bottle already dispensed to an infant, the others on the shelf. */
    record Shelf(DonorView donor, InfantView infant, String onShelf, String coordinator, String manager) {}

    private Shelf releasedAndPartlyDispensed() {
        DispensingFixtures fixtures = new DispensingFixtures(context);
        DonorView donor = fixtures.eligibleDonor();
        DispensingFixtures.Batch batch = fixtures.released(fixtures.containers(3, donor), 3);
        InfantView infant = fixtures.infantWithConsent();
        fixtures.dispense(infant, batch.bottles().get(0));
        return new Shelf(
                donor,
                infant,
                Din.parse(batch.bottles().get(1).din()).withCheck(),
                Staff.create(identity, Role.DONOR_COORDINATOR),
                Staff.create(identity, Role.MANAGER));
    }

    @Test
    void aLatePositiveResultBlocksHerMilkAndTheLookBackNamesTheInfant() {
        Shelf shelf = releasedAndPartlyDispensed();
        signIn(shelf.coordinator(), Staff.PASSWORD);
        page.navigate("/donors/" + shelf.donor().id());
        page.locator("#test")
                .selectOption(standards.activeProfile().serologyPanel().get(0));
        page.locator("#sampleDate").fill(LocalDate.now().minusDays(1).toString());
        page.locator("#outcome").selectOption("POSITIVE");
        page.locator("#labReference").fill("LATE-42");
        page.getByTestId("serology-submit").click();
        assertThat(page.getByTestId("serology-success")).isVisible();

        page.navigate("/trace/donors/" + shelf.donor().id());
        page.getByTestId("look-back-link").click();
        assertThat(page.getByTestId("look-back-blocks")).containsText("positive");
        assertThat(page.getByTestId("look-back-recipients")).containsText("Received, possibly fed");
        theLookBackAndTheShelfShowTheBlock(shelf, "positive");
    }

    @Test
    void aDeferralBlocksHerMilkAndTheLookBackNamesTheInfant() {
        Shelf shelf = releasedAndPartlyDispensed();
        signIn(shelf.coordinator(), Staff.PASSWORD);
        page.navigate("/donors/" + shelf.donor().id());
        page.locator("#category").selectOption("TRANSFUSION");
        page.locator("#kind").selectOption("TEMPORARY");
        page.locator("#deferral-reason").fill("Blood transfusion after a haemorrhage");
        page.getByTestId("deferral-submit").click();
        assertThat(page.getByTestId("deferrals-table")).containsText("Blood transfusion");
        assertThat(page.getByTestId("eligibility-status")).not().hasText("Eligible");

        page.getByTestId("look-back-link").click();
        theLookBackAndTheShelfShowTheBlock(shelf, "");
    }

    private void theLookBackAndTheShelfShowTheBlock(Shelf shelf, String reasonText) {
        assertThat(page.getByTestId("look-back-recipients"))
                .containsText(shelf.infant().infantCode());
        assertThat(page.getByTestId("look-back-bottles")).containsText(shelf.onShelf());
        signOut();
        signIn(shelf.manager(), Staff.PASSWORD);
        page.navigate("/bottles");
        assertThat(page.getByTestId("blocked-table")).containsText(shelf.onShelf());
        assertThat(page.getByTestId("blocked-table")).containsText(reasonText);
        assertThat(page.getByTestId("released-table")).not().containsText(shelf.onShelf());
    }
}
