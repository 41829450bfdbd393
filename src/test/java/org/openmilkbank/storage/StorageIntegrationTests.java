package org.openmilkbank.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.equipment.EquipmentKind;
import org.openmilkbank.equipment.EquipmentManagement;
import org.openmilkbank.equipment.NewEquipment;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class StorageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Places places;

    @Autowired
    PutAway putAway;

    @Autowired
    StockTakes stockTakes;

    @Autowired
    StorageQueries queries;

    @Autowired
    StockByPlace stockByPlace;

    @Autowired
    EquipmentManagement equipment;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcClient jdbc;

    String manager;
    String technician;
    String tag;

    @BeforeEach
    void staff() {
        manager = Staff.create(identity, Role.MANAGER);
        technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /** A registered freezer as a storage unit of the purpose, with one shelf holding one box. */
    PlaceView freezer(String name, PlacePurpose purpose) {
        String code = "FRZ-" + name + "-" + tag;
        PlaceView[] unit = new PlaceView[1];
        Staff.as(manager, Role.MANAGER, () -> {
            equipment.register(new NewEquipment(
                    code, EquipmentKind.FREEZER, "Freezer " + name, null, null, null, null, null, null, null));
            unit[0] = places.registerUnit(new NewStorageUnit(null, null, UnitType.FREEZER, code, purpose, null));
            PlaceView shelf = places.addInside(
                    unit[0].id(), new NewPlaceInside(code + "-S1", null, PlaceLevel.SHELF, null, null));
            places.addInside(shelf.id(), new NewPlaceInside(code + "-B1", null, PlaceLevel.BOX, null, 10));
        });
        return unit[0];
    }

    PlaceView place(String code) {
        return places.findByCode(code).orElseThrow();
    }

    PutAwayResult put(String item, String place) {
        PutAwayResult[] r = new PutAwayResult[1];
        Staff.as(technician, Role.LAB_TECHNICIAN, () -> r[0] = putAway.put(new PutAwayScan(item, place)));
        return r[0];
    }

    static String din(BottleView b) {
        return Din.parse(b.din()).withCheck();
    }

    List<Map<String, Object>> events(UUID unitId) {
        return jdbc.sql("select type, place, actor from milk_event where unit_id = :u and type in ('STORED', 'MOVED')"
                        + " order by at, type desc")
                .param("u", unitId)
                .query()
                .listOfRows();
    }

    @Test
    void aStorageUnitComesFromAFreezerOfTheRegisterAndItsPlacesKeepItsPurpose() {
        PlaceView unit = freezer("Q", PlacePurpose.QUARANTINE);
        assertThat(unit.code()).isEqualTo("FRZ-Q-" + tag);
        assertThat(unit.equipmentId()).isNotNull();
        assertThat(place(unit.code() + "-B1").path())
                .isEqualTo(unit.code() + " › " + unit.code() + "-S1 › " + unit.code() + "-B1");
        Staff.as(manager, Role.MANAGER, () -> {
            assertThatThrownBy(() -> places.addInside(
                            place(unit.code() + "-S1").id(),
                            new NewPlaceInside("X-" + tag, null, PlaceLevel.BOX, PlacePurpose.RELEASED, null)))
                    .isInstanceOf(RuleViolation.class)
                    .hasMessageContaining("storage.place.purposeMismatch");
            assertThatThrownBy(() -> places.registerUnit(
                            new NewStorageUnit(null, null, UnitType.FRIDGE, unit.code(), PlacePurpose.RAW, null)))
                    .hasMessageContaining("storage.place.instrumentKind");
            PlaceView amended = places.amend(
                    unit.id(), new PlaceAmendment("Quarantine freezer", PlacePurpose.QUARANTINE, 200, "new name"));
            assertThat(amended.capacity()).isEqualTo(200);
        });
        assertThat(jdbc.sql("select change from storage_place_change where place_id = :id order by at")
                        .param("id", unit.id())
                        .query(String.class)
                        .list())
                .containsExactly("CREATED", "AMENDED");
    }

    @Test
    void putAwayAndMovesAreLineageEventsAndWhereIsItAnswersFromThem() throws Exception {
        PlaceView q = freezer("Q", PlacePurpose.QUARANTINE);
        PlaceView r = freezer("R", PlacePurpose.RELEASED);
        String box = q.code() + "-B1";
        String shelf = q.code() + "-S1";
        List<BottleView> bottles = ProcessingFixtures.quarantinedBottles(context, 2, 100);
        BottleView first = bottles.get(0);

        mvc.perform(post("/api/v1/storage/put-away")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"item\":\"" + din(first) + "\",\"place\":\"" + box.toLowerCase() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("STORED"))
                .andExpect(jsonPath("$.path").value(q.code() + " › " + shelf + " › " + box));

        // a quarantined bottle is refused by a released freezer, naming both purposes; nothing changes
        mvc.perform(post("/api/v1/storage/put-away")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content("{\"item\":\"" + din(first) + "\",\"place\":\"" + r.code() + "-B1\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail")
                        .value(din(first) + " needs a place for Quarantine; " + r.code() + "-B1 keeps Released milk."));

        put(din(first), shelf);
        assertThat(events(first.id()))
                .extracting(e -> e.get("type") + " " + e.get("place"))
                .containsExactly(
                        "STORED " + q.code() + " › " + shelf + " › " + box, "MOVED " + q.code() + " › " + shelf);

        mvc.perform(get("/api/v1/storage/where").param("code", first.din()).with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current").value(q.code() + " › " + shelf))
                .andExpect(jsonPath("$.stays.length()").value(2))
                .andExpect(jsonPath("$.stays[0].to").doesNotExist())
                .andExpect(jsonPath("$.stays[1].place").value(q.code() + " › " + shelf + " › " + box))
                .andExpect(jsonPath("$.stays[1].ended").value("MOVED"))
                .andExpect(jsonPath("$.stays[1].by").value(technician));
        assertThat(queries.placeOf(List.of(first.id(), bottles.get(1).id())))
                .containsExactly(Map.entry(first.id(), q.code() + " › " + shelf));

        mvc.perform(get("/storage/where").param("code", din(first)).with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void whereIsItTellsTheTemperaturesOfEachStayFromItsFreezersReadingsWhileTheUnitWasInside() throws Exception {
        PlaceView q = freezer("T", PlacePurpose.QUARANTINE);
        BottleView bottle =
                ProcessingFixtures.quarantinedBottles(context, 1, 100).get(0);
        put(din(bottle), q.code() + "-B1");
        java.time.Instant placedAt = jdbc.sql("select placed_at from storage_placement where unit_id = :u")
                .param("u", bottle.id())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        // one reading before the bottle came in (not its history), two while it is inside
        reading(q.id(), placedAt.minusSeconds(3600), "-30.0", null, null);
        reading(q.id(), placedAt.plusSeconds(60), "-19.0", "-21.0", "-18.0");
        reading(q.id(), placedAt.plusSeconds(120), "-20.0", null, null);

        mvc.perform(get("/api/v1/storage/where")
                        .param("code", bottle.din())
                        .with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stays[0].readings").value(2))
                .andExpect(jsonPath("$.stays[0].coldestC").value(-21.0))
                .andExpect(jsonPath("$.stays[0].warmestC").value(-18.0))
                .andExpect(jsonPath("$.stays[0].excursions").value(0));
        mvc.perform(get("/storage/where")
                        .param("code", din(bottle))
                        .header("Accept-Language", "en")
                        .with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("2 readings, -21 to -18 °C")));
        // the pick list loads each bottle's place beside it from here
        mvc.perform(get("/storage/where/place")
                        .param("code", din(bottle))
                        .header("Accept-Language", "en")
                        .with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString(
                                q.code() + " › " + q.code() + "-S1 › " + q.code() + "-B1")));
    }

    void reading(UUID storageUnitId, java.time.Instant at, String current, String min, String max) {
        jdbc.sql("""
                        insert into storage_temperature_reading
                               (id, storage_unit_id, source, read_at, current_c, min_c, max_c, recorded_at, recorded_by)
                        values (:id, :unit, 'MANUAL', :at, cast(:current as numeric), cast(:min as numeric),
                                cast(:max as numeric), :at, :by)
                        """)
                .param("id", UUID.randomUUID())
                .param("unit", storageUnitId)
                .param("at", java.sql.Timestamp.from(at))
                .param("current", current)
                .param("min", min)
                .param("max", max)
                .param("by", technician)
                .update();
    }

    @Test
    void aFullPositionIsRefusedAndSoIsMilkThatLeftTheShelves() {
        PlaceView q = freezer("Q", PlacePurpose.QUARANTINE);
        Staff.as(
                manager,
                Role.MANAGER,
                () -> places.addInside(
                        place(q.code() + "-B1").id(),
                        new NewPlaceInside(q.code() + "-P1", null, PlaceLevel.POSITION, null, null)));
        List<BottleView> bottles = ProcessingFixtures.quarantinedBottles(context, 2, 100);
        put(bottles.get(0).din(), q.code() + "-P1");
        assertThatThrownBy(() -> put(bottles.get(1).din(), q.code() + "-P1"))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("storage.putAway.full");

        // a discarded bottle's stay ends with the discard, and it cannot be put away again
        Staff.as(
                technician,
                Role.LAB_TECHNICIAN,
                () -> inventory.discardBottle(bottles.get(0).din(), "dropped"));
        assertThat(jdbc.sql("select removed_reason from storage_placement where unit_id = :u")
                        .param("u", bottles.get(0).id())
                        .query(String.class)
                        .single())
                .isEqualTo("DISCARDED");
        assertThat(queries.placeOf(List.of(bottles.get(0).id()))).isEmpty();
        assertThatThrownBy(() -> put(bottles.get(0).din(), q.code() + "-B1"))
                .hasMessageContaining("storage.putAway.notStorable");
        put(bottles.get(1).din(), q.code() + "-P1");
    }

    @Test
    void aBoxMovedToAnotherFreezerEndsTheStaysOfWhatItHoldsAndBeginsThemInTheNewOne() {
        PlaceView a = freezer("Q", PlacePurpose.QUARANTINE);
        PlaceView b = freezer("Q2", PlacePurpose.QUARANTINE);
        String box = a.code() + "-B1";
        List<BottleView> bottles = ProcessingFixtures.quarantinedBottles(context, 2, 100);
        Instant before = Instant.now().minusSeconds(5);
        bottles.forEach(x -> put(x.din(), box));
        Instant storedBy = Instant.now();

        PutAwayResult moved = put(box, b.code() + "-S1");
        assertThat(moved.kind()).isEqualTo(PutAwayResult.Kind.BOX_MOVED);
        assertThat(moved.units()).isEqualTo(2);
        String newPath = b.code() + " › " + b.code() + "-S1 › " + box;
        assertThat(place(box).path()).isEqualTo(newPath);
        assertThat(place(box).parentId()).isEqualTo(place(b.code() + "-S1").id());

        for (BottleView x : bottles) {
            List<Map<String, Object>> stays =
                    jdbc.sql("""
                            select storage_unit_id, removed_reason from storage_placement where unit_id = :u
                            order by placed_at, removed_at nulls last
                            """).param("u", x.id()).query().listOfRows();
            assertThat(stays).hasSize(2);
            assertThat(stays.get(0))
                    .containsEntry("storage_unit_id", a.id())
                    .containsEntry("removed_reason", "BOX_MOVED");
            assertThat(stays.get(1)).containsEntry("storage_unit_id", b.id()).containsEntry("removed_reason", null);
            assertThat(events(x.id()))
                    .extracting(e -> e.get("type") + " " + e.get("place"))
                    .last()
                    .isEqualTo("MOVED " + newPath);
        }
        assertThat(jdbc.sql("select from_parent_id from storage_place_change where place_id = :p and change = 'MOVED'")
                        .param("p", place(box).id())
                        .query(UUID.class)
                        .single())
                .isEqualTo(place(a.code() + "-S1").id());
        // the first freezer held them only until the box left; the second from then on
        Instant after = Instant.now().plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<StorageQueries.Stay> inA = queries.unitsInside(a.id(), before, after);
        List<StorageQueries.Stay> inB = queries.unitsInside(b.id(), before, after);
        assertThat(inA)
                .extracting(StorageQueries.Stay::unitId)
                .containsExactlyInAnyOrder(bottles.get(0).id(), bottles.get(1).id());
        assertThat(inA).allSatisfy(s -> assertThat(s.to()).isBefore(after));
        assertThat(inB).allSatisfy(s -> assertThat(s.to()).isEqualTo(after));
        assertThat(queries.unitsInside(a.id(), before, storedBy.minusSeconds(10)))
                .isEmpty();
    }

    @Test
    void releasedBottlesStillInQuarantineAreListedToMove() {
        PlaceView q = freezer("Q", PlacePurpose.QUARANTINE);
        ProcessingFixtures.Technicians techs = ProcessingFixtures.Technicians.create(context);
        var run = ProcessingFixtures.cultureNegativeRun(context, techs, 1, 100);
        BottleView bottle = inventory.bottlesOfRun(run.id()).get(0);
        put(bottle.din(), q.code() + "-B1");
        assertThat(putAway.toMove()).extracting(ToMove::unitId).doesNotContain(bottle.id());
        ProcessingFixtures.releaseBySecondTechnician(context, run.id());
        assertThat(putAway.toMove()).extracting(ToMove::unitId).contains(bottle.id());
    }

    @Test
    void releasedStockIsToldStorageUnitByStorageUnitWithWhatIsMisplacedAndWhatHasNoPlace() throws Exception {
        PlaceView q = freezer("Q", PlacePurpose.QUARANTINE);
        PlaceView r = freezer("R", PlacePurpose.RELEASED);
        ProcessingFixtures.Technicians techs = ProcessingFixtures.Technicians.create(context);
        var run = ProcessingFixtures.cultureNegativeRun(context, techs, 3, 100);
        List<BottleView> bottles = inventory.bottlesOfRun(run.id());
        for (BottleView b : bottles) {
            put(b.din(), q.code() + "-B1");
        }
        ProcessingFixtures.releaseBySecondTechnician(context, run.id());
        put(bottles.get(0).din(), r.code() + "-B1");
        put(bottles.get(1).din(), r.code() + "-B1");
        ProcessingFixtures.releasedBottles(context, 1, 150);

        StockByPlace.Released stock = stockByPlace.released();
        StockByPlace.UnitStock inR = stock.units().stream()
                .filter(u -> u.placeId().equals(r.id()))
                .findFirst()
                .orElseThrow();
        assertThat(inR.bottles()).isEqualTo(2);
        assertThat(inR.volumeMl()).isEqualTo(200);
        assertThat(inR.firstExpiry()).isEqualTo(bottles.get(0).expiresOn());
        assertThat(inR.misplaced()).isFalse();
        StockByPlace.UnitStock inQ = stock.units().stream()
                .filter(u -> u.placeId().equals(q.id()))
                .findFirst()
                .orElseThrow();
        assertThat(inQ.bottles()).isEqualTo(1);
        assertThat(inQ.misplaced()).isTrue();
        assertThat(stock.unplacedMl()).isGreaterThanOrEqualTo(150);

        // the stock page loads the same table for a dispenser, the misplaced freezer marked
        String dispenser = Staff.create(identity, Role.DISPENSER);
        String html = mvc.perform(get("/storage/stock-by-place").with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("place-stock-" + r.code(), "place-stock-" + q.code(), "Kept for Quarantine");
        mvc.perform(get("/api/v1/storage/stock-by-place").with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unplacedBottles").isNumber());
    }

    @Test
    void aStockTakeRecordsTheMissingAndTheExtraAndTheExtraCanBePutInThePlace() {
        PlaceView q = freezer("Q", PlacePurpose.QUARANTINE);
        PlaceView other = freezer("Q2", PlacePurpose.QUARANTINE);
        String box = q.code() + "-B1";
        List<BottleView> bottles = ProcessingFixtures.quarantinedBottles(context, 3, 100);
        BottleView found = bottles.get(0);
        BottleView missing = bottles.get(1);
        BottleView extra = bottles.get(2);
        put(found.din(), box);
        put(missing.din(), box);
        put(extra.din(), other.code() + "-B1");

        StockTakeView[] take = new StockTakeView[1];
        Staff.as(technician, Role.LAB_TECHNICIAN, () -> {
            take[0] = stockTakes.start(q.id());
            stockTakes.scan(take[0].id(), din(found));
            stockTakes.scan(take[0].id(), extra.din());
            assertThatThrownBy(() -> stockTakes.scan(take[0].id(), found.din()))
                    .hasMessageContaining("storage.stockTake.alreadyScanned");
            take[0] = stockTakes.finish(take[0].id());
        });
        assertThat(take[0].differences())
                .extracting(d -> d.kind() + " " + d.unitId())
                .containsExactlyInAnyOrder("MISSING " + missing.id(), "EXTRA " + extra.id());
        StockTakeView.Difference extraDiff = take[0].differences().stream()
                .filter(d -> d.kind() == StockTakeView.DifferenceKind.EXTRA)
                .findFirst()
                .orElseThrow();
        assertThat(extraDiff.expectedPlace())
                .isEqualTo(place(other.code() + "-B1").path());
        StockTakeView.Difference missingDiff = take[0].differences().stream()
                .filter(d -> d.kind() == StockTakeView.DifferenceKind.MISSING)
                .findFirst()
                .orElseThrow();

        Staff.as(technician, Role.LAB_TECHNICIAN, () -> {
            assertThatThrownBy(() -> stockTakes.explain(
                            take[0].id(), missingDiff.id(), new StockTakeExplanation(StockTakeReason.LOST, null, true)))
                    .hasMessageContaining("storage.stockTake.moveOnlyExtra");
            stockTakes.explain(
                    take[0].id(), extraDiff.id(), new StockTakeExplanation(StockTakeReason.MISPLACED, "on top", true));
            take[0] = stockTakes.explain(
                    take[0].id(), missingDiff.id(), new StockTakeExplanation(StockTakeReason.LOST, "searched", false));
            assertThatThrownBy(() -> stockTakes.explain(
                            take[0].id(),
                            missingDiff.id(),
                            new StockTakeExplanation(StockTakeReason.OTHER, "x", false)))
                    .hasMessageContaining("storage.stockTake.alreadyExplained");
        });
        assertThat(take[0].unexplained()).isZero();
        assertThat(take[0].differences())
                .filteredOn(d -> d.kind() == StockTakeView.DifferenceKind.EXTRA)
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.movedHere()).isTrue();
                    assertThat(d.reason()).isEqualTo(StockTakeReason.MISPLACED);
                });
        // the extra one is now in the counted place; the missing one stays where the records had it, recorded missing
        assertThat(queries.placeOf(List.of(extra.id()))).containsEntry(extra.id(), q.code());
        assertThat(queries.placeOf(List.of(missing.id())))
                .containsEntry(missing.id(), place(box).path());
        assertThat(events(extra.id())).extracting(e -> e.get("type")).containsExactly("STORED", "MOVED");
    }

    @Test
    void rawContainersGoIntoARawPlaceAndLeaveItWhenTheyArePooled() {
        String room = "RAW-" + tag;
        Staff.as(
                manager,
                Role.MANAGER,
                () -> places.registerUnit(
                        new NewStorageUnit(room, "Raw milk store", UnitType.ROOM, null, PlacePurpose.RAW, null)));
        PlaceView q = freezer("Q", PlacePurpose.QUARANTINE);
        var donation = ProcessingFixtures.receivedDonation(context, 3, 500, 500);
        List<UUID> containers = donation.containers().stream()
                .map(org.openmilkbank.collection.RawContainerView::id)
                .toList();
        String first = donation.containers().get(0).din();
        assertThatThrownBy(() -> put(first, q.code() + "-B1")).hasMessageContaining("storage.putAway.wrongPurpose");
        donation.containers().forEach(c -> put(c.din(), room));
        assertThat(queries.placeOf(containers)).hasSize(2);

        Staff.as(
                technician,
                Role.LAB_TECHNICIAN,
                () -> context.getBean(org.openmilkbank.processing.PoolManagement.class)
                        .createPool(containers));
        assertThat(queries.placeOf(containers)).isEmpty();
        assertThat(jdbc.sql("select removed_reason from storage_placement where unit_id = any(cast(:u as uuid[]))")
                        .param("u", containers.toArray(UUID[]::new))
                        .query(String.class)
                        .list())
                .containsExactly("TAKEN_OUT", "TAKEN_OUT");
    }
}
