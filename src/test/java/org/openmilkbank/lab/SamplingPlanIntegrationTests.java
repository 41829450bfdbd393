package org.openmilkbank.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunState;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.ProcessingFixtures.Technicians;
import org.openmilkbank.support.Staff;
import org.openmilkbank.traceability.GateUse;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.HoldView;
import org.openmilkbank.traceability.Holds;
import org.openmilkbank.traceability.MilkGate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Under NICE, runs rest on the latest sampled run: they wait for its culture, are released on it or held with it. */
@IntegrationTest
class SamplingPlanIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Standards standards;

    @Autowired
    SamplingPlans plans;

    @Autowired
    PasteurisationManagement runs;

    @Autowired
    Inventory inventory;

    @Autowired
    MilkGate gate;

    @Autowired
    Holds holds;

    Technicians techs;

    @BeforeEach
    void underNice() {
        Staff.asSystem(() -> standards.activate("NICE", "NICE plan of cultures"));
        techs = Technicians.create(context);
    }

    @AfterEach
    void backToHmbana() {
        if (!standards.activeProfile().code().equals("HMBANA")) {
            Staff.asSystem(() -> standards.activate("HMBANA", "test done"));
        }
    }

    /**
     * Records runs the plan lets rest until the next run needs its own culture (other tests share the count: at most
     * nine runs rest on one sampled run), then records that sampled run, its culture not taken yet.
     */
    RunView sampledRun() {
        for (int i = 0; i < 10 && !plans.state().nextRunNeedsSample(); i++) {
            ProcessingFixtures.quarantinedRun(context, techs, 1, 100);
        }
        RunView sampled = ProcessingFixtures.agedQuarantinedRun(context, techs, 2, 100);
        RunPlanView plan = plans.of(sampled.id()).orElseThrow();
        assertThat(plan.sampled()).isTrue();
        assertThat(plan.restsOnRunId()).isNull();
        assertThat(holds.activeOn(sampled.id()))
                .singleElement()
                .satisfies(h -> assertThat(h.reasonCode()).isEqualTo("culture.pending"));
        return sampled;
    }

    List<RunView> threeRunsRestingOn(RunView sampled) {
        List<RunView> resting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RunView run = ProcessingFixtures.agedQuarantinedRun(context, techs, 2, 100);
            RunPlanView plan = plans.of(run.id()).orElseThrow();
            assertThat(plan.sampled()).isFalse();
            assertThat(plan.restsOnRunId()).isEqualTo(sampled.id());
            assertThat(plan.runsSince()).isEqualTo(i + 1);
            resting.add(run);
        }
        return resting;
    }

    ResultActions postJson(String url, String who, String body) throws Exception {
        return mvc.perform(post(url)
                .with(httpBasic(who, Staff.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    String takeSample(RunView run) throws Exception {
        return JsonPath.read(
                postJson(
                                "/api/v1/lab/samples",
                                techs.recorder(),
                                "{\"unitCode\":\"%s\",\"purpose\":\"POST_CULTURE\",\"takenAt\":\"%s\"}"
                                        .formatted(runs.runCode(run.id()), run.endedAt()))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    @Test
    void aPositiveCultureOfTheSampledRunHoldsEveryBottleOfItAndOfTheThreeRunsRestingOnIt() throws Exception {
        RunView sampled = sampledRun();
        List<RunView> resting = threeRunsRestingOn(sampled);
        // while the sampled run's culture is pending, the runs resting on it wait, held, and cannot be released
        for (RunView run : resting) {
            assertThat(holds.activeOn(run.id()))
                    .singleElement()
                    .satisfies(h -> assertThat(h.reasonCode()).isEqualTo(SamplingPlans.HOLD_WAITS));
            assertThat(runs.find(run.id()).orElseThrow().state()).isEqualTo(RunState.QUARANTINE);
        }
        postJson(
                        "/api/v1/runs/" + resting.get(0).id() + "/release",
                        techs.releaser(),
                        "{\"signaturePassword\":\"" + Staff.PASSWORD + "\"}")
                .andExpect(status().isUnprocessableContent());
        // the lab's work list asks for the sampled run's culture, not for the resting runs'
        LabWorkList work = context.getBean(LabManagement.class).workList();
        assertThat(work.due()).anySatisfy(d -> assertThat(d.unitId()).isEqualTo(sampled.id()));
        assertThat(work.due())
                .noneSatisfy(d -> assertThat(resting.stream().map(RunView::id)).contains(d.unitId()));

        String sample = takeSample(sampled);
        postJson(
                        "/api/v1/lab/samples/" + sample + "/reads",
                        techs.recorder(),
                        "{\"counts\":[{\"organism\":\"BACILLUS_CEREUS\",\"cfuPerMl\":20}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("FAIL"));

        List<RunView> all = new ArrayList<>(List.of(sampled));
        all.addAll(resting);
        for (RunView run : all) {
            List<BottleView> bottles = inventory.bottlesOfRun(run.id());
            assertThat(bottles).hasSize(2);
            for (BottleView bottle : bottles) {
                assertThat(gate.preview(bottle.id(), GateUse.DISPENSE).allowed())
                        .as("bottle of %s", run.id())
                        .isFalse();
                assertThat(gate.preview(bottle.id(), GateUse.FEED).allowed()).isFalse();
                List<HoldView> held = holds.activeOn(bottle.id());
                assertThat(held).anySatisfy(h -> {
                    assertThat(h.kind()).isEqualTo(HoldKind.CULTURE);
                    assertThat(h.reasonCode()).isEqualTo(SamplingPlans.HOLD_POSITIVE);
                    assertThat(h.heldUnitId()).isEqualTo(run.id());
                    // the coded reason names the sampled run
                    assertThat(h.reasonArgs())
                            .containsExactly(
                                    plans.of(sampled.id()).orElseThrow().runLabel());
                });
            }
        }
        // the bottle's page shows the hold, in the reader's language
        BottleView bottle = inventory.bottlesOfRun(resting.get(2).id()).get(0);
        mvc.perform(get("/bottles/"
                                + org.openmilkbank.shared.Din.parse(bottle.din())
                                        .withCheck())
                        .with(user(techs.recorder()).roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString("the culture of a sampled run it rests on is positive")));
        // the sampled run's positive culture is kept in its history with the runs held with it
        assertThat(context.getBean(org.openmilkbank.shared.History.class).of(SamplingPlans.RECORD_TYPE, sampled.id()))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("sampled run positive: resting runs held"));
    }

    @Test
    void runsRestingOnAPendingCultureAreReleasedOnTheStrengthOfItsNegativeVerdict() throws Exception {
        RunView sampled = sampledRun();
        List<RunView> resting = threeRunsRestingOn(sampled);
        String sample = takeSample(sampled);
        postJson(
                        "/api/v1/lab/samples/" + sample + "/reads",
                        techs.recorder(),
                        "{\"counts\":[{\"organism\":\"TOTAL_VIABLE_COUNT\",\"cfuPerMl\":0}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("PASS"));
        for (RunView run : resting) {
            assertThat(holds.activeOn(run.id())).isEmpty();
            assertThat(runs.find(run.id()).orElseThrow().state()).isEqualTo(RunState.CULTURE_NEGATIVE);
        }
        RunView first = resting.get(0);
        String sampledLabel = plans.of(sampled.id()).orElseThrow().runLabel();
        // the release attests the culture it rests on
        assertThat(runs.releaseAttestations(first.id())).first().satisfies(a -> {
            assertThat(a.key()).isEqualTo("lab.plan.attest.restsOn");
            assertThat(a.args()).first().isEqualTo(sampledLabel);
        });
        ProcessingFixtures.confirmIfManual(context, techs.releaser(), first.id());
        postJson(
                        "/api/v1/runs/" + first.id() + "/release",
                        techs.releaser(),
                        "{\"signaturePassword\":\"" + Staff.PASSWORD + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RELEASED"));
        // its bottles' trace shows the culture the run rests on
        BottleView bottle = inventory.bottlesOfRun(first.id()).get(0);
        assertThat(context.getBean(org.openmilkbank.traceability.Traceability.class)
                        .lineage(bottle.din())
                        .events())
                .anySatisfy(e -> {
                    assertThat(e.reasonCode()).isEqualTo(RunRestsOnCulture.REASON_NEGATIVE);
                    assertThat(e.data()).containsEntry("sampledRun", sampledLabel);
                });
        var tech = user(techs.recorder()).roles("LAB_TECHNICIAN");
        // the run page names the sampled run it rests on
        mvc.perform(get("/runs/" + first.id()).with(tech))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-testid=\"run-plan-rests-on\"")))
                .andExpect(content().string(Matchers.containsString(sampledLabel)));
        // a run recorded now rests on the same sampled run, at once released on its negative culture
        RunView fourth = ProcessingFixtures.quarantinedRun(context, techs, 1, 100);
        assertThat(plans.of(fourth.id()).orElseThrow().restsOnRunId()).isEqualTo(sampled.id());
        assertThat(runs.find(fourth.id()).orElseThrow().state()).isEqualTo(RunState.CULTURE_NEGATIVE);
        // the plan's state: the rule, the last sampled run, four runs since it, six left before the next sample
        mvc.perform(get("/api/v1/lab/plan").with(httpBasic(techs.recorder(), Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rule").value("RUNS_OR_DAYS"))
                .andExpect(jsonPath("$.everyRuns").value(10))
                .andExpect(jsonPath("$.everyDays").value(30))
                .andExpect(jsonPath("$.lastSampledRunId").value(sampled.id().toString()))
                .andExpect(jsonPath("$.lastSampledCulture").value("NEGATIVE"))
                .andExpect(jsonPath("$.runsSince").value(4))
                .andExpect(jsonPath("$.runsLeft").value(5))
                .andExpect(jsonPath("$.nextRunNeedsSample").value(false));
        mvc.perform(get("/lab/plan").with(tech))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(sampledLabel)))
                .andExpect(content().string(Matchers.containsString("at least every 10 runs or 30 days")));
    }

    @Test
    void theRunPageAndTheTracePagesNameTheSampledRunARestingRunWaitsFor() throws Exception {
        RunView sampled = sampledRun();
        RunView resting = ProcessingFixtures.agedQuarantinedRun(context, techs, 1, 100);
        String label = plans.of(sampled.id()).orElseThrow().runLabel();
        assertThat(plans.of(resting.id()).orElseThrow().restsOnRunId()).isEqualTo(sampled.id());
        String named = "waits for the culture of " + label + ", the sampled run it rests on";

        mvc.perform(get("/runs/" + resting.id()).with(user(techs.recorder()).roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(named)));
        BottleView bottle = inventory.bottlesOfRun(resting.id()).get(0);
        String din = org.openmilkbank.shared.Din.parse(bottle.din()).withCheck();
        mvc.perform(get("/trace/dins/" + din).with(user(techs.recorder()).roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(named)));
        mvc.perform(get("/trace/dins/" + din)
                        .param("lang", "lo")
                        .with(user(techs.recorder()).roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("ລໍຖ້າຜົນເພາະເຊື້ອຂອງ " + label)));
        mvc.perform(get("/api/v1/trace/dins/" + din).with(httpBasic(techs.recorder(), Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("\"reasonArg\":\"" + label + "\"")));
    }
}
