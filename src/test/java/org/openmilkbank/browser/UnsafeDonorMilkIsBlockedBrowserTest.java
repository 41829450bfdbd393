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
        page.locator("#sampleDate").fill(LocalDate.now().minusDays(1).toString());
        page.getByTestId("outcome-" + standards.activeProfile().serologyPanel().get(0))
                .selectOption("POSITIVE");
        page.locator("#labReference").fill("LATE-42");
        page.getByTestId("serology-submit").click();
        assertThat(page.getByTestId("serology-success")).isVisible();

        page.navigate("/trace/donors/" + shelf.donor().id());
        page.getByTestId("look-back-link").click();
        // the coordinator sees the neutral reason and, as clinical staff, the result behind it
        assertThat(page.getByTestId("look-back-blocks")).containsText("donor milk blocked");
        assertThat(page.getByTestId("look-back-blocks")
                        .getByTestId("hold-detail")
                        .first())
                .containsText(standards.activeProfile().serologyPanel().get(0));
        theLookBackAndTheShelfShowTheBlock(shelf);
    }

    @Test
    void aDeferralBlocksHerMilkAndTheLookBackNamesTheInfant() {
        Shelf shelf = releasedAndPartlyDispensed();
        signIn(shelf.coordinator(), Staff.PASSWORD);
        page.navigate("/donors/" + shelf.donor().id());
        // an illness reaches back (the profile's risk look-back): the milk she gave before it is unsafe
        page.locator("#category").selectOption("ILLNESS");
        page.locator("#permanent").selectOption("false"); // temporary
        page.locator("#deferral-reason").fill("Fever and rash since last week");
        page.getByTestId("deferral-submit").click();
        assertThat(page.getByTestId("deferrals-table")).containsText("Fever and rash");
        assertThat(page.getByTestId("eligibility-status")).not().hasText("Eligible");

        page.getByTestId("look-back-link").click();
        assertThat(page.getByTestId("look-back-blocks")).containsText("donor milk blocked");
        theLookBackAndTheShelfShowTheBlock(shelf);
    }

    private void theLookBackAndTheShelfShowTheBlock(Shelf shelf) {
        // the window that covers the milk she gave before names the infant it reached and the bottle on the shelf
        com.microsoft.playwright.Locator window = page.getByTestId("look-back-window")
                .filter(new com.microsoft.playwright.Locator.FilterOptions()
                        .setHasText(shelf.infant().infantCode()));
        assertThat(window).hasCount(1);
        assertThat(window.getByTestId("look-back-recipients"))
                .containsText(shelf.infant().infantCode());
        assertThat(window.getByTestId("look-back-units")).containsText(shelf.onShelf());
        signOut();
        signIn(shelf.manager(), Staff.PASSWORD);
        page.navigate("/bottles");
        assertThat(page.getByTestId("held-table")).containsText(shelf.onShelf());
        assertThat(page.getByTestId("held-table")).containsText("donor milk blocked");
        assertThat(page.getByTestId("released-table")).not().containsText(shelf.onShelf());
    }
}
