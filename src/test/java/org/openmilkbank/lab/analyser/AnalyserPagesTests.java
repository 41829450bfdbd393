package org.openmilkbank.lab.analyser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class AnalyserPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    String technician;
    String name;

    @BeforeEach
    void aTechnician() {
        technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        name = "Page HMA " + UUID.randomUUID().toString().substring(0, 8);
    }

    private MockHttpServletRequestBuilder instrumentForm(String path, String fatSlope) {
        return post(path)
                .with(httpBasic(technician, Staff.PASSWORD))
                .with(csrf())
                .param("name", name)
                .param("model", "HMA")
                .param("serial", "SN-9")
                .param("sampleColumn", "Sample ID")
                .param("timeColumn", "Date/Time")
                .param("checkSampleId", "QC-1")
                .param("channels[0].nutrient", "FAT")
                .param("channels[0].column", "Fat")
                .param("channels[0].unit", "G_PER_100ML")
                .param("channels[0].slope", fatSlope)
                .param("channels[0].intercept", "0.28")
                .param("channels[0].checkMin", "3.0")
                .param("channels[0].checkMax", "4.0")
                .param("channels[1].nutrient", "CRUDE_PROTEIN")
                .param("channels[1].column", "")
                .param("channels[1].unit", "G_PER_DL")
                .param("channels[1].slope", "1")
                .param("channels[1].intercept", "0");
    }

    @Test
    void aRefusedInstrumentFormComesBackAsTypedWithTheReasonBesideTheField() throws Exception {
        mvc.perform(instrumentForm("/lab/analysers", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("data-testid=\"error-channels[0].slope\"")))
                .andExpect(content().string(containsString("value=\"" + name + "\"")));
        assertThat(jdbc.sql("select count(*) from lab_analyser_instrument where name = :n")
                        .param("n", name)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aTechnicianDefinesAnInstrumentImportsAFileAndVoidsARow() throws Exception {
        String location = mvc.perform(instrumentForm("/lab/analysers", "0.79"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID instrument = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get(location).with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"history\"")));

        String now = LocalDateTime.now(clock).minusMinutes(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        byte[] bad = ("Sample ID,Date/Time,Fat\r\nQC-1," + now + ",3.9\r\nNOPE," + now + ",3\r\n").getBytes();
        mvc.perform(multipart("/lab/analysers/import")
                        .file(new MockMultipartFile("file", "bad.csv", "text/csv", bad))
                        .param("instrumentId", instrument.toString())
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("data-testid=\"refused-rows\"")))
                .andExpect(content().string(containsString("No container or pool has this code")));

        byte[] good = ("Sample ID,Date/Time,Fat\r\nQC-1," + now + ",4.0\r\n").getBytes();
        String record = mvc.perform(multipart("/lab/analysers/import")
                        .file(new MockMultipartFile("file", "good.csv", "text/csv", good))
                        .param("instrumentId", instrument.toString())
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/lab/analysers/imports/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID importId = UUID.fromString(record.substring(record.lastIndexOf('/') + 1));
        UUID row = jdbc.sql("select id from lab_analyser_result where import_id = :id")
                .param("id", importId)
                .query(UUID.class)
                .single();
        mvc.perform(post("/lab/analysers/results/{id}/void", row)
                        .param("importId", importId.toString())
                        .param("reason", " ")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/lab/analysers/results/{id}/void", row)
                        .param("importId", importId.toString())
                        .param("reason", "vial left open")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(record).with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("vial left open")))
                .andExpect(content().string(not(containsString("data-testid=\"void-2\""))));
    }

    @Test
    void aManagerSeesTheInstrumentsWithoutTheirForms() throws Exception {
        String manager = Staff.create(identity, Role.MANAGER);
        mvc.perform(get("/lab/analysers").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("new-instrument-form"))));
    }

    @Test
    void theInstrumentAndImportPagesWalkThroughTheDailyCheckAndTheCheckRowRecordsTheProcedureItFollowed()
            throws Exception {
        String location = mvc.perform(instrumentForm("/lab/analysers", "0.79"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID instrument = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        String firstStep = "Before the day&#39;s samples, measure the instrument&#39;s check sample.";
        mvc.perform(get(location).with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"procedure-steps\"")))
                .andExpect(content().string(containsString(firstStep)));
        mvc.perform(get("/lab/analysers/import")
                        .param("instrument", instrument.toString())
                        .with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"procedure-step-tick\"")))
                .andExpect(content().string(containsString("Milk analyser daily check · version 1")));

        String now = LocalDateTime.now(clock).minusMinutes(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        byte[] good = ("Sample ID,Date/Time,Fat\r\nQC-1," + now + ",4.0\r\n").getBytes();
        String record = mvc.perform(multipart("/lab/analysers/import")
                        .file(new MockMultipartFile("file", "check.csv", "text/csv", good))
                        .param("instrumentId", instrument.toString())
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/lab/analysers/imports/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(record).with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("/lab/procedures/analyser-check?profile=HMBANA&amp;version=1")));
        UUID importId = UUID.fromString(record.substring(record.lastIndexOf('/') + 1));
        mvc.perform(get("/api/v1/lab/analysers/imports/{id}/results", importId)
                        .with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                                "$.items[0].procedure.code")
                        .value("analyser-check"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                                "$.items[0].procedure.version")
                        .value(1));
    }
}
