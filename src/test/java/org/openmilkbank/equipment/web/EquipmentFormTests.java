package org.openmilkbank.equipment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openmilkbank.equipment.EquipmentKind;
import org.openmilkbank.equipment.EquipmentManagement;
import org.openmilkbank.equipment.EquipmentView;
import org.openmilkbank.equipment.NewEquipment;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The equipment page forms keep what was typed and say beside each field what is wrong; a refused form writes
 * nothing; a valid one goes to the instrument's page.
 */
@IntegrationTest
class EquipmentFormTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    EquipmentManagement equipment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    static String code() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    EquipmentView thermometer() {
        AtomicReference<EquipmentView> v = new AtomicReference<>();
        Staff.as(
                "manager-forms",
                Role.MANAGER,
                () -> v.set(equipment.register(new NewEquipment(
                        code(),
                        EquipmentKind.THERMOMETER,
                        "Bath thermometer",
                        null,
                        null,
                        "Lab",
                        null,
                        null,
                        null,
                        null))));
        return v.get();
    }

    @Test
    void anInstrumentWithoutANameRedrawsTheFormWithWhatWasTypedAndRegistersNothing() throws Exception {
        long before = count("equipment");
        String code = code();
        mvc.perform(post("/equipment")
                        .with(user("manager").roles("MANAGER"))
                        .with(csrf())
                        .param("code", code)
                        .param("kind", "PROBE")
                        .param("name", " ")
                        .param("serial", "SN-77"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("newInstrument", "name"))
                .andExpect(content().string(containsString("data-testid=\"error-name\"")))
                .andExpect(content().string(containsString("value=\"" + code + "\"")))
                .andExpect(content().string(containsString("value=\"SN-77\"")))
                .andExpect(content().string(containsString("value=\"PROBE\" selected=\"selected\"")));
        assertThat(count("equipment")).isEqualTo(before);
    }

    @Test
    void aValidInstrumentIsRegisteredAndItsPageShowsItNeverCalibrated() throws Exception {
        String code = code();
        String location = mvc.perform(post("/equipment")
                        .with(user("manager").roles("MANAGER"))
                        .with(csrf())
                        .param("code", code)
                        .param("kind", "FREEZER")
                        .param("name", "Freezer 2"))
                .andExpect(redirectedUrlPattern("/equipment/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(location).with(user("tech").roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(code)))
                .andExpect(content().string(containsString("Never calibrated")))
                .andExpect(content().string(containsString("data-testid=\"calibration-form\"")))
                .andExpect(content().string(not(containsString("data-testid=\"amend-form\""))));
    }

    @Test
    void aCalibrationAgainstALapsedCertificateIsRefusedBesideItsDateKeepingTheReadings() throws Exception {
        EquipmentView t = thermometer();
        long before = count("calibration");
        mvc.perform(post("/equipment/" + t.id() + "/calibrations")
                        .with(user("tech").roles("LAB_TECHNICIAN"))
                        .with(csrf())
                        .param("referenceDescription", "RT-1")
                        .param("certificateNumber", "CERT-991")
                        .param("certificateIssuer", "NMI")
                        .param("certificateValidUntil", "2020-01-01")
                        .param("points[0].nominalC", "62.5")
                        .param("points[0].referenceC", "62.4")
                        .param("points[0].asFoundC", "62.75"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("calibration", "certificateValidUntil"))
                .andExpect(content().string(containsString("data-testid=\"error-certificateValidUntil\"")))
                .andExpect(content().string(containsString("value=\"CERT-991\"")))
                .andExpect(content().string(containsString("value=\"62.75\"")));
        assertThat(count("calibration")).isEqualTo(before);
    }

    @Test
    void addingAPointDrawsOneMoreRowKeepingWhatWasTypedAndRecordsNothing() throws Exception {
        EquipmentView t = thermometer();
        long before = count("calibration");
        String page = mvc.perform(post("/equipment/" + t.id() + "/calibrations")
                        .with(user("tech").roles("LAB_TECHNICIAN"))
                        .with(csrf())
                        .param("addPoint", "1")
                        .param("certificateNumber", "CERT-5")
                        .param("points[0].nominalC", "4")
                        .param("points[1].nominalC", "62.5")
                        .param("points[2].nominalC", "72")
                        .param("points[2].asFoundC", "72.3"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page.split("data-testid=\"point-row\"", -1)).hasSize(5);
        assertThat(page).contains("value=\"CERT-5\"").contains("value=\"72.3\"");
        assertThat(count("calibration")).isEqualTo(before);
    }

    @Test
    void aValidCalibrationIsRecordedAndItsPointsShown() throws Exception {
        EquipmentView t = thermometer();
        mvc.perform(post("/equipment/" + t.id() + "/calibrations")
                        .with(user("tech").roles("LAB_TECHNICIAN"))
                        .with(csrf())
                        .param("referenceDescription", "RT-1")
                        .param("certificateNumber", "CERT-7")
                        .param("certificateIssuer", "NMI")
                        .param(
                                "certificateValidUntil",
                                LocalDate.now(clock).plusYears(1).toString())
                        .param("points[0].nominalC", "62.5")
                        .param("points[0].referenceC", "62.5")
                        .param("points[0].asFoundC", "63.4")
                        .param("points[0].asLeftC", "62.6")
                        .param("points[1].nominalC", "72"))
                .andExpect(redirectedUrl("/equipment/" + t.id()))
                .andExpect(flash().attributeExists("error"));
        mvc.perform(get("/equipment/" + t.id()).with(user("manager").roles("MANAGER")))
                .andExpect(content().string(containsString("Found out of tolerance (adjusted)")))
                .andExpect(content().string(containsString("data-testid=\"amend-form\"")));
    }

    @Test
    void anAmendmentWithoutAReasonIsRefusedBesideTheReason() throws Exception {
        EquipmentView t = thermometer();
        mvc.perform(post("/equipment/" + t.id())
                        .with(user("manager").roles("MANAGER"))
                        .with(csrf())
                        .param("code", t.code())
                        .param("kind", "THERMOMETER")
                        .param("name", "Renamed thermometer"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("amendment", "reason"))
                .andExpect(content().string(containsString("value=\"Renamed thermometer\"")));
        assertThat(equipment.find(t.id()).orElseThrow().name()).isEqualTo("Bath thermometer");
    }

    @Test
    void aScannedCodeOpensTheInstrumentAndAnUnknownOneSaysSo() throws Exception {
        EquipmentView t = thermometer();
        mvc.perform(get("/equipment/scan")
                        .param("code", " " + t.code().toLowerCase(Locale.ROOT) + " ")
                        .with(user("tech").roles("LAB_TECHNICIAN")))
                .andExpect(redirectedUrl("/equipment/" + t.id()));
        mvc.perform(get("/equipment/scan")
                        .param("code", "NOPE-1")
                        .with(user("tech").roles("LAB_TECHNICIAN")))
                .andExpect(redirectedUrl("/equipment"))
                .andExpect(flash().attributeExists("error"));
        mvc.perform(get("/equipment").with(user("tech").roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"scan-code\"")))
                .andExpect(content().string(containsString(t.code())));
    }
}
