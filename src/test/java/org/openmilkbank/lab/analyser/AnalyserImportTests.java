package org.openmilkbank.lab.analyser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.lab.MilkAnalysers;
import org.openmilkbank.labeling.Nutrients;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class AnalyserImportTests {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    ApplicationContext context;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MilkAnalysers analysers;

    final ObjectMapper json = new ObjectMapper();

    String technician;
    UUID instrument;
    String container;
    String otherContainer;
    PoolView pool;
    String earlier;
    String later;

    @BeforeEach
    void anInstrumentAndSomeMilk() throws Exception {
        technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        instrument = define("HMA " + UUID.randomUUID().toString().substring(0, 8));
        DonationView donation = ProcessingFixtures.receivedDonation(context, 2, 100, 100);
        container = Din.parse(donation.containers().get(0).din()).withCheck();
        otherContainer = Din.parse(donation.containers().get(1).din()).value(); // without its check character
        pool = ProcessingFixtures.readyPool(context, technician, 150, 150);
        LocalDateTime now = LocalDateTime.now(clock);
        // two moments of today, in the bank's zone, already past
        LocalDateTime base = now.minusMinutes(30).getHour() == 23 ? now.minusHours(1) : now.minusMinutes(30);
        earlier = base.minusMinutes(10).format(TIME);
        later = base.format(TIME);
        if (!base.minusMinutes(10).toLocalDate().equals(base.toLocalDate())) {
            earlier = later;
        }
    }

    private UUID define(String name) throws Exception {
        String body = json.writeValueAsString(java.util.Map.of(
                "name",
                name,
                "model",
                "HMA",
                "serial",
                "SN-" + name.hashCode(),
                "sampleColumn",
                "Sample ID",
                "timeColumn",
                "Date/Time",
                "checkSampleId",
                AnalyserSamples.CHECK,
                "channels",
                List.of(
                        channel("FAT", "Fat", "G_PER_100ML", "0.79", "0.28", "3.0", "4.0"),
                        channel("TRUE_PROTEIN", "True Protein", "G_PER_DL", "1", "0", null, null),
                        channel("CARBOHYDRATE", "Carb", "G_PER_DL", "1", "0", null, null),
                        channel("ENERGY", "Energy", "KJ_PER_DL", "1", "0", null, null))));
        String answer = mvc.perform(post("/api/v1/lab/analysers")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return UUID.fromString(json.readTree(answer).get("id").asString());
    }

    private static java.util.Map<String, Object> channel(
            String nutrient, String column, String unit, String slope, String intercept, String min, String max) {
        java.util.Map<String, Object> c = new java.util.HashMap<>();
        c.put("nutrient", nutrient);
        c.put("column", column);
        c.put("unit", unit);
        c.put("slope", slope);
        c.put("intercept", intercept);
        c.put("checkMin", min);
        c.put("checkMax", max);
        return c;
    }

    private org.springframework.test.web.servlet.ResultActions upload(String name, byte[] file) throws Exception {
        return mvc.perform(multipart("/api/v1/lab/analysers/{id}/imports", instrument)
                .file(new MockMultipartFile("file", name, "application/octet-stream", file))
                .with(httpBasic(technician, Staff.PASSWORD)));
    }

    private long results() {
        return jdbc.sql("select count(*) from lab_analyser_result where instrument_id = :id")
                .param("id", instrument)
                .query(Long.class)
                .single();
    }

    @Test
    void importsAGoodCsvAndCountsTheDayOnceItsCheckPassed() throws Exception {
        upload(
                        "day.csv",
                        AnalyserSamples.csv(
                                "QC-1," + earlier + ",4.00,1.0,7.0,280",
                                container + "," + later + ",4.00,1.05,7.1,290",
                                pool.dinWithCheck() + "," + later + ",3.50,0.95,7.0,285"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(3))
                .andExpect(jsonPath("$.counted").value(2))
                .andExpect(jsonPath("$.checkSamples").value(1));

        Nutrients nutrients = analysers.latestFor(pool.id());
        assertThat(nutrients.fatG()).isEqualByComparingTo("3.0"); // 0.79 · 3.50 + 0.28 = 3.045
        assertThat(nutrients.proteinG()).isEqualByComparingTo("1.0");
        assertThat(nutrients.carbohydrateG()).isEqualByComparingTo("7.0");
        assertThat(nutrients.energyKcalPerDl()).isEqualTo(68); // 285 kJ/dL

        mvc.perform(get("/api/v1/lab/analysers/results")
                        .param("unit", pool.id().toString())
                        .with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].readings[?(@.nutrient == 'FAT')].raw", hasItem(3.5)))
                .andExpect(jsonPath("$.items[0].readings[?(@.nutrient == 'FAT')].value", hasItem(3.045)))
                .andExpect(jsonPath("$.items[0].importedBy").value(technician));
    }

    @Test
    void importsAGoodXlsxBuiltByTheLibrary() throws Exception {
        byte[] file = AnalyserSamples.xlsx(List.of(
                AnalyserSamples.header(),
                List.of("QC-1", earlier, 3.5, 1.0, 7.0, 280),
                List.of(otherContainer, later, 4.0, 1.05, 7.1, 290)));
        upload("day.xlsx", file)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.counted").value(1));
    }

    @Test
    void keepsButDoesNotCountADayWithoutOrWithAFailedCheck() throws Exception {
        upload("nocheck.csv", AnalyserSamples.csv(container + "," + later + ",4.00,1.05,7.1,290"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.counted").value(0))
                .andExpect(jsonPath("$.notCounted").value(1));
        assertThat(analysers
                        .latestFor(jdbc.sql("select unit_id from lab_analyser_result where instrument_id = :id")
                                .param("id", instrument)
                                .query(UUID.class)
                                .single())
                        .measured())
                .isFalse();

        upload(
                        "failed.csv",
                        AnalyserSamples.csv(
                                "QC-1," + earlier + ",5.00,1.0,7.0,280", // 0.79 · 5 + 0.28 = 4.23: above 4.0
                                pool.dinWithCheck() + "," + later + ",3.50,0.95,7.0,285"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.counted").value(0));
        assertThat(jdbc.sql("select not_counted_reason from lab_analyser_result where unit_id = :pool")
                        .param("pool", pool.id())
                        .query(String.class)
                        .single())
                .isEqualTo("CHECK_FAILED");
        assertThat(analysers.latestFor(pool.id()).measured()).isFalse();
    }

    @Test
    void aCheckInAnEarlierFileOfTheDayCountsForALaterFile() throws Exception {
        upload("check.csv", AnalyserSamples.csv("QC-1," + earlier + ",4.00,1.0,7.0,280"))
                .andExpect(status().isCreated());
        upload("milk.csv", AnalyserSamples.csv(container + "," + later + ",4.00,1.05,7.1,290"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.counted").value(1));
    }

    @Test
    void aBadRowAmongGoodRowsImportsNothingAndNamesEveryBadRow() throws Exception {
        upload(
                        "bad.csv",
                        AnalyserSamples.csv(
                                "QC-1," + earlier + ",4.00,1.0,7.0,280",
                                container + "," + later + ",4.00,1.05,7.1,290",
                                "A999999999999," + later + ",4.00,1.05,7.1,290",
                                pool.dinWithCheck() + ",tomorrow,abc,0.95,7.0,285",
                                container + "," + later + ",4.10,1.05,7.1,290"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.analyser.file.badRows"))
                .andExpect(jsonPath("$.rows[*].row", org.hamcrest.Matchers.contains(4, 5, 5, 6)))
                .andExpect(jsonPath(
                        "$.rows[*].problem",
                        org.hamcrest.Matchers.contains(
                                "UNKNOWN_SAMPLE", "BAD_TIME", "NOT_A_NUMBER", "DUPLICATE_IN_FILE")))
                .andExpect(jsonPath("$.rows[0].reason").value("No container or pool has this code"));
        assertThat(results()).isZero();
        assertThat(jdbc.sql("select count(*) from lab_analyser_import where instrument_id = :id")
                        .param("id", instrument)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theSameFileTwiceIsRefusedTheSecondTime() throws Exception {
        byte[] file = AnalyserSamples.csv("QC-1," + earlier + ",4.00,1.0,7.0,280");
        upload("a.csv", file).andExpect(status().isCreated());
        upload("a.csv", file)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rows[0].problem").value("ALREADY_IMPORTED"));
        assertThat(results()).isEqualTo(1);
    }

    @Test
    void refusesAFileOfTheWrongStructureWhole() throws Exception {
        upload("wrong.csv", "Sample,Fat\r\nQC-1,3\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.analyser.file.missingColumns"))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString("Sample ID")));
        upload("empty.csv", new byte[0])
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.analyser.file.empty"));
        assertThat(results()).isZero();
    }

    @Test
    void hostileFilesChangeNothing() throws Exception {
        byte[] garbage = new byte[10_000];
        new Random(3).nextBytes(garbage);
        upload("garbage.xlsx", garbage)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.analyser.file.notCsvOrXlsx"));
        byte[] formulas = AnalyserSamples.xlsx(List.of(
                AnalyserSamples.header(),
                List.of("QC-1", earlier, 4.0, 1.0, 7.0, 280),
                List.of(container, later, "=1+2", 1.0, 7.0, "=WEBSERVICE(\"http://example.org\")")));
        upload("formula.xlsx", formulas)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rows[*].problem", org.hamcrest.Matchers.contains("FORMULA", "FORMULA")));
        upload("huge.csv", new byte[AnalyserImports.MAX_FILE_BYTES + 1])
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.analyser.file.tooLarge"));
        String longCell = "x".repeat(10_000);
        upload("long.csv", AnalyserSamples.csv(longCell + "," + later + ",4,1,7,280"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rows[0].problem").value("CELL_TOO_LONG"));
        assertThat(results()).isZero();
    }

    @Test
    void aVoidedRowNoLongerCountsAndAVoidedCheckUncountsItsDay() throws Exception {
        upload(
                        "day.csv",
                        AnalyserSamples.csv(
                                "QC-1," + earlier + ",4.00,1.0,7.0,280",
                                pool.dinWithCheck() + "," + later + ",3.50,0.95,7.0,285"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.counted").value(1));
        assertThat(analysers.latestFor(pool.id()).measured()).isTrue();
        UUID check = jdbc.sql("select id from lab_analyser_result where instrument_id = :id and check_sample")
                .param("id", instrument)
                .query(UUID.class)
                .single();
        mvc.perform(post("/api/v1/lab/analysers/results/{id}/void", check)
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("history.reason.required"));
        mvc.perform(post("/api/v1/lab/analysers/results/{id}/void", check)
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"check sample was from an opened vial\"}"))
                .andExpect(status().isOk());
        assertThat(analysers.latestFor(pool.id()).measured()).isFalse();
        assertThat(jdbc.sql("select not_counted_reason from lab_analyser_result where unit_id = :pool")
                        .param("pool", pool.id())
                        .query(String.class)
                        .single())
                .isEqualTo("CHECK_MISSING");
    }

    @Test
    void instrumentsAreAmendedWithAReasonAndRetiredNeverDeleted() throws Exception {
        String current = mvc.perform(
                        get("/api/v1/lab/analysers/{id}", instrument).with(httpBasic(technician, Staff.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        tools.jackson.databind.node.ObjectNode body = (tools.jackson.databind.node.ObjectNode) json.readTree(current);
        body.put("serial", "SN-NEW");
        mvc.perform(put("/api/v1/lab/analysers/{id}", instrument)
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("history.reason.required"));
        body.put("reason", "serial misread at installation");
        mvc.perform(put("/api/v1/lab/analysers/{id}", instrument)
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.serial").value("SN-NEW"));
        mvc.perform(post("/api/v1/lab/analysers/{id}/retire", instrument)
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"replaced\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        upload("late.csv", AnalyserSamples.csv("QC-1," + earlier + ",4.00,1.0,7.0,280"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.analyser.instrument.retired"));
        mvc.perform(get("/api/v1/history/AnalyserInstrument/{id}", instrument)
                        .with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("serial misread")));
    }

    @Test
    void aManagerReadsButDoesNotImport() throws Exception {
        String manager = Staff.create(identity, Role.MANAGER);
        mvc.perform(get("/api/v1/lab/analysers").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(multipart("/api/v1/lab/analysers/{id}/imports", instrument)
                        .file(new MockMultipartFile("file", "a.csv", "text/csv", AnalyserSamples.csv()))
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isForbidden());
    }
}
