package org.openmilkbank.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openmilkbank.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A follow-up step whose publication stayed incomplete (here: the step failed the first time) is shown to an
 * ADMIN and done when she sends it again.
 */
@IntegrationTest
@TestPropertySource(properties = "openmilkbank.events.stuck-after=PT0S")
class StuckEventPublicationsTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    record ProbeHappened(UUID id) {}

    /** A follow-up step that fails on its first attempt, as a step does when the process dies under it. */
    static class ProbeStep {
        final Set<UUID> attempted = ConcurrentHashMap.newKeySet();
        final Set<UUID> done = ConcurrentHashMap.newKeySet();

        @ApplicationModuleListener
        void on(ProbeHappened event) {
            if (attempted.add(event.id())) {
                throw new IllegalStateException("first attempt dies");
            }
            done.add(event.id());
        }

        // a method, not the field: the bean is an async proxy
        public boolean isDone(UUID id) {
            return done.contains(id);
        }
    }

    @TestConfiguration
    static class Probe {
        @Bean
        ProbeStep probeStep() {
            return new ProbeStep();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ProbeStep step;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Test
    void unfinishedStepsAreSentAgainAtEveryStart() {
        assertThat(environment.getProperty(
                        "spring.modulith.events.republish-outstanding-events-on-restart", Boolean.class))
                .isTrue();
    }

    @Test
    void anAdminSeesAStuckStepAndSendsItAgainAndThenItIsDone() throws Exception {
        UUID id = UUID.randomUUID();
        UUID publication = failedPublicationOf(id);

        mvc.perform(get("/admin/event-publications").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("resubmit-" + publication)));
        mvc.perform(get("/api/v1/event-publications/stuck").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '" + publication + "')].eventType")
                        .value(org.hamcrest.Matchers.hasItem(ProbeHappened.class.getName())));

        mvc.perform(post("/admin/event-publications/{id}/resubmit", publication)
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        Awaitility.await().atMost(WAIT).until(() -> completed(publication));
        assertThat(step.isDone(id)).isTrue();
        mvc.perform(get("/api/v1/event-publications/stuck").with(user("admin").roles("ADMIN")))
                .andExpect(jsonPath("$.items[?(@.id == '" + publication + "')]").isEmpty());
    }

    @Test
    void theApiSendsAllStuckStepsAgain() throws Exception {
        UUID id = UUID.randomUUID();
        UUID publication = failedPublicationOf(id);
        mvc.perform(post("/api/v1/event-publications/resubmit")
                        .with(user("admin").roles("ADMIN")))
                .andExpect(status().isAccepted());
        Awaitility.await().atMost(WAIT).until(() -> completed(publication));
        assertThat(step.isDone(id)).isTrue();
    }

    @Test
    void onlyAnAdminSeesStuckSteps() throws Exception {
        mvc.perform(get("/api/v1/event-publications/stuck").with(user("lab").roles("LAB_TECHNICIAN")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/event-publications/resubmit").with(user("m").roles("MANAGER")))
                .andExpect(status().isForbidden());
    }

    @Test
    void resendingAStepThatIsNotStuckIsNotFound() throws Exception {
        mvc.perform(post("/api/v1/event-publications/{id}/resubmit", UUID.randomUUID())
                        .with(user("admin").roles("ADMIN")))
                .andExpect(status().isNotFound());
    }

    /** Publishes the probe event in a committed transaction and waits until its first attempt has failed. */
    private UUID failedPublicationOf(UUID id) {
        transactions.executeWithoutResult(tx -> events.publishEvent(new ProbeHappened(id)));
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> !jdbc.queryForList(
                                "select id from event_publication where serialized_event like ?"
                                        + " and status = 'FAILED'",
                                UUID.class,
                                "%" + id + "%")
                        .isEmpty());
        return jdbc.queryForObject(
                "select id from event_publication where serialized_event like ?", UUID.class, "%" + id + "%");
    }

    private boolean completed(UUID publication) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select completion_date is not null from event_publication where id = ?", Boolean.class, publication));
    }
}
