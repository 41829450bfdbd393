package org.openmilkbank.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
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

class PutAwayByScannerBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Places places;

    @Autowired
    Inventory inventory;

    @Test
    void aTechnicianPutsARunsBottlesAwayByScannerAndFindsOneWithWhereIsIt() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String room = "QROOM-" + tag;
        String box = room + "-B1";
        String released = "RROOM-" + tag + "-B1";
        String manager = Staff.create(identity, Role.MANAGER);
        Staff.as(manager, Role.MANAGER, () -> {
            PlaceView q = places.registerUnit(
                    new NewStorageUnit(room, "Quarantine store", UnitType.ROOM, null, PlacePurpose.QUARANTINE, null));
            places.addInside(q.id(), new NewPlaceInside(box, null, PlaceLevel.BOX, null, 10));
            PlaceView r = places.registerUnit(new NewStorageUnit(
                    "RROOM-" + tag, "Released store", UnitType.ROOM, null, PlacePurpose.RELEASED, null));
            places.addInside(r.id(), new NewPlaceInside(released, null, PlaceLevel.BOX, null, 10));
        });
        List<BottleView> bottles = ProcessingFixtures.quarantinedBottles(context, 3, 100);
        List<String> dins =
                bottles.stream().map(b -> Din.parse(b.din()).withCheck()).toList();
        String technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        signIn(technician, Staff.PASSWORD);

        page.navigate("/storage/put-away");
        // the scanner types the bottle's DIN and Enter, then the box's code and Enter
        page.getByTestId("put-away-item").pressSequentially(dins.get(0) + "\n");
        page.keyboard().type(box.toLowerCase() + "\n");
        assertThat(page.getByTestId("flash-success")).containsText(dins.get(0) + " stored in " + room + " › " + box);
        // the box stays filled in: each next bottle is one scan
        for (String din : dins.subList(1, 3)) {
            assertThat(page.getByTestId("put-away-place")).hasValue(box.toLowerCase());
            page.getByTestId("put-away-item").pressSequentially(din + "\n");
            assertThat(page.getByTestId("flash-success")).containsText(din + " stored in");
        }

        // a quarantined bottle is refused by a released box, naming both purposes
        page.getByTestId("put-away-place").fill(released);
        page.getByTestId("put-away-item").pressSequentially(dins.get(1) + "\n");
        assertThat(page.getByTestId("error-place"))
                .hasText(dins.get(1) + " needs a place for Quarantine; " + released + " keeps Released milk.");

        page.navigate("/storage/where");
        page.getByTestId("where-code").pressSequentially(dins.get(2) + "\n");
        assertThat(page.getByTestId("where-current")).hasText("Now in " + room + " › " + box);
        assertThat(page.getByTestId("where-stays")).containsText(technician);

        PlaceView q = places.findByCode(room).orElseThrow();
        page.navigate("/storage/places/" + q.id());
        assertThat(page.getByTestId("fill-" + box)).hasText("3 / 10");
    }
}
