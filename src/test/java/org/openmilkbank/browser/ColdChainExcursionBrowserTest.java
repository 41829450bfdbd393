package org.openmilkbank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.equipment.EquipmentKind;
import org.openmilkbank.equipment.EquipmentManagement;
import org.openmilkbank.equipment.NewEquipment;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.storage.NewPlaceInside;
import org.openmilkbank.storage.NewStorageUnit;
import org.openmilkbank.storage.PlaceLevel;
import org.openmilkbank.storage.PlacePurpose;
import org.openmilkbank.storage.PlaceView;
import org.openmilkbank.storage.Places;
import org.openmilkbank.storage.UnitType;
import org.openmilkbank.support.BrowserTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * On her phone, a technician puts a run's released bottles away in a registered freezer by scanner. Hours later
 * she types the freezer's readings: warm for longer than the hold rule, then cold again. A bottle put away after
 * the freezer was cold again is not touched. The home page shows the alarm; the manager sees the three bottles
 * that were inside held, releases one with a reason and discards the rest.
 */
class ColdChainExcursionBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    EquipmentManagement equipment;

    @Autowired
    Places places;

    @Autowired
    Inventory inventory;

    @Test
    void bottlesPutAwayByScannerAreHeldByTheirFreezersExcursionAndTheManagerDecides() {
        String technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        String manager = Staff.create(identity, Role.MANAGER);
        String code = "FRZ-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String box = code + "-B1";
        PlaceView[] freezer = new PlaceView[1];
        Staff.as(manager, Role.MANAGER, () -> {
            equipment.register(new NewEquipment(
                    code, EquipmentKind.FREEZER, "Released milk freezer", null, null, null, null, null, null, null));
            freezer[0] = places.registerUnit(
                    new NewStorageUnit(null, null, UnitType.FREEZER, code, PlacePurpose.RELEASED, null));
            places.addInside(freezer[0].id(), new NewPlaceInside(box, null, PlaceLevel.BOX, null, 10));
        });
        List<BottleView> bottles = ProcessingFixtures.releasedBottles(context, 4, 100);
        List<String> dins =
                bottles.stream().map(b -> Din.parse(b.din()).withCheck()).toList();
        page.setViewportSize(390, 844);

        // the scanner types each bottle's DIN and Enter; the box, scanned once, stays for the next bottle
        signIn(technician, Staff.PASSWORD);
        page.navigate("/storage/put-away");
        page.getByTestId("put-away-item").pressSequentially(dins.get(0) + "\n");
        page.keyboard().type(box + "\n");
        assertThat(page.getByTestId("flash-success")).containsText(dins.get(0) + " stored in " + code + " › " + box);
        for (String din : dins.subList(1, 3)) {
            page.getByTestId("put-away-item").pressSequentially(din + "\n");
            assertThat(page.getByTestId("flash-success")).containsText(din + " stored in " + code);
        }

        // two hours later: the freezer was warm from 15 to 95 minutes after the put-away, and is cold now
        clock.advance(Duration.ofHours(2));
        page.navigate("/storage/cold/" + freezer[0].id());
        assertThat(page.getByTestId("unit-code")).hasText(code);
        typeReading("-10", minutesAgo(105));
        typeReading("-10.5", minutesAgo(25));
        assertThat(page.getByTestId("open-excursion")).containsText("Hold");
        typeReading("-20", null);
        assertThat(page.getByTestId("readings").getByTestId("reading-value")).hasCount(3);

        // the fourth bottle goes in after the freezer is cold again: the excursion is not its story
        page.navigate("/storage/put-away");
        page.getByTestId("put-away-place").fill(box);
        page.getByTestId("put-away-item").pressSequentially(dins.get(3) + "\n");
        assertThat(page.getByTestId("flash-success")).containsText(dins.get(3) + " stored in " + code);

        page.navigate("/");
        assertThat(page.getByTestId("cold-alarm")).containsText(code);
        signOut();

        signIn(manager, Staff.PASSWORD);
        page.navigate("/storage/cold");
        page.locator("[data-excursion='" + code + "']").click();
        assertThat(page.getByTestId("excursion-level")).hasText("Hold");
        assertThat(page.getByTestId("held-units").locator("tbody tr")).hasCount(3);
        assertThat(page.getByTestId("held-units")).not().containsText(dins.get(3));
        page.getByTestId("acknowledge").click();
        assertThat(page.getByTestId("flash-success")).isVisible();

        String kept = dins.get(0);
        page.getByTestId("pick-" + kept).check();
        page.getByTestId("decide-release").check();
        page.getByTestId("decision-reason").fill("Stored at the back: the probe showed it stayed frozen");
        page.getByTestId("decision-save").click();
        assertThat(page.getByTestId("decision-" + kept)).containsText("Released");

        page.getByTestId("decide-discard").check();
        page.getByTestId("decision-reason").fill("Near the door while the freezer was warm");
        page.getByTestId("decision-save").click();
        for (String din : dins.subList(1, 3)) {
            assertThat(page.getByTestId("decision-" + din)).containsText("Discarded");
        }
        assertThat(page.getByTestId("history")).containsText("Decided");

        // where is it? tells the kept bottle's stay with the warm readings and the excursion it lived through
        page.navigate("/storage/where");
        page.getByTestId("where-code").pressSequentially(kept + "\n");
        assertThat(page.getByTestId("where-current")).containsText(code + " › " + box);
        assertThat(page.getByTestId("where-stays")).containsText("3 readings, -20 to -10 °C");
        assertThat(page.getByTestId("where-stays")).containsText("1 excursion");

        org.assertj.core.api.Assertions.assertThat(bottles)
                .extracting(b -> inventory.find(b.id()).orElseThrow().state())
                .containsExactly(
                        BottleState.RELEASED, BottleState.DISCARDED, BottleState.DISCARDED, BottleState.RELEASED);
    }

    private String minutesAgo(int minutes) {
        return LocalDateTime.now(clock)
                .minusMinutes(minutes)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
    }

    private void typeReading(String celsius, String at) {
        if (at != null) {
            page.getByTestId("reading-at").fill(at);
        }
        page.getByTestId("reading-current").fill(celsius);
        page.getByTestId("reading-current").press("Enter");
        assertThat(page.getByTestId("flash-success")).isVisible();
    }
}
