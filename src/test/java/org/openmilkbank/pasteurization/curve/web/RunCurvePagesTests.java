package org.openmilkbank.pasteurization.curve.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.pasteurization.PasteurisationManagement;
import org.openmilkbank.pasteurization.RunState;
import org.openmilkbank.pasteurization.RunView;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.ProcessingFixtures.Technicians;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** A technician records a run with its log to follow, imports the log on its curve page, and sees the verdict. */
@IntegrationTest
class RunCurvePagesTests {

    static final String CONTROL_BOTTLE = "6a0c5b9e-4f1d-4e0b-9d8a-1c2e3f4a5b01";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    PasteurisationManagement runs;

    @Autowired
    java.time.Clock clock;

    static String file(Instant start, double plateau) {
        StringBuilder s = new StringBuilder("Timestamp,Temp (°C)\n");
        for (int m = 0; m < 90; m++) {
            double c = m < 21 ? 20 + m * 2.0 : m <= 61 ? plateau : Math.max(3.0, plateau - (m - 61) * 6);
            s.append(start.plusSeconds(m * 60L))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.1f", c))
                    .append('\n');
        }
        return s.toString();
    }

    UUID recordAwaiting(Technicians techs) throws Exception {
        PoolView pool = ProcessingFixtures.readyPool(context, techs.recorder(), 300, 300);
        LocalDateTime end = LocalDateTime.now(clock).minusHours(1).withSecond(0).withNano(0);
        mvc.perform(post("/runs/log-to-follow")
                        .param("poolId", pool.id().toString())
                        .param("device", "PAST-2")
                        .param("startedAt", end.minusMinutes(90).toString())
                        .param("endedAt", end.toString())
                        .param("bottleCount", "4")
                        .param("bottleVolumeMl", "100")
                        .with(csrf())
                        .with(user(techs.recorder()).roles("LAB_TECHNICIAN")))
                .andExpect(status().is3xxRedirection());
        return runs.list(RunState.AWAITING_LOG).stream()
                .filter(r -> r.poolId().equals(pool.id()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void importingALogShowsTheVerdictRuleByRuleAndTheCurveAsJson() throws Exception {
        Technicians techs = Technicians.create(context);
        UUID id = recordAwaiting(techs);
        var tech = user(techs.recorder()).roles("LAB_TECHNICIAN");
        mvc.perform(get("/runs/curve-work").with(tech))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"work-awaiting-log\"")));
        RunView run = runs.find(id).orElseThrow();

        mvc.perform(multipart("/runs/" + id + "/curve/log")
                        .file(new MockMultipartFile(
                                "file",
                                "cycle.csv",
                                "text/csv",
                                file(run.startedAt(), 63.0).getBytes(StandardCharsets.UTF_8)))
                        .param("layoutId", CONTROL_BOTTLE)
                        .with(csrf())
                        .with(tech))
                .andExpect(status().is3xxRedirection());

        assertThat(runs.find(id).orElseThrow().state()).isEqualTo(RunState.QUARANTINE);
        mvc.perform(get("/runs/" + id + "/curve").with(tech))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"curve-rules\"")))
                .andExpect(content().string(containsString("held at or above 62.5 °C for 40 min (needs 30 min)")))
                .andExpect(content().string(containsString("data-testid=\"history\"")));
        mvc.perform(get("/runs/" + id + "/curve/summary").with(tech).param("lang", "vi"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("trong 40 phút")));
        mvc.perform(get("/api/v1/runs/" + id + "/curve").with(tech))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passed").value(true))
                .andExpect(jsonPath("$.readings.length()").value(90))
                .andExpect(jsonPath("$.thresholds.holdTemperatureC").value(62.5))
                .andExpect(jsonPath("$.verdict[2].rule").value("HOLD"));
        byte[] pdf = mvc.perform(
                        get("/runs/" + id + "/record.pdf").param("lang", "lo").with(tech))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("ຮອບຂ້າເຊື້ອ").contains("SHA-256");
        }
        java.nio.file.Files.write(java.nio.file.Path.of("target", "run-record-lo.pdf"), pdf);
    }

    @Test
    void aRunWhoseLogIsToFollowTakesBottlesOfSeveralSizesOnARegisteredPasteuriser() throws Exception {
        Technicians techs = Technicians.create(context);
        PoolView pool = ProcessingFixtures.readyPool(context, techs.recorder(), 400, 300);
        LocalDateTime end = LocalDateTime.now(clock).minusHours(1).withSecond(0).withNano(0);
        var tech = user(techs.recorder()).roles("LAB_TECHNICIAN");
        // the form offers the registered pasteurisers as the device is typed or scanned
        mvc.perform(get("/runs/log-to-follow")
                        .param("pool", pool.id().toString())
                        .with(tech))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"PAST-1\">")))
                .andExpect(content().string(containsString("data-testid=\"bottle-line-2\"")));

        mvc.perform(post("/runs/log-to-follow")
                        .param("poolId", pool.id().toString())
                        .param("device", "PAST-1")
                        .param("startedAt", end.minusMinutes(90).toString())
                        .param("endedAt", end.toString())
                        .param("bottleCount", "4", "2", "")
                        .param("bottleVolumeMl", "50", "100", "")
                        .with(csrf())
                        .with(tech))
                .andExpect(status().is3xxRedirection());

        RunView run = runs.list(RunState.AWAITING_LOG).stream()
                .filter(r -> r.poolId().equals(pool.id()))
                .findFirst()
                .orElseThrow();
        assertThat(run.bottles())
                .extracting(l -> l.volumeMl() + " x " + l.count())
                .containsExactlyInAnyOrder("50 x 4", "100 x 2");
    }

    @Test
    void aRunOnADeviceOutsideTheEquipmentRegisterIsRefusedOnThePageAndWritesNothing() throws Exception {
        Technicians techs = Technicians.create(context);
        PoolView pool = ProcessingFixtures.readyPool(context, techs.recorder(), 300, 300);
        LocalDateTime end = LocalDateTime.now(clock).minusHours(1).withSecond(0).withNano(0);

        mvc.perform(post("/runs/log-to-follow")
                        .param("poolId", pool.id().toString())
                        .param("device", "the old water bath")
                        .param("startedAt", end.minusMinutes(90).toString())
                        .param("endedAt", end.toString())
                        .param("bottleCount", "3")
                        .param("bottleVolumeMl", "100")
                        .with(csrf())
                        .with(user(techs.recorder()).roles("LAB_TECHNICIAN")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("is not a pasteuriser of the equipment register")))
                .andExpect(content().string(containsString("PAST-1")))
                // what was typed stays in the form
                .andExpect(content().string(containsString("value=\"the old water bath\"")));

        mvc.perform(post("/runs")
                        .param("poolId", pool.id().toString())
                        .param("device", "the old water bath")
                        .param("startedAt", end.minusMinutes(90).toString())
                        .param("endedAt", end.toString())
                        .param("holdTemperatureC", "62.8")
                        .param("holdMinutes", "31")
                        .param("bottleCount", "3")
                        .param("bottleVolumeMl", "100")
                        .with(csrf())
                        .with(user(techs.recorder()).roles("LAB_TECHNICIAN")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("is not a pasteuriser of the equipment register")));

        assertThat(runs.runsOfPool(pool.id())).isEmpty();
    }

    @Test
    void aFileOfAnotherLayoutIsRefusedOnTheSamePageAndChangesNothing() throws Exception {
        Technicians techs = Technicians.create(context);
        UUID id = recordAwaiting(techs);

        mvc.perform(multipart("/runs/" + id + "/curve/log")
                        .file(new MockMultipartFile(
                                "file", "x.csv", "text/csv", "Time;T1\n1;2\n".getBytes(StandardCharsets.UTF_8)))
                        .param("layoutId", CONTROL_BOTTLE)
                        .with(csrf())
                        .with(user(techs.recorder()).roles("LAB_TECHNICIAN")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("lacks the columns")));

        assertThat(runs.find(id).orElseThrow().state()).isEqualTo(RunState.AWAITING_LOG);
    }

    @Test
    void loggerLayoutsAreListedAndAmendedWithAReason() throws Exception {
        var manager = user("manager-layouts").roles("MANAGER");
        mvc.perform(get("/runs/loggers").with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("TL-10")));
        mvc.perform(post("/runs/loggers")
                        .param("name", "Test logger")
                        .param("model", "X-1")
                        .param("delimiter", ",")
                        .param("headerRow", "1")
                        .param("timeColumn", "Time")
                        .param("timeFormat", "dd/MM/yyyy HH:mm:ss")
                        .param("timeZone", "Asia/Vientiane")
                        .param("probes", "Temp=Control")
                        .param("_fahrenheit", "on")
                        .param("_decimalComma", "on")
                        .with(csrf())
                        .with(manager))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/runs/loggers")
                        .param("name", "Bad logger")
                        .param("model", "X-2")
                        .param("delimiter", ",")
                        .param("headerRow", "1")
                        .param("timeColumn", "Time")
                        .param("timeFormat", "ISO")
                        .param("timeZone", "Mars/Olympus")
                        .param("probes", "Temp=Control")
                        .param("_fahrenheit", "on")
                        .param("_decimalComma", "on")
                        .with(csrf())
                        .with(manager))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Mars/Olympus")));
    }
}
