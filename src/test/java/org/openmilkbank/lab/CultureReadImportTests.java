package org.openmilkbank.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.shared.History;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.ProcessingFixtures.Technicians;
import org.openmilkbank.support.Staff;
import org.openmilkbank.traceability.Holds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Culture reads imported from a CSV file: a good file's reads are judged exactly as entered ones and keep the file,
 * its row and who imported it; a wrong structure, a bad row or a hostile file imports nothing.
 */
@IntegrationTest
class CultureReadImportTests {

    static final String HEADER = "sample,read_at,organism,cfu_per_ml,reader\r\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    LabManagement lab;

    @Autowired
    PasteurisationManagement runs;

    @Autowired
    History history;

    @Autowired
    Holds holds;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Technicians techs;
    RunView runA;
    RunView runB;
    SampleView sampleA;
    SampleView sampleB;

    @BeforeEach
    void twoRunsSampledAsTheyEnded() {
        techs = Technicians.create(context);
        runA = ProcessingFixtures.agedQuarantinedRun(context, techs, 1, 100);
        runB = ProcessingFixtures.agedQuarantinedRun(context, techs, 1, 100);
        sampleA = take(runA);
        sampleB = take(runB);
    }

    SampleView take(RunView run) {
        SampleView[] taken = new SampleView[1];
        Staff.as(
                techs.recorder(),
                org.openmilkbank.shared.Role.LAB_TECHNICIAN,
                () -> taken[0] = lab.takeSample(
                        runs.runCode(run.id()),
                        SamplePurpose.POST_CULTURE,
                        CultureMedium.BLOOD_AGAR,
                        run.endedAt(),
                        null));
        return taken[0];
    }

    /** A time after the incubation, as the bank writes it: local, in its zone. */
    String local(Instant at) {
        return LocalDateTime.ofInstant(at, clock.getZone()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    ResultActions upload(String name, byte[] file) throws Exception {
        return mvc.perform(multipart("/api/v1/lab/culture-reads/import")
                .file(new MockMultipartFile("file", name, "text/csv", file))
                .with(httpBasic(techs.recorder(), Staff.PASSWORD)));
    }

    static byte[] csv(String... rows) {
        return (HEADER + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    long imports() {
        return jdbc.sql("select count(*) from lab_culture_import")
                .query(Long.class)
                .single();
    }

    void nothingChanged(long importsBefore) {
        assertThat(imports()).isEqualTo(importsBefore);
        assertThat(lab.find(sampleA.id()).orElseThrow().reads()).isEmpty();
        assertThat(lab.find(sampleB.id()).orElseThrow().reads()).isEmpty();
        assertThat(holds.activeOn(runA.id())).isNotEmpty();
        assertThat(holds.activeOn(runB.id())).isNotEmpty();
    }

    @Test
    void aGoodFilesReadsAreJudgedAsEnteredOnesAndKeepTheFileTheRowAndWhoImportedThem() throws Exception {
        Instant read = runA.endedAt().plus(Duration.ofHours(50));
        byte[] file = csv(
                sampleA.code() + "," + local(read) + ",TOTAL_VIABLE_COUNT,0,mai",
                sampleA.code() + "," + local(read) + ",COLIFORMS,0,mai",
                sampleB.codeWithCheck() + "," + read + ",BACILLUS_CEREUS,20,mai");
        String answer = upload("plates-monday.csv", file)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reads").value(2))
                .andExpect(jsonPath("$.rows").value(3))
                .andExpect(jsonPath("$.fileName").value("plates-monday.csv"))
                .andExpect(jsonPath("$.sha256").value(CultureReadImports.sha256(file)))
                .andExpect(jsonPath("$.importedBy").value(techs.recorder()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID importId = UUID.fromString(com.jayway.jsonpath.JsonPath.read(answer, "$.id"));

        SampleView a = lab.find(sampleA.id()).orElseThrow();
        assertThat(a.verdict()).isEqualTo(SampleView.Verdict.PASS);
        assertThat(a.reads()).singleElement().satisfies(r -> {
            assertThat(r.readBy()).isEqualTo("mai");
            assertThat(r.importId()).isEqualTo(importId);
            assertThat(r.importRow()).isEqualTo(2);
            assertThat(r.counts()).hasSize(2);
        });
        assertThat(holds.activeOn(runA.id())).isEmpty();
        // growth after pasteurisation fails, as an entered read would
        assertThat(lab.find(sampleB.id()).orElseThrow().verdict()).isEqualTo(SampleView.Verdict.FAIL);
        assertThat(history.of(LabManagement.RECORD_TYPE, sampleA.id())).anySatisfy(h -> {
            assertThat(h.actor()).isEqualTo(techs.recorder());
            assertThat(h.detail()).contains("plates-monday.csv").contains("mai");
        });

        mvc.perform(get("/lab/samples/" + sampleA.id()).with(httpBasic(techs.recorder(), Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"read-imported\"")))
                .andExpect(content().string(containsString("/lab/culture-reads/imports/" + importId)));
        mvc.perform(get("/lab/culture-reads/imports/" + importId).with(httpBasic(techs.recorder(), Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(CultureReadImports.sha256(file))))
                .andExpect(content().string(containsString(sampleA.codeWithCheck())));
        // the same reads again: the samples are judged, so nothing more is imported
        long before = imports();
        upload("plates-monday.csv", file)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rows[*].code", hasItem("lab.culture.alreadyJudged")));
        assertThat(imports()).isEqualTo(before);
    }

    @Test
    void aBadRowAmongGoodRowsImportsNothingAndNamesEveryBadRowWithItsReason() throws Exception {
        long before = imports();
        Instant read = runA.endedAt().plus(Duration.ofHours(50));
        Instant early = sampleB.incubationStartedAt().plus(Duration.ofHours(1));
        upload(
                        "bad.csv",
                        csv(
                                sampleA.code() + "," + read + ",TOTAL_VIABLE_COUNT,0,mai", // good, row 2
                                "A000199999999," + read + ",TOTAL_VIABLE_COUNT,0,mai", // unknown sample
                                sampleB.code() + "," + early + ",TOTAL_VIABLE_COUNT,0,mai", // before 48 h
                                sampleA.code() + "," + read + ",YEAST,3,mai", // unknown organism
                                sampleA.code() + "," + read + ",COLIFORMS,-5,mai", // bad number
                                sampleA.code() + "," + read + ",TOTAL_VIABLE_COUNT,0,mai", // duplicate
                                sampleA.code() + ",yesterday,COLIFORMS,0,mai")) // bad time
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.cultureImport.badRows"))
                .andExpect(jsonPath("$.rows[?(@.row == 3)].code", hasItem("lab.cultureImport.problem.unknownSample")))
                .andExpect(jsonPath("$.rows[?(@.row == 4)].code", hasItem("lab.culture.read.tooEarly")))
                .andExpect(jsonPath("$.rows[?(@.row == 5)].code", hasItem("lab.cultureImport.problem.unknownOrganism")))
                .andExpect(jsonPath("$.rows[?(@.row == 6)].code", hasItem("lab.cultureImport.problem.badNumber")))
                .andExpect(jsonPath("$.rows[?(@.row == 7)].code", hasItem("lab.cultureImport.problem.organismTwice")))
                .andExpect(jsonPath("$.rows[?(@.row == 8)].code", hasItem("lab.cultureImport.problem.badTime")))
                .andExpect(jsonPath("$.rows[?(@.row == 2)]").isEmpty());
        nothingChanged(before);
    }

    @Test
    void aFileOfTheWrongStructureIsRefusedWhole() throws Exception {
        long before = imports();
        Instant read = runA.endedAt().plus(Duration.ofHours(50));
        String good = sampleA.code() + "," + read + ",TOTAL_VIABLE_COUNT,0,mai\r\n";
        for (String header : new String[] {
            "sample,read_at,organism,cfu_per_ml\r\n", // a column missing
            "sample,read_at,organism,cfu_per_ml,reader,note\r\n", // one too many
            "sample,sample,organism,cfu_per_ml,reader\r\n", // one twice
            "Sample ID,Date/Time,Fat\r\n" // an analyser's export
        }) {
            upload("wrong.csv", (header + good).getBytes(StandardCharsets.UTF_8))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("lab.cultureImport.file.columns"));
        }
        upload("empty.csv", new byte[0]).andExpect(status().isUnprocessableContent());
        upload("header-only.csv", HEADER.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.cultureImport.file.noRows"));
        nothingChanged(before);
    }

    @Test
    void hostileFilesChangeNothingAndNeverAnswer500() throws Exception {
        long before = imports();
        Instant read = runA.endedAt().plus(Duration.ofHours(50));
        byte[] binary = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3, (byte) 0xff};
        upload("image.csv", binary)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("lab.cultureImport.file.notCsv"));
        upload("quote.csv", (HEADER + "\"" + sampleA.code() + ",x\"y,\r\n").getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isUnprocessableContent());
        upload("big.csv", new byte[CultureReadImports.MAX_BYTES + 1]).andExpect(status().isUnprocessableContent());
        String formula = "=HYPERLINK(\"http://evil\")";
        upload(
                        "formula.csv",
                        csv(
                                formula.replace(",", ";") + "," + read + ",TOTAL_VIABLE_COUNT,0,mai",
                                sampleA.code() + "," + read + ",TOTAL_VIABLE_COUNT," + "9".repeat(40) + ",mai",
                                sampleA.code() + "," + read + ",TOTAL_VIABLE_COUNT,0,",
                                sampleA.code() + "," + read + ",TOTAL_VIABLE_COUNT,0,mai,extra"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rows[?(@.row == 2)].code", hasItem("lab.cultureImport.problem.unknownSample")))
                .andExpect(jsonPath("$.rows[?(@.row == 3)].code", hasItem("lab.cultureImport.problem.badNumber")))
                .andExpect(jsonPath("$.rows[?(@.row == 4)].code", hasItem("lab.cultureImport.problem.readerRequired")))
                .andExpect(jsonPath("$.rows[?(@.row == 5)].code", hasItem("lab.cultureImport.problem.columns")));
        nothingChanged(before);
    }

    @Test
    void thePageShowsTheRefusedRowsAndAGoodFileOpensItsImport() throws Exception {
        long before = imports();
        Instant read = runA.endedAt().plus(Duration.ofHours(50));
        mvc.perform(get("/lab/culture-reads/import").with(httpBasic(techs.recorder(), Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"culture-import-form\"")));
        mvc.perform(multipart("/lab/culture-reads/import")
                        .file(new MockMultipartFile(
                                "file",
                                "bad.csv",
                                "text/csv",
                                csv("<script>alert(1)</script>," + read + ",TOTAL_VIABLE_COUNT,0,mai")))
                        .with(httpBasic(techs.recorder(), Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("data-testid=\"culture-refused-2\"")))
                .andExpect(content().string(containsString("No sample has this code.")))
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
        nothingChanged(before);

        mvc.perform(multipart("/lab/culture-reads/import")
                        .file(new MockMultipartFile(
                                "file",
                                "good.csv",
                                "text/csv",
                                csv(sampleA.code() + "," + read + ",TOTAL_VIABLE_COUNT,0,mai")))
                        .with(httpBasic(techs.recorder(), Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/lab/culture-reads/imports/*"));
        assertThat(lab.find(sampleA.id()).orElseThrow().passed()).isTrue();
    }
}
