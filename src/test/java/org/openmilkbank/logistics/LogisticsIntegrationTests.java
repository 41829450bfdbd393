package org.openmilkbank.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class LogisticsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    DonorManagement donors;

    @Autowired
    Standards standards;

    @Autowired
    Logistics logistics;

    @Autowired
    LogisticsManagement management;

    @Autowired
    History history;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    LocalDate today;
    String coordinator;
    DonorView donor;

    @BeforeEach
    void donor() {
        today = LocalDate.now(clock);
        coordinator = Staff.create(identity, Role.DONOR_COORDINATOR);
        AtomicReference<DonorView> d = new AtomicReference<>();
        Staff.asSystem(() -> d.set(DonorFixtures.registeredDonor(donors)));
        donor = d.get();
    }

    static String boxCode() {
        return "BOX-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, String body) {
        return request.with(httpBasic(coordinator, Staff.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    JsonNode call(MockHttpServletRequestBuilder request, String body, int status) throws Exception {
        String response = mvc.perform(api(request, body))
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response);
    }

    @Test
    void aPickUpRunGoesOutCollectsAndItsBoxArrivesWithAnIntactColdChain() throws Exception {
        JsonNode point = call(
                post("/api/v1/logistics/points"),
                "{\"name\":\"Depot " + UUID.randomUUID() + "\",\"kind\":\"COMMUNITY\",\"address\":\"12 Tran Phu\"}",
                201);
        JsonNode run =
                call(post("/api/v1/logistics/runs"), "{\"plannedOn\":\"" + today + "\",\"driver\":\"Lan\"}", 201);
        String runId = run.get("id").asText();
        assertThat(run.get("state").asText()).isEqualTo("PLANNED");

        call(
                post("/api/v1/logistics/runs/" + runId + "/stops"),
                "{\"donorCode\":\" " + donor.code().toLowerCase() + "\"}",
                200);
        call(
                post("/api/v1/logistics/runs/" + runId + "/stops"),
                "{\"collectionPointId\":\"" + point.get("id").asText() + "\"}",
                200);
        String code = boxCode();
        run = call(
                post("/api/v1/logistics/runs/" + runId + "/boxes"), "{\"code\":\"" + code.toLowerCase() + "\"}", 200);
        assertThat(run.get("stops")).hasSize(2);
        assertThat(run.get("stops").get(0).get("donorCode").asText()).isEqualTo(donor.code());
        String boxId = run.get("boxes").get(0).get("id").asText();

        mvc.perform(get("/api/v1/logistics/work-lists").with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.expectedPickUps[*].runId", hasItem(runId)));

        call(post("/api/v1/logistics/runs/" + runId + "/start"), "", 200);
        call(post("/api/v1/logistics/boxes/" + boxId + "/departure"), "{\"temperatureC\":-21.5}", 200);
        mvc.perform(get("/api/v1/logistics/work-lists").with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(jsonPath("$.boxesInTransit[*].code", hasItem(code)));

        String stop1 = run.get("stops").get(0).get("id").asText();
        String stop2 = run.get("stops").get(1).get("id").asText();
        call(
                post("/api/v1/logistics/runs/" + runId + "/stops/" + stop1),
                "{\"outcome\":\"COLLECTED\",\"containers\":3}",
                200);
        JsonNode refused = call(post("/api/v1/logistics/runs/" + runId + "/return"), "", 422);
        assertThat(refused.get("code").asText()).isEqualTo("logistics.run.stopsPending");
        call(
                post("/api/v1/logistics/runs/" + runId + "/stops/" + stop2),
                "{\"outcome\":\"MISSED\",\"note\":\"depot closed\"}",
                200);
        run = call(post("/api/v1/logistics/runs/" + runId + "/return"), "", 200);
        assertThat(run.get("state").asText()).isEqualTo("RETURNED");

        JsonNode box = call(
                post("/api/v1/logistics/boxes/by-code/" + code + "/arrival"),
                "{\"temperatureC\":-19.0,\"indicator\":\"INTACT\",\"sealIntact\":true}",
                200);
        assertThat(box.get("state").asText()).isEqualTo("ARRIVED");
        assertThat(box.get("verdict").get("intact").asBoolean()).isTrue();
        assertThat(box.get("profileCode").asText()).isEqualTo("HMBANA");

        // the public API reception uses
        ColdChainVerdict verdict = logistics.coldChainOf(UUID.fromString(boxId));
        assertThat(verdict.intact()).isTrue();
        assertThat(logistics.findBox(code.toLowerCase()))
                .get()
                .extracting(BoxView::state)
                .isEqualTo(BoxState.ARRIVED);
        assertThat(history.of(LogisticsManagement.BOX, boxId))
                .extracting(History.HistoryEntry::action)
                .containsExactly("Taken on run", "Departed", "Arrived: cold chain intact");
        assertThat(history.of(LogisticsManagement.RUN, runId))
                .extracting(History.HistoryEntry::action)
                .contains("Planned", "On the road", "Stop collected", "Stop missed", "Returned");
    }

    @Test
    void aWarmBoxWithATriggeredIndicatorAndABrokenSealIsBrokenForEveryReason() throws Exception {
        JsonNode point = call(
                post("/api/v1/logistics/points"),
                "{\"name\":\"Clinic " + UUID.randomUUID() + "\",\"kind\":\"CLINIC\"}",
                201);
        String code = boxCode();
        String departed = java.time.Instant.now(clock)
                .minus(java.time.Duration.ofHours(30))
                .toString();
        JsonNode box = call(
                post("/api/v1/logistics/boxes"),
                "{\"code\":\"" + code + "\",\"originPointId\":\""
                        + point.get("id").asText() + "\",\"departedAt\":\"" + departed + "\",\"temperatureC\":-20}",
                201);
        assertThat(box.get("state").asText()).isEqualTo("IN_TRANSIT");
        assertThatThrownBy(() ->
                        logistics.coldChainOf(UUID.fromString(box.get("id").asText())))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("logistics.box.notArrived");

        mvc.perform(api(
                        post("/api/v1/logistics/boxes/by-code/" + code + "/arrival"),
                        "{\"temperatureC\":-4.5,\"indicator\":\"TRIGGERED\",\"sealIntact\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict.intact").value(false))
                .andExpect(jsonPath("$.verdict.reasons[*].code", hasSize(4)))
                .andExpect(jsonPath("$.verdict.reasons[0].code").value("logistics.coldChain.arrivalTooWarm"))
                .andExpect(jsonPath("$.verdict.reasons[1].code").value("logistics.coldChain.transitTooLong"));
        ColdChainVerdict verdict =
                logistics.coldChainOf(UUID.fromString(box.get("id").asText()));
        assertThat(verdict.reasons())
                .extracting(ColdChainReason::code)
                .containsExactly(
                        ColdChainReason.ARRIVAL_TOO_WARM,
                        ColdChainReason.TRANSIT_TOO_LONG,
                        ColdChainReason.INDICATOR_TRIGGERED,
                        ColdChainReason.SEAL_BROKEN);
        mvc.perform(get("/api/v1/logistics/boxes/" + box.get("id").asText() + "/cold-chain")
                        .with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(jsonPath("$.intact").value(false));
        // the box code is free again for the next shipment
        call(
                post("/api/v1/logistics/boxes"),
                "{\"code\":\"" + code + "\",\"originPointId\":\""
                        + point.get("id").asText() + "\",\"temperatureC\":-22}",
                201);
        JsonNode again = call(
                post("/api/v1/logistics/boxes"),
                "{\"code\":\"" + code + "\",\"originPointId\":\""
                        + point.get("id").asText() + "\",\"temperatureC\":-22}",
                422);
        assertThat(again.get("code").asText()).isEqualTo("logistics.box.codeInUse");
        assertThat(logistics.findBox(code)).get().extracting(BoxView::state).isEqualTo(BoxState.IN_TRANSIT);
    }

    @Test
    void refusalsChangeNothingAndSayWhy() throws Exception {
        JsonNode run =
                call(post("/api/v1/logistics/runs"), "{\"plannedOn\":\"" + today + "\",\"driver\":\"Lan\"}", 201);
        String runId = run.get("id").asText();
        assertThat(call(post("/api/v1/logistics/runs/" + runId + "/start"), "", 422)
                        .get("code")
                        .asText())
                .isEqualTo("logistics.run.noStops");
        assertThat(call(post("/api/v1/logistics/runs/" + runId + "/stops"), "{\"donorCode\":\"D99999\"}", 422)
                        .get("detail")
                        .asText())
                .contains("D99999");
        assertThat(call(
                                post("/api/v1/logistics/runs"),
                                "{\"plannedOn\":\"" + today.minusDays(1) + "\",\"driver\":\"Lan\"}",
                                422)
                        .get("code")
                        .asText())
                .isEqualTo("logistics.run.plannedInPast");
        assertThat(call(post("/api/v1/logistics/runs/" + runId + "/cancel"), "{\"reason\":\" \"}", 422)
                        .get("code")
                        .asText())
                .isEqualTo("history.reason.required");
        call(post("/api/v1/logistics/runs/" + runId + "/boxes"), "{\"code\":\"" + boxCode() + "\"}", 200);
        JsonNode cancelled =
                call(post("/api/v1/logistics/runs/" + runId + "/cancel"), "{\"reason\":\"van broke down\"}", 200);
        assertThat(cancelled.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("boxes").get(0).get("state").asText()).isEqualTo("CANCELLED");
        assertThat(history.of(LogisticsManagement.RUN, runId))
                .filteredOn(e -> e.action().equals("Cancelled"))
                .extracting(History.HistoryEntry::reason)
                .containsExactly("van broke down");
        assertThat(call(post("/api/v1/logistics/points"), "{\"name\":\" \",\"kind\":\"HOSPITAL\"}", 422)
                        .get("code")
                        .asText())
                .isEqualTo("logistics.point.nameRequired");
    }

    @Test
    void aCollectionPointIsDeactivatedWithAReasonAndThenCannotBeAStop() throws Exception {
        JsonNode point = call(
                post("/api/v1/logistics/points"),
                "{\"name\":\"Hospital " + UUID.randomUUID() + "\",\"kind\":\"HOSPITAL\"}",
                201);
        String id = point.get("id").asText();
        assertThat(call(post("/api/v1/logistics/points/" + id + "/deactivate"), "{}", 422)
                        .get("code")
                        .asText())
                .isEqualTo("history.reason.required");
        JsonNode inactive =
                call(post("/api/v1/logistics/points/" + id + "/deactivate"), "{\"reason\":\"ward closed\"}", 200);
        assertThat(inactive.get("active").asBoolean()).isFalse();
        assertThat(inactive.get("deactivatedReason").asText()).isEqualTo("ward closed");
        JsonNode run = call(
                post("/api/v1/logistics/runs"),
                "{\"plannedOn\":\"" + today.plusDays(1) + "\",\"driver\":\"Lan\"}",
                201);
        assertThat(call(
                                post("/api/v1/logistics/runs/" + run.get("id").asText() + "/stops"),
                                "{\"collectionPointId\":\"" + id + "\"}",
                                422)
                        .get("code")
                        .asText())
                .isEqualTo("logistics.run.pointInactive");
        assertThat(history.of(LogisticsManagement.POINT, id))
                .extracting(History.HistoryEntry::action)
                .containsExactly("Created", "Deactivated");
        mvc.perform(get("/logistics/points/" + id).with(user(coordinator).roles("DONOR_COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deactivated: ward closed")))
                .andExpect(content().string(not(containsString("data-testid=\"dispatch-form\""))));
        mvc.perform(post("/logistics/points/" + id + "/reactivate")
                        .with(csrf())
                        .with(user(coordinator).roles("DONOR_COORDINATOR")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/logistics/points/" + id).with(user(coordinator).roles("DONOR_COORDINATOR")))
                .andExpect(content().string(containsString("data-testid=\"dispatch-form\"")));
    }

    @Test
    void theArrivalPageLoadsAScannedBoxAndShowsTheVerdictAtOnce() throws Exception {
        AtomicReference<BoxView> box = new AtomicReference<>();
        String code = boxCode();
        Staff.as(coordinator, Role.DONOR_COORDINATOR, () -> {
            CollectionPointView p = management.createPoint(
                    new NewCollectionPoint("Point " + UUID.randomUUID(), CollectionPointKind.HOSPITAL, null));
            box.set(management.dispatchBox(
                    code,
                    p.id(),
                    TransportMode.FROZEN,
                    java.time.Instant.now(clock).minusSeconds(3600),
                    new java.math.BigDecimal("-20")));
        });
        String technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        mvc.perform(get("/logistics/arrival/box")
                        .param("code", code.toLowerCase())
                        .header("HX-Request", "true")
                        .with(user(technician).roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"arrival-form\"")))
                .andExpect(content().string(containsString(code)));
        mvc.perform(get("/logistics/arrival/box")
                        .param("code", "NOPE-1")
                        .with(user(technician).roles("LAB_TECHNICIAN")))
                .andExpect(content().string(containsString("No box NOPE-1")));
        mvc.perform(post("/logistics/arrival")
                        .with(csrf())
                        .with(user(technician).roles("LAB_TECHNICIAN"))
                        .header("HX-Request", "true")
                        .param("code", code)
                        .param("temperatureC", "-12,5")
                        .param("indicator", "INTACT")
                        .param("sealIntact", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("cold chain BROKEN")))
                .andExpect(content()
                        .string(containsString(
                                "On arrival the box was -12.5 °C; frozen milk must be at -18 °C or colder.")));
        assertThat(logistics.findBox(code))
                .get()
                .extracting(b -> b.verdict().intact())
                .isEqualTo(false);
        mvc.perform(get("/logistics/boxes/" + box.get().id())
                        .with(user("manager").roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Arrived: cold chain BROKEN")));
        mvc.perform(get("/logistics").with(user("manager").roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(code))));
    }

    @Test
    void planningARunOnThePagesWithAScannedDonorCode() throws Exception {
        var planned = mvc.perform(post("/logistics/runs")
                        .with(csrf())
                        .with(user(coordinator).roles("DONOR_COORDINATOR"))
                        .param("plannedOn", today.toString())
                        .param("driver", "Hoa"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/logistics/runs/*"))
                .andReturn();
        String page = planned.getResponse().getRedirectedUrl();
        mvc.perform(post(page + "/stops")
                        .with(csrf())
                        .with(user(coordinator).roles("DONOR_COORDINATOR"))
                        .param("donorCode", donor.code()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(page + "/boxes")
                        .with(csrf())
                        .with(user(coordinator).roles("DONOR_COORDINATOR"))
                        .param("code", boxCode())
                        .param("mode", "FROZEN"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(page).with(user(coordinator).roles("DONOR_COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(donor.fullName())))
                .andExpect(content().string(containsString("data-testid=\"start-run\"")));
        mvc.perform(get("/logistics").with(user(coordinator).roles("DONOR_COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(donor.fullName())));
        mvc.perform(post(page + "/start").with(csrf()).with(user(coordinator).roles("DONOR_COORDINATOR")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(page).with(user(coordinator).roles("DONOR_COORDINATOR")))
                .andExpect(content().string(containsString("On the road")))
                .andExpect(content().string(containsString("data-testid=\"stop-form-1\"")));
        for (String p : new String[] {"/logistics/points", "/logistics/runs", "/logistics/arrival"}) {
            mvc.perform(get(p).with(user(coordinator).roles("DONOR_COORDINATOR")))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void aLabTechnicianSeesTheDonorCodeOfAStopButNeverHerNameOrAddress() throws Exception {
        AtomicReference<DonorView> d = new AtomicReference<>();
        Staff.asSystem(() -> d.set(donors.register(new org.openmilkbank.donor.NewDonor(
                "Quyen", "Zephyrine", LocalDate.of(1990, 1, 2), null, "77 Ngo Quyen Lane"))));
        DonorView visited = d.get();
        AtomicReference<UUID> run = new AtomicReference<>();
        Staff.as(coordinator, Role.DONOR_COORDINATOR, () -> {
            run.set(management.planRun(today, "Hoa").id());
            management.addDonorStop(run.get(), visited.code());
        });
        UUID runId = run.get();
        String technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        for (String page : new String[] {"/logistics/runs/" + runId, "/logistics", "/logistics/runs"}) {
            mvc.perform(get(page).with(user(technician).roles("LAB_TECHNICIAN")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("Zephyrine"))))
                    .andExpect(content().string(not(containsString("Ngo Quyen"))));
        }
        mvc.perform(get("/logistics/runs/" + runId).with(user(technician).roles("LAB_TECHNICIAN")))
                .andExpect(content().string(containsString(visited.code())));
        for (String api : new String[] {
            "/api/v1/logistics/runs/" + runId, "/api/v1/logistics/runs", "/api/v1/logistics/work-lists"
        }) {
            mvc.perform(get(api).with(httpBasic(technician, Staff.PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("Zephyrine"))))
                    .andExpect(content().string(not(containsString("Ngo Quyen"))));
        }
        // the coordinator who plans the visit sees where to go
        mvc.perform(get("/logistics/runs/" + runId).with(user(coordinator).roles("DONOR_COORDINATOR")))
                .andExpect(content().string(containsString("Quyen Zephyrine, 77 Ngo Quyen Lane")));
        mvc.perform(get("/api/v1/logistics/work-lists").with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(content().string(containsString("77 Ngo Quyen Lane")));
    }

    @Test
    void managersViewButDoNotActAndOtherRolesSeeNothing() throws Exception {
        String manager = Staff.create(identity, Role.MANAGER);
        String dispenser = Staff.create(identity, Role.DISPENSER);
        String nurse = Staff.create(identity, Role.NURSE);
        mvc.perform(get("/api/v1/logistics/runs").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/logistics/work-lists").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/logistics/runs")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plannedOn\":\"" + today + "\",\"driver\":\"Lan\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/logistics/points")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"X\",\"kind\":\"CLINIC\"}"))
                .andExpect(status().isForbidden());
        for (String who : new String[] {dispenser, nurse}) {
            mvc.perform(get("/api/v1/logistics/runs").with(httpBasic(who, Staff.PASSWORD)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/logistics").with(user("n").roles("NURSE"))).andExpect(status().isForbidden());
        mvc.perform(post("/logistics/arrival")
                        .with(csrf())
                        .with(user("m").roles("MANAGER"))
                        .param("code", "X"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/logistics/runs")
                        .with(httpBasic(Staff.create(identity, Role.LAB_TECHNICIAN), Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plannedOn\":\"" + today + "\",\"driver\":\"Lan\"}"))
                .andExpect(status().isCreated());
    }
}
