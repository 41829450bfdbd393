package org.openmilkbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The bank's role matrix, stated here independently of the controllers: every role reaches its own pages and
 * actions and is refused (403) everywhere else. An allowed call may still fail on its input (400, 404, 422);
 * what matters is that the role check let it through.
 */
@IntegrationTest
class AuthorizationMatrixTests {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final String ANY_ID = "00000000-0000-0000-0000-000000000001";
    /** Everyone who works in the bank reads the equipment register; the ward's nurses do not. */
    private static final Set<Role> EQUIPMENT_READERS =
            EnumSet.of(Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN, Role.DONOR_COORDINATOR, Role.DISPENSER);

    /** Everyone who handles milk in the bank reads the places; the ward's nurses and the coordinators do not. */
    private static final Set<Role> STORAGE_READERS =
            EnumSet.of(Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN, Role.DISPENSER);

    record Access(HttpMethod method, String path, Set<Role> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Access> matrix() {
        return List.of(
                // pages
                get("/", ALL),
                get("/standards", ALL),
                get("/standards/profiles/NICE", ALL),
                get("/admin/users", Role.ADMIN),
                get("/donors", Role.DONOR_COORDINATOR, Role.MANAGER, Role.ADMIN),
                get("/reception", Role.DONOR_COORDINATOR, Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/containers", Role.DONOR_COORDINATOR, Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/pools", Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/pools/new", Role.LAB_TECHNICIAN),
                get("/runs", Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/lab", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/api/v1/lab/work-list", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/lab/procedures", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/lab/procedures/pre-culture", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/lab/worksheet.pdf", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/api/v1/lab/procedures/dornic", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/api/v1/lab/worksheet.pdf", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                post("/api/v1/lab/procedures/dornic/edits", Role.ADMIN),
                get("/lab/plan", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/api/v1/lab/plan", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/bottles", Role.LAB_TECHNICIAN, Role.DISPENSER, Role.MANAGER),
                get("/infants", Role.NURSE, Role.DISPENSER, Role.MANAGER),
                get("/orders", Role.NURSE, Role.DISPENSER, Role.MANAGER),
                get("/api/v1/orders", Role.NURSE, Role.DISPENSER, Role.MANAGER),
                get("/api/v1/orders/shortage", Role.DISPENSER, Role.MANAGER),
                get("/api/v1/orders/" + ANY_ID + "/proposal", Role.DISPENSER, Role.MANAGER),
                get("/ward/prepare", Role.NURSE, Role.MANAGER),
                get("/ward/bedside", Role.NURSE),
                get("/ward/infants/" + ANY_ID, Role.NURSE, Role.DISPENSER, Role.MANAGER),
                get("/ward/infants/" + ANY_ID + "/wristband.pdf", Role.NURSE, Role.DISPENSER),
                get("/ward/aliquots/" + ANY_ID + "/label.pdf", Role.NURSE),
                get("/ward/bottles/" + ANY_ID + "/labels.pdf", Role.NURSE),
                get("/ward/near-misses", Role.MANAGER),
                get("/api/v1/ward/infants/" + ANY_ID + "/record", Role.NURSE, Role.DISPENSER, Role.MANAGER),
                get("/api/v1/ward/near-misses", Role.MANAGER),
                get("/trace", Role.MANAGER, Role.ADMIN, Role.DONOR_COORDINATOR, Role.LAB_TECHNICIAN),
                get("/recalls", Role.MANAGER, Role.ADMIN, Role.DONOR_COORDINATOR, Role.LAB_TECHNICIAN),
                get("/recalls/preview", Role.MANAGER),
                get("/lab/analysers", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/lab/analysers/import", Role.LAB_TECHNICIAN),
                get("/lab/analysers/results", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/api/v1/lab/analysers", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/api/v1/lab/analysers/results", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/api/v1/history/AnalyserImport/" + ANY_ID, Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                post("/api/v1/lab/analysers", Role.LAB_TECHNICIAN),
                post("/api/v1/lab/analysers/results/" + ANY_ID + "/void", Role.LAB_TECHNICIAN),
                get("/lab/quality", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/reports/lab", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/reports/lab.csv", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/api/v1/reports/lab", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/reports/indicators", Role.MANAGER, Role.ADMIN),
                get("/reports/indicators/VOLUME_DISPENSED?breakdown=NICU", Role.MANAGER, Role.ADMIN),
                get("/reports/indicators.csv", Role.MANAGER, Role.ADMIN),
                get("/reports/indicators.xlsx", Role.MANAGER, Role.ADMIN),
                get("/reports/indicators/DISCARDED_VOLUME/units.csv?breakdown=EXPIRY", Role.MANAGER, Role.ADMIN),
                get("/reports/dictionary", Role.MANAGER, Role.ADMIN),
                get("/api/v1/reports/dictionary", Role.MANAGER, Role.ADMIN),
                get("/api/v1/reports/indicators", Role.MANAGER, Role.ADMIN),
                get("/api/v1/reports/indicators/VOLUME_DISPENSED/units", Role.MANAGER, Role.ADMIN),
                get("/recalls/RC-2000-001", Role.MANAGER, Role.ADMIN, Role.DONOR_COORDINATOR, Role.LAB_TECHNICIAN),
                get("/equipment", EQUIPMENT_READERS),
                get("/equipment/" + ANY_ID, EQUIPMENT_READERS),
                get("/storage/places", STORAGE_READERS),
                get("/storage/places/" + ANY_ID, STORAGE_READERS),
                get("/storage/put-away", STORAGE_READERS),
                get("/storage/where?code=A000126999999", STORAGE_READERS),
                get("/storage/where/place?code=A000126999999", STORAGE_READERS),
                get("/storage/stock-takes/" + ANY_ID, STORAGE_READERS),
                get("/storage/stock-by-place", STORAGE_READERS),
                get("/api/v1/storage/stock-by-place", STORAGE_READERS),
                get("/api/v1/storage/places", STORAGE_READERS),
                get("/api/v1/storage/places/" + ANY_ID, STORAGE_READERS),
                get("/api/v1/storage/to-move", STORAGE_READERS),
                get("/api/v1/storage/where?code=A000126999999", STORAGE_READERS),
                get("/api/v1/storage/stock-takes/" + ANY_ID, STORAGE_READERS),
                // API reads
                get("/api/v1/standards/active", ALL),
                get("/api/v1/standards/profiles/NICE/comparison", ALL),
                get("/api/v1/dashboard", ALL),
                get("/api/v1/users", Role.ADMIN),
                get("/api/v1/donors", Role.DONOR_COORDINATOR, Role.MANAGER, Role.ADMIN),
                get("/api/v1/containers", Role.DONOR_COORDINATOR, Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/api/v1/pools", Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/api/v1/runs", Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/api/v1/runs/" + ANY_ID + "/bottles", Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/api/v1/runs/" + ANY_ID + "/curve", Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/runs/" + ANY_ID + "/curve", Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/runs/" + ANY_ID + "/curve/data", Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/runs/curve-work", Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/runs/calibration-impacts/" + ANY_ID, Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/api/v1/runs/calibration-impacts/" + ANY_ID, Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/runs/loggers", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/runs/loggers/new", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/api/v1/history/PasteurisationRun/" + ANY_ID, Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/api/v1/history/Infant/" + ANY_ID, Role.NURSE, Role.DISPENSER, Role.MANAGER),
                get("/api/v1/history/StaffUser/" + ANY_ID, Role.ADMIN),
                get("/api/v1/bottles", Role.LAB_TECHNICIAN, Role.DISPENSER, Role.MANAGER),
                get("/stock", Role.LAB_TECHNICIAN, Role.DISPENSER, Role.MANAGER),
                get("/stock/pick", Role.LAB_TECHNICIAN, Role.DISPENSER, Role.MANAGER),
                get("/stock/expiry", Role.LAB_TECHNICIAN, Role.DISPENSER, Role.MANAGER),
                get("/api/v1/storage/stock", Role.LAB_TECHNICIAN, Role.DISPENSER, Role.MANAGER),
                get("/api/v1/storage/stock/supply", Role.LAB_TECHNICIAN, Role.DISPENSER, Role.MANAGER),
                get("/api/v1/storage/stock/pick", Role.LAB_TECHNICIAN, Role.DISPENSER, Role.MANAGER),
                get("/api/v1/storage/expiry", Role.LAB_TECHNICIAN, Role.DISPENSER, Role.MANAGER),
                get("/api/v1/infants", Role.NURSE, Role.DISPENSER, Role.MANAGER),
                get("/api/v1/dispensable-bottles", Role.LAB_TECHNICIAN, Role.DISPENSER, Role.MANAGER),
                get(
                        "/api/v1/trace/donors/" + ANY_ID,
                        Role.MANAGER,
                        Role.ADMIN,
                        Role.DONOR_COORDINATOR,
                        Role.LAB_TECHNICIAN),
                get("/api/v1/recalls", Role.MANAGER, Role.ADMIN, Role.DONOR_COORDINATOR, Role.LAB_TECHNICIAN),
                get(
                        "/api/v1/recalls/RC-2000-001",
                        Role.MANAGER,
                        Role.ADMIN,
                        Role.DONOR_COORDINATOR,
                        Role.LAB_TECHNICIAN),
                get(
                        "/api/v1/recalls/RC-2000-001/report.pdf",
                        Role.MANAGER,
                        Role.ADMIN,
                        Role.DONOR_COORDINATOR,
                        Role.LAB_TECHNICIAN),
                get("/api/v1/lab/quality/awaiting", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                get("/api/v1/equipment", EQUIPMENT_READERS),
                get("/api/v1/equipment/due", EQUIPMENT_READERS),
                get("/api/v1/equipment/" + ANY_ID + "/standing", EQUIPMENT_READERS),
                get("/api/v1/history/Equipment/" + ANY_ID, EQUIPMENT_READERS),
                get("/api/v1/lab/quality/containers/A000126999999", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                // API actions
                post("/api/v1/lab/quality/containers/A000126999999/sensory", Role.LAB_TECHNICIAN),
                post("/api/v1/lab/quality/containers/A000126999999/dornic", Role.LAB_TECHNICIAN),
                post("/api/v1/lab/quality/containers/A000126999999/crematocrit", Role.LAB_TECHNICIAN),
                post("/api/v1/equipment", Role.MANAGER, Role.ADMIN),
                post("/api/v1/equipment/" + ANY_ID + "/status", Role.MANAGER, Role.ADMIN),
                post("/equipment", Role.MANAGER, Role.ADMIN),
                post("/storage/places", Role.MANAGER, Role.ADMIN),
                post("/storage/places/" + ANY_ID + "/places", Role.MANAGER, Role.ADMIN, Role.LAB_TECHNICIAN),
                post("/storage/places/" + ANY_ID + "/amend", Role.MANAGER, Role.ADMIN),
                post("/storage/places/" + ANY_ID + "/retire", Role.MANAGER, Role.ADMIN),
                post("/storage/put-away", Role.LAB_TECHNICIAN),
                post("/storage/stock-takes?placeId=" + ANY_ID, Role.LAB_TECHNICIAN, Role.MANAGER),
                post("/storage/stock-takes/" + ANY_ID + "/scans", Role.LAB_TECHNICIAN, Role.MANAGER),
                post("/storage/stock-takes/" + ANY_ID + "/finish", Role.LAB_TECHNICIAN, Role.MANAGER),
                post("/storage/stock-takes/" + ANY_ID + "/differences/" + ANY_ID, Role.LAB_TECHNICIAN, Role.MANAGER),
                post("/api/v1/storage/places", Role.MANAGER, Role.ADMIN),
                post("/api/v1/storage/places/" + ANY_ID + "/places", Role.MANAGER, Role.ADMIN, Role.LAB_TECHNICIAN),
                post("/api/v1/storage/places/" + ANY_ID + "/amend", Role.MANAGER, Role.ADMIN),
                post("/api/v1/storage/places/" + ANY_ID + "/retire", Role.MANAGER, Role.ADMIN),
                post("/api/v1/storage/put-away", Role.LAB_TECHNICIAN),
                post("/api/v1/storage/stock-takes", Role.LAB_TECHNICIAN, Role.MANAGER),
                post("/api/v1/storage/stock-takes/" + ANY_ID + "/scans", Role.LAB_TECHNICIAN, Role.MANAGER),
                post("/api/v1/storage/stock-takes/" + ANY_ID + "/finish", Role.LAB_TECHNICIAN, Role.MANAGER),
                post(
                        "/api/v1/storage/stock-takes/" + ANY_ID + "/differences/" + ANY_ID,
                        Role.LAB_TECHNICIAN,
                        Role.MANAGER),
                post("/api/v1/equipment/" + ANY_ID + "/calibrations", Role.LAB_TECHNICIAN),
                post("/api/v1/equipment/" + ANY_ID + "/calibrations/void", Role.LAB_TECHNICIAN),
                post("/api/v1/equipment/" + ANY_ID + "/repairs", Role.LAB_TECHNICIAN),
                post("/api/v1/equipment/" + ANY_ID + "/studies", Role.LAB_TECHNICIAN),
                post("/equipment/" + ANY_ID + "/calibrations", Role.LAB_TECHNICIAN),
                post("/api/v1/recalls/preview", Role.MANAGER),
                // cold chain: technicians read temperatures, managers decide excursions
                get("/storage/cold", Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/storage/cold/alerts", Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/storage/cold/" + ANY_ID, Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/storage/cold/excursions/" + ANY_ID, Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/api/v1/storage/cold", Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/api/v1/storage/cold/units/" + ANY_ID + "/readings", Role.LAB_TECHNICIAN, Role.MANAGER),
                get("/api/v1/storage/cold/excursions/" + ANY_ID, Role.LAB_TECHNICIAN, Role.MANAGER),
                post("/api/v1/storage/cold/units/" + ANY_ID + "/readings", Role.LAB_TECHNICIAN),
                post("/storage/cold/" + ANY_ID + "/readings", Role.LAB_TECHNICIAN),
                post("/api/v1/storage/cold/units/" + ANY_ID + "/excursions", Role.MANAGER),
                post("/api/v1/storage/cold/excursions/" + ANY_ID + "/acknowledge", Role.LAB_TECHNICIAN, Role.MANAGER),
                post("/api/v1/storage/cold/excursions/" + ANY_ID + "/end", Role.MANAGER),
                post("/api/v1/storage/cold/excursions/" + ANY_ID + "/decisions", Role.MANAGER),
                post("/api/v1/storage/cold/excursions/" + ANY_ID + "/raise", Role.MANAGER),
                post("/storage/cold/excursions/" + ANY_ID + "/decisions", Role.MANAGER),
                post("/storage/cold/excursions/" + ANY_ID + "/raise", Role.MANAGER),
                post("/api/v1/recalls", Role.MANAGER),
                post("/api/v1/recalls/RC-2000-001/tasks/" + ANY_ID + "/done", Role.MANAGER),
                post("/api/v1/recalls/RC-2000-001/tasks/" + ANY_ID + "/waive", Role.MANAGER),
                post("/api/v1/recalls/RC-2000-001/tasks/" + ANY_ID + "/reopen", Role.MANAGER),
                post("/api/v1/recalls/RC-2000-001/close", Role.MANAGER),
                post("/api/v1/users", Role.ADMIN),
                new Access(HttpMethod.PUT, "/api/v1/standards/active", EnumSet.of(Role.ADMIN)),
                post("/api/v1/standards/profiles", Role.ADMIN),
                post("/api/v1/standards/profiles/NICE/parameters", Role.ADMIN),
                post("/api/v1/donors", Role.DONOR_COORDINATOR),
                post("/api/v1/donors/" + ANY_ID + "/serology", Role.DONOR_COORDINATOR),
                post("/api/v1/donations", Role.DONOR_COORDINATOR, Role.LAB_TECHNICIAN),
                post("/api/v1/pools", Role.LAB_TECHNICIAN),
                post("/api/v1/pools/" + ANY_ID + "/pre-culture", Role.LAB_TECHNICIAN),
                post("/api/v1/runs", Role.LAB_TECHNICIAN),
                post("/api/v1/runs/" + ANY_ID + "/post-culture", Role.LAB_TECHNICIAN),
                post("/runs/" + ANY_ID + "/curve/sheet", Role.LAB_TECHNICIAN),
                post("/runs/loggers", Role.LAB_TECHNICIAN, Role.MANAGER, Role.ADMIN),
                post("/api/v1/lab/samples", Role.LAB_TECHNICIAN),
                post("/api/v1/lab/samples/" + ANY_ID + "/reads", Role.LAB_TECHNICIAN),
                post("/api/v1/runs/" + ANY_ID + "/release", Role.LAB_TECHNICIAN),
                post("/api/v1/runs/" + ANY_ID + "/confirm-manual", Role.LAB_TECHNICIAN),
                post("/api/v1/bottles/A000126999999/discard", Role.LAB_TECHNICIAN),
                post("/api/v1/bottles/A000126999999/thaw", Role.LAB_TECHNICIAN, Role.DISPENSER),
                post("/api/v1/bottles/A000126999999/warm", Role.LAB_TECHNICIAN, Role.DISPENSER),
                post("/bottles/A000126999999/thaw", Role.LAB_TECHNICIAN, Role.DISPENSER),
                post("/api/v1/infants", Role.NURSE, Role.DISPENSER),
                post("/api/v1/infants/" + ANY_ID + "/consent", Role.NURSE, Role.DISPENSER),
                post("/api/v1/infants/" + ANY_ID + "/dispenses", Role.DISPENSER),
                post("/infants/" + ANY_ID + "/orders", Role.NURSE, Role.MANAGER),
                post("/infants/" + ANY_ID + "/risks", Role.NURSE, Role.DISPENSER),
                post("/api/v1/orders", Role.NURSE, Role.MANAGER),
                post("/api/v1/orders/" + ANY_ID + "/amendments", Role.NURSE, Role.MANAGER),
                post("/api/v1/orders/" + ANY_ID + "/cancellation", Role.NURSE, Role.MANAGER),
                post("/api/v1/orders/" + ANY_ID + "/allocation", Role.DISPENSER),
                post("/api/v1/orders/shortage", Role.MANAGER),
                post("/orders/shortage", Role.MANAGER),
                post("/orders/" + ANY_ID + "/allocation", Role.DISPENSER),
                post("/orders/" + ANY_ID + "/allocation/swap", Role.DISPENSER),
                post("/orders/" + ANY_ID + "/amendment", Role.NURSE, Role.MANAGER),
                post("/orders/" + ANY_ID + "/cancellation", Role.NURSE, Role.MANAGER),
                post("/orders/" + ANY_ID + "/dispatch", Role.DISPENSER),
                post("/orders/" + ANY_ID + "/receipt", Role.NURSE, Role.MANAGER),
                post("/api/v1/orders/" + ANY_ID + "/dispatch", Role.DISPENSER),
                post("/api/v1/orders/" + ANY_ID + "/receipt", Role.NURSE, Role.MANAGER),
                post("/orders/" + ANY_ID + "/fulfilment", Role.NURSE, Role.MANAGER),
                post("/orders/" + ANY_ID + "/returns", Role.DISPENSER),
                post("/api/v1/infants/" + ANY_ID + "/risks", Role.NURSE, Role.DISPENSER),
                post("/api/v1/orders/" + ANY_ID + "/returns", Role.DISPENSER),
                post("/api/v1/orders/" + ANY_ID + "/fulfilment", Role.NURSE, Role.MANAGER),
                get("/api/v1/orders/" + ANY_ID + "/manifest.pdf", Role.NURSE, Role.DISPENSER, Role.MANAGER),
                get("/orders/" + ANY_ID + "/manifest.pdf", Role.NURSE, Role.DISPENSER, Role.MANAGER),
                post("/ward/prepare/thaw", Role.NURSE),
                post("/ward/prepare/divide", Role.NURSE),
                post("/ward/bedside/check", Role.NURSE),
                post("/ward/bedside/feed", Role.NURSE),
                post("/api/v1/ward/thaws", Role.NURSE),
                post("/api/v1/ward/preparations", Role.NURSE),
                post("/api/v1/ward/bedside-checks", Role.NURSE),
                post("/api/v1/ward/feeds", Role.NURSE),
                // the manager's month: dashboard, targets, monthly report and its sign-off
                get("/reports", Role.MANAGER, Role.ADMIN),
                get("/api/v1/reports/months/2020-01", Role.MANAGER, Role.ADMIN),
                get("/reports/targets", Role.MANAGER, Role.ADMIN),
                get("/reports/targets/VOLUME_DISPENSED", Role.MANAGER, Role.ADMIN),
                post("/reports/targets/VOLUME_DISPENSED", Role.MANAGER),
                post("/reports/targets/VOLUME_DISPENSED/withdraw", Role.MANAGER),
                get("/api/v1/reports/targets/VOLUME_DISPENSED", Role.MANAGER, Role.ADMIN),
                put("/api/v1/reports/targets/VOLUME_DISPENSED", Role.MANAGER),
                post("/api/v1/reports/targets/VOLUME_DISPENSED/withdrawal", Role.MANAGER),
                get("/reports/monthly", Role.MANAGER, Role.ADMIN),
                get("/reports/monthly/2020-01", Role.MANAGER, Role.ADMIN),
                get("/reports/monthly/2020-01.pdf", Role.MANAGER, Role.ADMIN),
                get("/api/v1/reports/monthly/2020-01.pdf", Role.MANAGER, Role.ADMIN),
                get("/api/v1/reports/monthly/2020-01/sign-offs", Role.MANAGER, Role.ADMIN),
                post("/reports/monthly/2020-01/sign-off", Role.MANAGER),
                post("/api/v1/reports/monthly/2020-01/sign-off", Role.MANAGER),
                // DHIS2: managers report and keep the mapping; the connection (a server, its password) is the admin's
                get("/reports/dhis2", Role.MANAGER, Role.ADMIN),
                get("/reports/dhis2/mappings/" + ANY_ID, Role.MANAGER, Role.ADMIN),
                get("/reports/dhis2/pushes", Role.MANAGER, Role.ADMIN),
                get("/reports/dhis2/mappings.csv", Role.MANAGER, Role.ADMIN),
                get("/reports/dhis2/pushes/" + ANY_ID, Role.MANAGER, Role.ADMIN),
                post("/reports/dhis2/connection", Role.ADMIN),
                post("/reports/dhis2/mappings", Role.MANAGER, Role.ADMIN),
                post("/reports/dhis2/mappings/" + ANY_ID + "/amendment", Role.MANAGER, Role.ADMIN),
                post("/reports/dhis2/mappings/" + ANY_ID + "/void", Role.MANAGER, Role.ADMIN),
                post("/reports/dhis2/push", Role.MANAGER, Role.ADMIN),
                get("/api/v1/reports/dhis2/connection", Role.MANAGER, Role.ADMIN),
                new Access(HttpMethod.PUT, "/api/v1/reports/dhis2/connection", EnumSet.of(Role.ADMIN)),
                // the network hub's door: a batch is authenticated by the bank's signature, not by a staff role
                post("/api/v1/network/batches", Role.values()),
                get("/api/v1/reports/dhis2/mappings", Role.MANAGER, Role.ADMIN),
                post("/api/v1/reports/dhis2/mappings", Role.MANAGER, Role.ADMIN),
                post("/api/v1/reports/dhis2/mappings/" + ANY_ID + "/amendment", Role.MANAGER, Role.ADMIN),
                post("/api/v1/reports/dhis2/mappings/" + ANY_ID + "/void", Role.MANAGER, Role.ADMIN),
                get("/api/v1/reports/dhis2/2026-01", Role.MANAGER, Role.ADMIN),
                get("/api/v1/reports/dhis2/2026-01/dataValueSets.json", Role.MANAGER, Role.ADMIN),
                get("/api/v1/reports/dhis2/2026-01/adx.xml", Role.MANAGER, Role.ADMIN),
                post("/api/v1/reports/dhis2/2099-01/push", Role.MANAGER, Role.ADMIN),
                get("/api/v1/reports/dhis2/pushes", Role.MANAGER, Role.ADMIN),
                get("/api/v1/reports/dhis2/pushes/" + ANY_ID, Role.MANAGER, Role.ADMIN));
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Access access : matrix()) {
            for (Role role : Role.values()) {
                cases.add(Arguments.of(access, role, access.allowed().contains(role)));
            }
        }
        return cases.stream();
    }

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0} as {1}: allowed={2}")
    @MethodSource("cases")
    void eachRoleReachesOnlyItsOwnPagesAndActions(Access access, Role role, boolean allowed) throws Exception {
        int status = mvc.perform(request(access.method(), access.path())
                        .with(user("matrix-" + role.name().toLowerCase()).roles(role.name()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andReturn()
                .getResponse()
                .getStatus();
        if (allowed) {
            assertThat(status).as("%s as %s", access, role).isNotIn(401, 403);
        } else {
            assertThat(status).as("%s as %s", access, role).isEqualTo(403);
        }
    }

    private static Access get(String path, Set<Role> roles) {
        return new Access(HttpMethod.GET, path, roles);
    }

    private static Access get(String path, Role... roles) {
        return new Access(HttpMethod.GET, path, EnumSet.copyOf(Arrays.asList(roles)));
    }

    private static Access post(String path, Role... roles) {
        return new Access(HttpMethod.POST, path, EnumSet.copyOf(Arrays.asList(roles)));
    }

    private static Access put(String path, Role... roles) {
        return new Access(HttpMethod.PUT, path, EnumSet.copyOf(Arrays.asList(roles)));
    }

    static UUID anyId() {
        return UUID.fromString(ANY_ID);
    }
}
