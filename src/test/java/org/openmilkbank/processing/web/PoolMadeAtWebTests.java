package org.openmilkbank.processing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The pool page's "Made at": a pool recorded after it was made keeps that time; an impossible time is refused. */
@IntegrationTest
class PoolMadeAtWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    PoolManagement pools;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    RequestPostProcessor tech = user("tech.madeat").roles("LAB_TECHNICIAN");
    RawContainerView first;
    RawContainerView second;

    @BeforeEach
    void twoContainersReceivedFourHoursAgo() {
        DonationView donation = ProcessingFixtures.receivedDonation(context, 2, 120, 80);
        first = donation.containers().get(0);
        second = donation.containers().get(1);
    }

    @Test
    void thePageOffersAnOptionalMadeAtWithAHint() throws Exception {
        mvc.perform(get("/pools/new").with(tech))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("type=\"datetime-local\"")))
                .andExpect(content().string(containsString("name=\"madeAt\"")))
                .andExpect(content().string(containsString("Leave empty if the pool is being made now")));
    }

    @Test
    void aPoolMadeThreeHoursAgoIsStoredWithThatTime() throws Exception {
        LocalDateTime threeHoursAgo = LocalDateTime.now(clock).minusHours(3).truncatedTo(ChronoUnit.MINUTES);
        String location = mvc.perform(post("/pools")
                        .param("dins", first.din(), second.din())
                        .param("madeAt", threeHoursAgo.toString())
                        .with(csrf())
                        .with(tech))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        PoolView pool = pools.find(UUID.fromString(location.substring("/pools/".length())))
                .orElseThrow();
        Instant expected = threeHoursAgo.atZone(clock.getZone()).toInstant();
        assertThat(pool.createdAt()).isEqualTo(expected);
        Instant inLineage = jdbc.sql("select created_at from milk_unit where id = :id")
                .param("id", pool.id())
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .single();
        assertThat(inLineage).isEqualTo(expected);
    }

    @Test
    void aTimeInTheFutureIsRefusedKeepsWhatWasTypedAndCreatesNothing() throws Exception {
        int poolsBefore = count();
        String inAnHour = LocalDateTime.now(clock)
                .plus(Duration.ofHours(1))
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        mvc.perform(post("/pools")
                        .param("dins", first.din(), second.din())
                        .param("madeAt", inAnHour)
                        .with(csrf())
                        .with(tech))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("data-testid=\"error-madeAt\"")))
                .andExpect(content().string(containsString("is in the future")))
                .andExpect(content().string(containsString("value=\"" + inAnHour + "\"")))
                .andExpect(content().string(containsString(first.din())))
                .andExpect(content().string(containsString(second.din())));
        assertThat(count()).isEqualTo(poolsBefore);
    }

    @Test
    void aTimeBeforeTheMilkWasReceivedIsRefused() throws Exception {
        int poolsBefore = count();
        String yesterday = LocalDateTime.now(clock)
                .minusDays(1)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        mvc.perform(post("/pools")
                        .param("dins", first.din(), second.din())
                        .param("madeAt", yesterday)
                        .with(csrf())
                        .with(tech))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("data-testid=\"error-madeAt\"")))
                .andExpect(content().string(containsString("did not exist yet")))
                .andExpect(content().string(containsString("value=\"" + yesterday + "\"")));
        assertThat(count()).isEqualTo(poolsBefore);
    }

    @Test
    void aTimeThatIsNotATimeIsRefusedClearly() throws Exception {
        mvc.perform(post("/pools")
                        .param("dins", first.din(), second.din())
                        .param("madeAt", "yesterday noon")
                        .with(csrf())
                        .with(tech))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("is not a date and time")));
    }

    private int count() {
        return jdbc.sql("select count(*) from pool").query(Integer.class).single();
    }
}
