package org.openmilkbank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.dispensing.orders.OrderAllocation;
import org.openmilkbank.dispensing.orders.OrderDispatch;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.BrowserTest;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * On a 390 px phone a nurse receives the bottle the bank dispatched for her infant's order by scanning it, thaws it,
 * divides it for two infants, feeds one and is stopped from feeding the other's syringe to the wrong baby, the near
 * miss shown.
 */
class WardBedsideBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Test
    void aNurseReceivesADispatchThawsDividesForTwoInfantsFeedsOneAndIsStoppedAtTheWrongBaby() {
        DispensingFixtures fixtures = new DispensingFixtures(context);
        InfantView first = fixtures.infantWithConsent();
        UUID order = fixtures.order(first);
        InfantView second = fixtures.orderedInfant();
        BottleView bottle = fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 1)
                .bottles()
                .get(0);
        String din = Din.parse(bottle.din()).withCheck();
        // the bank allocates this bottle to the first infant's order and dispatches it to the ward
        String dispenser = Staff.create(identity, Role.DISPENSER);
        Staff.as(dispenser, Role.DISPENSER, () -> {
            context.getBean(OrderAllocation.class).accept(order, List.of(din), "the bottle the ward asked for");
            context.getBean(OrderDispatch.class).dispatch(order);
        });
        String nurse = Staff.create(identity, Role.NURSE);
        page.setViewportSize(390, 844);
        signIn(nurse, Staff.PASSWORD);

        // the ward receives it: the scanner types the bottle's DIN into the receipt and Enter
        page.navigate("/orders/" + order);
        page.getByTestId("receipt-scans").pressSequentially(din + "\n");
        page.getByTestId("receipt-submit").click();
        assertThat(page.getByTestId("flash-success")).containsText("Order received on the ward");
        assertThat(fits()).isTrue();

        page.navigate("/ward/prepare");
        page.getByTestId("prepare-din").pressSequentially(din + "\n");
        assertThat(page.getByTestId("prepare-thawed")).hasText("Frozen");
        page.getByTestId("thaw-fridge").click();
        assertThat(page.getByTestId("flash-success")).containsText("its clock runs");
        page.getByTestId("syringe-infant-0").fill(first.infantCode());
        page.getByTestId("syringe-volume-0").fill("30");
        page.getByTestId("syringe-infant-1").fill(second.infantCode());
        page.getByTestId("syringe-volume-1").fill("40");
        page.getByTestId("remainder-reason").fill("not needed today");
        page.getByTestId("divide-submit").click();
        assertThat(page.getByTestId("flash-success")).containsText("2 syringes prepared; 30 mL discarded");
        assertThat(page.getByTestId("syringe-row")).hasCount(2);
        String forFirst = page.getByTestId("syringe-code").nth(0).getAttribute("data-code");
        String forSecond = page.getByTestId("syringe-code").nth(1).getAttribute("data-code");
        assertThat(fits()).isTrue();

        page.navigate("/ward/bedside");
        page.getByTestId("wristband").pressSequentially(first.infantCode() + "\n");
        assertThat(page.getByTestId("bedside-infant-code")).hasText(first.infantCode());
        // the other baby's syringe: stopped
        page.getByTestId("milk-code").pressSequentially(forSecond + "\n");
        assertThat(page.getByTestId("near-miss")).containsText("Wrong baby");
        assertThat(page.getByTestId("near-miss")).containsText("Recorded as a near miss.");
        assertThat(page.getByTestId("feed-form")).hasCount(0);
        assertThat(fits()).isTrue();
        // her own: right milk, right baby, then the feed
        page.getByTestId("milk-code").pressSequentially(forFirst + "\n");
        assertThat(page.getByTestId("check-passed")).containsText(first.infantCode());
        page.getByTestId("feed-volume").fill("28");
        page.getByTestId("feed-submit").click();
        assertThat(page.getByTestId("flash-success")).containsText("28 mL");

        page.getByTestId("bedside-record").click();
        assertThat(page.getByTestId("record-feed")).hasCount(1);
        assertThat(page.getByTestId("record-near-misses")).containsText("Wrong baby");
        assertThat(fits()).isTrue();
    }

    /**
     * Whether the page is no wider than the phone, measured once its stylesheets have loaded: the DOM is there to
     * assert on before Bootstrap is, and without it a wide table is not yet held in its scrolling box.
     */
    private boolean fits() {
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        return (Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
    }
}
