package org.openmilkbank.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openmilkbank.equipment.Calibrations;
import org.openmilkbank.equipment.EquipmentKind;
import org.openmilkbank.equipment.EquipmentManagement;
import org.openmilkbank.equipment.NewCalibration;
import org.openmilkbank.equipment.NewEquipment;
import org.openmilkbank.equipment.TestPoint;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.shared.Role;
import org.openmilkbank.storage.NewPlaceInside;
import org.openmilkbank.storage.NewStorageUnit;
import org.openmilkbank.storage.PlaceLevel;
import org.openmilkbank.storage.PlacePurpose;
import org.openmilkbank.storage.PlaceView;
import org.openmilkbank.storage.Places;
import org.openmilkbank.storage.PutAway;
import org.openmilkbank.storage.PutAwayScan;
import org.openmilkbank.storage.UnitType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo bank's places: FRZ-01 keeps quarantined bottles, FRZ-02 (a second freezer) released ones, FRG-01 thawed
 * milk; each with shelves and boxes, and every bottle in quarantine or released put away in its freezer.
 */
@Component
class DemoStorage {

    private static final int BOX_CAPACITY = 24;

    private final Places places;
    private final PutAway putAway;
    private final Inventory inventory;
    private final EquipmentManagement equipment;
    private final Calibrations calibrations;
    private final Clock clock;

    DemoStorage(
            Places places,
            PutAway putAway,
            Inventory inventory,
            EquipmentManagement equipment,
            Calibrations calibrations,
            Clock clock) {
        this.places = places;
        this.putAway = putAway;
        this.inventory = inventory;
        this.equipment = equipment;
        this.calibrations = calibrations;
        this.clock = clock;
    }

    void build() {
        Instant now = clock.instant();
        List<String> quarantineBoxes = new ArrayList<>();
        List<String> releasedBoxes = new ArrayList<>();
        as("manager", Role.MANAGER, () -> {
            equipment.register(new NewEquipment(
                    "FRZ-02",
                    EquipmentKind.FREEZER,
                    "Freezer, released milk",
                    null,
                    "SN-FRZ-02",
                    "Store",
                    null,
                    null,
                    null,
                    now.minus(Duration.ofDays(400))));
            PlaceView q = places.registerUnit(new NewStorageUnit(
                    null, "Quarantine freezer", UnitType.FREEZER, "FRZ-01", PlacePurpose.QUARANTINE, null));
            PlaceView qs = shelf(q, "Q-S1");
            quarantineBoxes.add(box(qs, "Q-S1-B1"));
            quarantineBoxes.add(box(qs, "Q-S1-B2"));
            PlaceView r = places.registerUnit(new NewStorageUnit(
                    null, "Released milk freezer", UnitType.FREEZER, "FRZ-02", PlacePurpose.RELEASED, null));
            PlaceView rs1 = shelf(r, "R-S1");
            releasedBoxes.add(box(rs1, "R-S1-B1"));
            releasedBoxes.add(box(rs1, "R-S1-B2"));
            PlaceView rs2 = shelf(r, "R-S2");
            releasedBoxes.add(box(rs2, "R-S2-B1"));
            PlaceView thawed = places.registerUnit(
                    new NewStorageUnit(null, "Thawing fridge", UnitType.FRIDGE, "FRG-01", PlacePurpose.THAWED, null));
            shelf(thawed, "T-S1");
        });
        as("labtech", Role.LAB_TECHNICIAN, () -> {
            FreezerCalibration.calibrate(
                    calibrations, equipment, "FRZ-02", now.minus(Duration.ofDays(10)), LocalDate.now(clock));
            putAll(inventory.inState(BottleState.QUARANTINE), quarantineBoxes, "Q-S1");
            putAll(inventory.inState(BottleState.RELEASED), releasedBoxes, "R-S2");
        });
    }

    /** Fills the boxes in order, then the shelf (no limit). */
    private void putAll(List<BottleView> bottles, List<String> boxes, String shelf) {
        int i = 0;
        for (BottleView b : bottles) {
            int box = i / BOX_CAPACITY;
            putAway.put(new PutAwayScan(b.din(), box < boxes.size() ? boxes.get(box) : shelf));
            i++;
        }
    }

    private PlaceView shelf(PlaceView unit, String code) {
        return places.addInside(unit.id(), new NewPlaceInside(code, null, PlaceLevel.SHELF, null, null));
    }

    private String box(PlaceView shelf, String code) {
        places.addInside(shelf.id(), new NewPlaceInside(code, null, PlaceLevel.BOX, null, BOX_CAPACITY));
        return code;
    }

    /** The second freezer calibrated like the first, against the reference thermometer. */
    private static final class FreezerCalibration {
        static void calibrate(
                Calibrations calibrations, EquipmentManagement equipment, String code, Instant at, LocalDate today) {
            calibrations.record(
                    equipment.findByCode(code).orElseThrow().id(),
                    new NewCalibration(
                            at,
                            "REF-01",
                            null,
                            "NMI-2026-0142",
                            "National metrology institute",
                            today.plusYears(1),
                            List.of(
                                    new TestPoint(
                                            new BigDecimal("4"), new BigDecimal("4.0"), new BigDecimal("4.1"), null),
                                    new TestPoint(
                                            new BigDecimal("62.5"),
                                            new BigDecimal("62.5"),
                                            new BigDecimal("62.45"),
                                            null)),
                            null));
        }
    }

    private static void as(String username, Role role, Runnable action) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username, null, Set.of(new SimpleGrantedAuthority(role.authority()))));
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
