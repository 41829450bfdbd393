package org.openmilkbank.logistics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openmilkbank.logistics.BoxState;
import org.openmilkbank.logistics.CollectionPointKind;
import org.openmilkbank.logistics.CollectionPointView;
import org.openmilkbank.logistics.LogisticsManagement;
import org.openmilkbank.logistics.NewCollectionPoint;
import org.openmilkbank.logistics.PickupRunView;
import org.openmilkbank.logistics.TransportMode;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The logistics page forms keep what was typed and say beside each field what is wrong: a new collection point, a
 * run planned, a donor stop scanned, a box's arrival at the scanner page.
 */
@IntegrationTest
class LogisticsFormTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    LogisticsManagement logistics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aPointWithoutANameRedrawsTheFormWithWhatWasTypedAndCreatesNothing() throws Exception {
        long before = count("collection_point");
        mvc.perform(post("/logistics/points")
                        .with(user("coordinator").roles("DONOR_COORDINATOR"))
                        .with(csrf())
                        .param("name", "  ")
                        .param("kind", "COMMUNITY")
                        .param("address", "Ban Phonxay, Vientiane"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("newPoint", "name"))
                .andExpect(content().string(containsString("data-testid=\"error-name\"")))
                .andExpect(content().string(containsString("value=\"Ban Phonxay, Vientiane\"")))
                .andExpect(content().string(containsString("value=\"COMMUNITY\" selected=\"selected\"")));
        assertThat(count("collection_point")).isEqualTo(before);
    }

    @Test
    void aRunPlannedInThePastIsRefusedBesideTheDateKeepingTheDriverAndAValidOneGoesToTheRun() throws Exception {
        long before = count("pickup_run");
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        mvc.perform(post("/logistics/runs")
                        .with(user("coordinator").roles("DONOR_COORDINATOR"))
                        .with(csrf())
                        .param("plannedOn", yesterday.toString())
                        .param("driver", "Somchai"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("newRun", "plannedOn"))
                .andExpect(content().string(containsString("data-testid=\"error-plannedOn\"")))
                .andExpect(content().string(containsString("value=\"" + yesterday + "\"")))
                .andExpect(content().string(containsString("value=\"Somchai\"")));
        mvc.perform(post("/logistics/runs")
                        .with(user("coordinator").roles("DONOR_COORDINATOR"))
                        .with(csrf())
                        .param("plannedOn", yesterday.toString())
                        .param("driver", "x".repeat(300)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("newRun", "driver", "Size"));
        assertThat(count("pickup_run")).isEqualTo(before);
        mvc.perform(post("/logistics/runs")
                        .with(user("coordinator").roles("DONOR_COORDINATOR"))
                        .with(csrf())
                        .param("plannedOn", LocalDate.now(clock).toString())
                        .param("driver", "Somchai"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/logistics/runs/*"));
    }

    @Test
    void anUnknownDonorCodeScannedForAStopIsRefusedBesideTheScanField() throws Exception {
        AtomicReference<PickupRunView> run = new AtomicReference<>();
        Staff.as("coordinator", Role.DONOR_COORDINATOR, () -> run.set(logistics.planRun(LocalDate.now(clock), "Lan")));
        mvc.perform(post("/logistics/runs/{id}/stops", run.get().id())
                        .with(user("coordinator").roles("DONOR_COORDINATOR"))
                        .with(csrf())
                        .param("donorCode", "D-NOBODY"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("stop", "donorCode"))
                .andExpect(content().string(containsString("data-testid=\"error-donorCode\"")))
                .andExpect(content().string(containsString("value=\"D-NOBODY\"")));
        assertThat(logistics.findRun(run.get().id()).orElseThrow().stops()).isEmpty();
    }

    @Test
    void anArrivalTemperatureThatIsNotANumberIsRefusedInPlaceBesideTheField() throws Exception {
        String code = "BOX-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Staff.as("coordinator", Role.DONOR_COORDINATOR, () -> {
            CollectionPointView point = logistics.createPoint(
                    new NewCollectionPoint("Forms point " + code, CollectionPointKind.HOSPITAL, null));
            logistics.dispatchBox(
                    code,
                    point.id(),
                    TransportMode.FROZEN,
                    Instant.now(clock).minusSeconds(3600),
                    new BigDecimal("-20"));
        });
        mvc.perform(post("/logistics/arrival")
                        .with(user("technician").roles("LAB_TECHNICIAN"))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("code", code)
                        .param("temperatureC", "cold")
                        .param("indicator", "INTACT")
                        .param("sealIntact", "true"))
                // in place for htmx: the box's form again, as typed, with the reason beside the temperature
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("arrival", "temperatureC"))
                .andExpect(content().string(containsString("data-testid=\"error-temperatureC\"")))
                .andExpect(content().string(containsString("value=\"cold\"")))
                .andExpect(content().string(containsString("data-testid=\"arrival-form\"")));
        assertThat(logistics.findBox(code).orElseThrow().state()).isEqualTo(BoxState.IN_TRANSIT);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
