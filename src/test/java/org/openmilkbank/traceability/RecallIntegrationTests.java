package org.openmilkbank.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A recall from a pool of two donors' containers whose run filled three bottles, one already dispensed to an
 * infant: the preview names every unit made from the pool and the infant; confirming holds everything unfed (the
 * gate refuses it), makes the tasks, and the case closes only when they are settled, ending the holds and writing
 * a report that names the recall and the infant.
 */
@IntegrationTest
class RecallIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Recalls recalls;

    @Autowired
    Holds holds;

    @Autowired
    MilkGate gate;

    @Autowired
    JdbcClient jdbc;

    String manager;
    String technician;
    RecallFixture.Made made;

    @BeforeEach
    void pathWithADispensedBottle() {
        manager = Staff.create(identity, Role.MANAGER);
        technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        made = RecallFixture.poolWithADispensedBottle(context);
    }

    @Test
    void recallFromAPoolHoldsEverythingUnfedMakesTasksAndClosesWithAReport() throws Exception {
        String poolDin = Din.parse(made.poolDin()).withCheck();
        int casesBefore = count("recall_case");
        mvc.perform(post("/api/v1/recalls/preview")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\":{\"kind\":\"UNIT\",\"code\":\"" + poolDin + "\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units.length()").value(5))
                .andExpect(
                        jsonPath("$.infants[0].infantCode").value(made.infant().infantCode()));
        RecallPreview preview = asManager(() -> recalls.preview(RecallSource.unit(poolDin)));
        assertThat(preview.units())
                .extracting(RecallPreview.Unit::label)
                .containsExactlyInAnyOrder(
                        poolDin,
                        made.runCode(),
                        label(made.bottles().get(0)),
                        label(made.bottles().get(1)),
                        label(made.bottles().get(2)));
        assertThat(preview.infants())
                .extracting(RecallPreview.Infant::infantCode)
                .containsExactly(made.infant().infantCode());
        assertThat(preview.infants().get(0).name())
                .as("a manager sees the infant's name")
                .isNotNull();
        assertThat(holds.activeOn(made.dispensed().id()))
                .as("a preview writes nothing")
                .isEmpty();
        assertThat(count("recall_case")).isEqualTo(casesBefore);

        String code = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(post("/api/v1/recalls")
                                .with(httpBasic(manager, Staff.PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"source\":{\"kind\":\"UNIT\",\"code\":\"" + made.poolDin()
                                        + "\"},\"reason\":\"Donor reported a medication after donating\"}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.code");
        assertThat(code).matches("RC-\\d{4}-\\d{3}");

        for (BottleView bottle : made.bottles()) {
            assertThat(holds.activeOn(bottle.id()))
                    .extracting(HoldView::kind, HoldView::reasonCode)
                    .contains(org.assertj.core.groups.Tuple.tuple(HoldKind.RECALL, "recall"));
        }
        Verdict verdict = gate.preview(made.inStock().get(0).id(), GateUse.DISPENSE);
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.reasons()).extracting(Verdict.Reason::code).contains("hold.reason.recall");

        RecallCase opened = recalls.find(code);
        assertThat(opened.tasks())
                .filteredOn(t -> t.kind() == RecallCase.TaskKind.RETRIEVE)
                .hasSize(1);
        assertThat(opened.tasks())
                .filteredOn(t -> t.kind() == RecallCase.TaskKind.DISCARD)
                .extracting(RecallCase.Task::target)
                .containsExactlyInAnyOrder(
                        label(made.inStock().get(0)), label(made.inStock().get(1)));
        assertThat(opened.tasks())
                .filteredOn(t -> t.kind() == RecallCase.TaskKind.INFORM_CLINICIAN)
                .extracting(RecallCase.Task::target)
                .containsExactly(made.infant().infantCode());

        mvc.perform(post("/api/v1/recalls/" + code + "/close")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"summary\":\"All retrieved and discarded\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("recall.close.tasksOpen"));
        assertThat(holds.ofRecall(opened.id())).allMatch(HoldView::active);

        for (RecallCase.Task task : opened.tasks()) {
            mvc.perform(post("/api/v1/recalls/" + code + "/tasks/" + task.id() + "/done")
                            .with(httpBasic(manager, Staff.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"note\":\"seen to\"}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/api/v1/recalls/" + code + "/close")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"summary\":\"All retrieved and discarded\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("recall.close.stillInBank"));

        for (BottleView bottle : made.inStock()) {
            mvc.perform(post("/api/v1/bottles/" + bottle.din() + "/discard")
                            .with(httpBasic(technician, Staff.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\":\"recalled\"}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/api/v1/recalls/" + code + "/close")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"summary\":\"All retrieved and discarded\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        assertThat(holds.ofRecall(opened.id()))
                .isNotEmpty()
                .allMatch(h -> !h.active() && h.outcome() == HoldOutcome.DISCARDED);

        byte[] pdf = mvc.perform(
                        get("/api/v1/recalls/" + code + "/report.pdf").with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Path out = Path.of("target", "recall-report.pdf");
        Files.write(out, pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(code).contains(made.infant().infantCode());
            assertThat(text)
                    .as("the report names infants by code and ward only")
                    .doesNotContain(made.infant().familyName());
        }
    }

    @Test
    void refusesToOpenWithoutAReasonAndWritesNothing() throws Exception {
        int before = count("recall_case");
        mvc.perform(post("/api/v1/recalls")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\":{\"kind\":\"UNIT\",\"code\":\"" + made.poolDin()
                                + "\"},\"reason\":\" \"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("recall.reason.required"));
        assertThat(count("recall_case")).isEqualTo(before);
        assertThat(holds.activeOn(made.dispensed().id())).isEmpty();
    }

    @Test
    void refusesASourceThatNamesNoMilk() throws Exception {
        mvc.perform(post("/api/v1/recalls/preview")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\":{\"kind\":\"UNIT\",\"code\":\"nothing-here\"}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("recall.source.unit.unknown"));
    }

    @Test
    void aRunIsFoundByItsCodeAndADonorByHerCode() {
        RecallPreview fromRun = asManager(() -> recalls.preview(RecallSource.unit(made.runCode())));
        assertThat(fromRun.units())
                .extracting(RecallPreview.Unit::kind)
                .containsOnly(MilkUnitKind.RUN, MilkUnitKind.BOTTLE);
        String donorCode = jdbc.sql("select donor_code from donor where id = :id")
                .param("id", made.containers().get(0).donorId())
                .query(String.class)
                .single();
        RecallPreview fromDonor = asManager(() -> recalls.preview(RecallSource.donor(donorCode)));
        assertThat(fromDonor.units())
                .extracting(RecallPreview.Unit::id)
                .contains(made.containers().get(0).id(), made.poolId());
        assertThat(fromDonor.units())
                .extracting(RecallPreview.Unit::id)
                .doesNotContain(made.containers().get(1).id());
    }

    @Test
    void aTaskIsUndoneByAnAmendmentWithAReasonAndAWaiverNeedsOne() {
        String code = asManager(() ->
                recalls.open(RecallSource.unit(made.poolDin()), "test recall").code());
        RecallCase.Task task = recalls.find(code).tasks().get(0);
        asManagerRun(() -> recalls.mark(code, task.id(), RecallCase.MarkKind.DONE, null));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> asManagerRun(() -> recalls.mark(code, task.id(), RecallCase.MarkKind.REOPENED, " ")))
                .hasMessageContaining("recall.task.reopen.reasonRequired");
        asManagerRun(() -> recalls.mark(code, task.id(), RecallCase.MarkKind.REOPENED, "ticked by mistake"));
        RecallCase.Task again = recalls.find(code).tasks().get(0);
        assertThat(again.status()).isEqualTo(RecallCase.TaskStatus.OPEN);
        assertThat(again.marks())
                .extracting(RecallCase.Mark::mark)
                .containsExactly(RecallCase.MarkKind.DONE, RecallCase.MarkKind.REOPENED);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> asManagerRun(() -> recalls.mark(code, task.id(), RecallCase.MarkKind.WAIVED, null)))
                .hasMessageContaining("recall.task.waive.reasonRequired");
    }

    private String label(BottleView bottle) {
        return Din.parse(bottle.din()).withCheck();
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private <T> T asManager(java.util.function.Supplier<T> action) {
        Object[] result = new Object[1];
        Staff.as(manager, Role.MANAGER, () -> result[0] = action.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    private void asManagerRun(Runnable action) {
        Staff.as(manager, Role.MANAGER, action);
    }

    @SuppressWarnings("unused")
    private static final List<Map<UUID, Object>> NOTHING = List.of();
}
