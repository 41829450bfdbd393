package org.openmilkbank.storage.cold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.springframework.test.web.servlet.ResultActions;

/** A freezer logger's file is imported whole or not at all, by the pasteurisation import's parser and layout. */
@IntegrationTest
class LoggerImportIntegrationTests {

    @Autowired
    IdentityManagement identity;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Excursions excursions;

    @Autowired
    Readings readingsOf;

    @Autowired
    Clock clock;

    String technician;
    UUID freezer;
    Instant start;

    @BeforeEach
    void aFreezer() {
        technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        freezer = ColdChain.storageUnit(jdbc, "FREEZER");
        start = Instant.now(clock).truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));
    }

    /** One reading a minute for two hours: cold, then warm above the hold temperature for 80 min, then cold. */
    String warmStretch() {
        StringBuilder csv = new StringBuilder("Time,Temperature\n");
        for (int m = 0; m < 120; m++) {
            String c = m >= 20 && m < 100 ? "-10.5" : "-20.0";
            csv.append(start.plus(Duration.ofMinutes(m))).append(',').append(c).append('\n');
        }
        return csv.toString();
    }

    @Test
    void aLoggerFileIsImportedWholeAndItsWarmStretchBecomesAnExcursionThatHolds() throws Exception {
        upload(warmStretch())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.readings").value(120));
        assertThat(readings()).isEqualTo(120);
        ExcursionView e = excursions.ofUnit(freezer).get(0);
        assertThat(e.openedHow()).isEqualTo(OpenedHow.LOGGER);
        assertThat(e.level()).isEqualTo(ExcursionLevel.HOLD);
        assertThat(e.startedAt()).isEqualTo(start.plus(Duration.ofMinutes(20)));
        assertThat(e.endedAt()).isEqualTo(start.plus(Duration.ofMinutes(100)));
        assertThat(e.minutesAbove()).isEqualTo(80);
    }

    @Test
    void theNextFileOfTheFreezerIsOfferedTheLayoutItsLastFileWasReadWith() throws Exception {
        mvc.perform(get("/storage/cold/" + freezer).with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"headerRow\" value=\"1\"")));
        upload(warmStretch()).andExpect(status().isCreated());
        assertThat(readingsOf.loggerForm(freezer))
                .isEqualTo(new LoggerForm(null, ",", 2, "Time", "ISO", "Temperature", false, false));
        // an import refused whole keeps nothing, not even its layout
        mvc.perform(multipart("/api/v1/storage/cold/units/" + freezer + "/logger-files")
                        .file(new MockMultipartFile("file", "other.csv", "text/csv", "When;Temp\n".getBytes()))
                        .param("delimiter", ";")
                        .param("headerRow", "1")
                        .param("timeColumn", "When")
                        .param("timeFormat", "ISO")
                        .param("temperatureColumn", "Temp")
                        .with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(get("/storage/cold/" + freezer).with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"headerRow\" value=\"2\"")));
    }

    @Test
    void theSameFileTwiceIsRefusedAndNothingMoreIsWritten() throws Exception {
        upload(warmStretch()).andExpect(status().isCreated());
        upload(warmStretch()).andExpect(status().isUnprocessableEntity());
        assertThat(readings()).isEqualTo(120);
        assertThat(excursions.ofUnit(freezer)).hasSize(1);
    }

    @Test
    void badRowsAreListedAndRefuseTheWholeFile() throws Exception {
        String csv = "Time,Temperature\n" + start + ",-20\n" + "yesterday,-20\n" + start.plus(Duration.ofMinutes(2))
                + ",cold\n" + start.plus(Duration.ofMinutes(3)) + ",-3\n";
        upload(csv)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("yesterday")))
                .andExpect(content().string(containsString("cold")));
        assertThat(readings()).isZero();
        assertThat(excursions.ofUnit(freezer)).isEmpty();
    }

    @Test
    void aFileOfAnotherStructureIsRefusedWhole() throws Exception {
        upload("When;Temp\n" + start + ";-20\n").andExpect(status().isUnprocessableEntity());
        upload("").andExpect(status().isUnprocessableEntity());
        upload("\u0000\u0001binary").andExpect(status().isUnprocessableEntity());
        assertThat(readings()).isZero();
    }

    @Test
    void aTimePatternThatIsNoPatternIsRefusedOnItsField() throws Exception {
        mvc.perform(multipart("/api/v1/storage/cold/units/" + freezer + "/logger-files")
                        .file(new MockMultipartFile(
                                "file", "f.csv", "text/csv", warmStretch().getBytes()))
                        .param("delimiter", ",")
                        .param("headerRow", "1")
                        .param("timeColumn", "Time")
                        .param("timeFormat", "{{nonsense")
                        .param("temperatureColumn", "Temperature")
                        .with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isUnprocessableEntity());
        assertThat(readings()).isZero();
    }

    /** The file as this freezer's logger writes it: a line naming the logger, then the column names. */
    ResultActions upload(String csv) throws Exception {
        String file = csv.isEmpty() ? csv : "Logger serial " + freezer + "\n" + csv;
        return mvc.perform(multipart("/api/v1/storage/cold/units/" + freezer + "/logger-files")
                .file(new MockMultipartFile("file", "freezer.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8)))
                .param("delimiter", ",")
                .param("headerRow", "2")
                .param("timeColumn", "Time")
                .param("timeFormat", "ISO")
                .param("temperatureColumn", "Temperature")
                .with(httpBasic(technician, Staff.PASSWORD)));
    }

    int readings() {
        return jdbc.sql("select count(*) from storage_temperature_reading where storage_unit_id = :su")
                .param("su", freezer)
                .query(Integer.class)
                .single();
    }
}
