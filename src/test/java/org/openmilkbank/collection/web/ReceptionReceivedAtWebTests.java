package org.openmilkbank.collection.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The reception page's "Received at": a reception recorded after the fact keeps that time; an impossible one is refused. */
@IntegrationTest
class ReceptionReceivedAtWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    DonorManagement donors;

    @Autowired
    Standards standards;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    LocalDate today;
    String technician;
    DonorView donor;

    @BeforeEach
    void eligibleDonor() {
        today = LocalDate.now(clock);
        technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        AtomicReference<DonorView> d = new AtomicReference<>();
        Staff.asSystem(() -> d.set(DonorFixtures.eligibleDonor(donors, standards, today.minusDays(10))));
        donor = d.get();
    }

    @Test
    void thePageOffersAnOptionalReceivedAtWithAHint() throws Exception {
        mvc.perform(get("/reception").with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"receivedAt\"")))
                .andExpect(content().string(containsString("type=\"datetime-local\"")))
                .andExpect(content().string(containsString("Leave empty if the milk is arriving now")));
    }

    @Test
    void aReceptionRecordedThreeHoursLaterKeepsTheTimeTheMilkCameIn() throws Exception {
        LocalDateTime threeHoursAgo = LocalDateTime.now(clock).minusHours(3).truncatedTo(ChronoUnit.MINUTES);
        String location = receive(today.minusDays(2).toString(), threeHoursAgo.toString())
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID donation = UUID.fromString(location.substring("/donations/".length()));
        Instant expected = threeHoursAgo.atZone(clock.getZone()).toInstant();
        Instant stored = jdbc.sql("select received_at from donation where id = :id")
                .param("id", donation)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .single();
        assertThat(stored).isEqualTo(expected);
    }

    @Test
    void aTimeInTheFutureIsRefusedKeepsWhatWasTypedAndReceivesNothing() throws Exception {
        int before = count();
        String inAnHour = LocalDateTime.now(clock)
                .plusHours(1)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        receive(today.minusDays(1).toString(), inAnHour)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("is in the future")))
                .andExpect(content().string(containsString("value=\"" + inAnHour + "\"")))
                .andExpect(content().string(containsString("value=\"L-RA-1\"")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aTimeBeforeTheMilkWasExpressedIsRefusedAndReceivesNothing() throws Exception {
        int before = count();
        String twoDaysAgo = today.minusDays(2).atTime(9, 0).toString();
        receive(today.minusDays(1).toString(), twoDaysAgo)
                .andExpect(status().isUnprocessableContent())
                // the line's expression date is after the time given: shown beside that date
                .andExpect(content().string(containsString("data-testid=\"error-containers[0].expressedOn\"")))
                .andExpect(content().string(containsString("value=\"" + twoDaysAgo + "\"")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aTimeThatIsNotATimeIsRefusedClearly() throws Exception {
        receive(today.minusDays(1).toString(), "this morning")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("data-testid=\"error-receivedAt\"")))
                .andExpect(content().string(containsString("is not a date and time")));
    }

    private org.springframework.test.web.servlet.ResultActions receive(String expressedOn, String receivedAt)
            throws Exception {
        return mvc.perform(post("/reception")
                .param("donorCode", donor.code())
                .param("containers[0].labelCode", "L-RA-1")
                .param("containers[0].amount", "150")
                .param("containers[0].unit", "ML")
                .param("containers[0].expressedOn", expressedOn)
                .param("containers[0].expressedAt", "")
                .param("containers[0].condition", "INTACT")
                .param("receivedAt", receivedAt)
                .with(csrf())
                .with(httpBasic(technician, Staff.PASSWORD)));
    }

    private int count() {
        return jdbc.sql("select count(*) from donation").query(Integer.class).single();
    }
}
