package org.openmilkbank.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.ContainerState;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.logistics.CollectionPointKind;
import org.openmilkbank.logistics.LogisticsManagement;
import org.openmilkbank.logistics.NewCollectionPoint;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every free-text field has a length limit: the request's validation names the field, the database refuses
 * what gets past it, and either way the person reads why and nothing is written.
 */
@IntegrationTest
class TextLimitsTests {

    static final String FIVE_THOUSAND = "x".repeat(5000);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Flyway flyway;

    @Autowired
    CollectionManagement collection;

    @Autowired
    LogisticsManagement logistics;

    @Autowired
    ApiErrorHandler apiErrors;

    @Test
    void aTooLongDiscardReasonThroughTheApiIsRefusedNamingTheFieldAndTheContainerStaysAsItWas() throws Exception {
        RawContainerView container = ProcessingFixtures.receivedDonation(context, 1, 100)
                .containers()
                .get(0);

        mvc.perform(post("/api/v1/containers/{din}/discard", container.din())
                        .with(user("lab").roles("LAB_TECHNICIAN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(java.util.Map.of("reason", FIVE_THOUSAND))))
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.fields", hasItem("reason")));

        assertThat(collection.findByDin(container.din()).orElseThrow().state()).isEqualTo(ContainerState.RAW_FROZEN);
    }

    @Test
    void aTooLongCollectionPointAddressThroughTheApiIsRefusedNamingTheFieldAndNothingIsCreated() throws Exception {
        int before = logistics.points(false).size();

        mvc.perform(post("/api/v1/logistics/points")
                        .with(user("coordinator").roles("DONOR_COORDINATOR"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(
                                java.util.Map.of("name", "Long street", "kind", "CLINIC", "address", FIVE_THOUSAND))))
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.fields", hasItem("address")));

        assertThat(logistics.points(false)).hasSize(before);
    }

    @Test
    void aTooLongStopNoteThroughTheApiIsRefusedNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/logistics/runs/{id}/stops/{stop}", UUID.randomUUID(), UUID.randomUUID())
                        .with(user("coordinator").roles("DONOR_COORDINATOR"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(java.util.Map.of("outcome", "MISSED", "note", FIVE_THOUSAND))))
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.fields", hasItem("note")));
    }

    @Test
    void aTooLongDiscardReasonOnAPageIsRefusedBesideTheFieldNamingTheLimitNotAServerError() throws Exception {
        RawContainerView container = ProcessingFixtures.receivedDonation(context, 1, 100)
                .containers()
                .get(0);

        mvc.perform(post("/containers/{din}/discard", container.din())
                        .param("reason", FIVE_THOUSAND)
                        .with(user("lab").roles("LAB_TECHNICIAN"))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("discard", "reason", "Size"))
                .andExpect(content().string(containsString("data-testid=\"error-reason\"")));

        assertThat(collection.findByDin(container.din()).orElseThrow().state()).isEqualTo(ContainerState.RAW_FROZEN);
    }

    @Test
    void aTooLongDeactivationReasonOnAPageIsRefusedBesideTheFieldAndThePointStaysActive() throws Exception {
        UUID point = logistics
                .createPoint(new NewCollectionPoint("Ward 3 freezer", CollectionPointKind.HOSPITAL, null))
                .id();

        mvc.perform(post("/logistics/points/{id}/deactivate", point)
                        .param("reason", FIVE_THOUSAND)
                        .with(user("coordinator").roles("DONOR_COORDINATOR"))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("deactivation", "reason", "Size"))
                .andExpect(content().string(containsString("data-testid=\"error-reason\"")));

        assertThat(logistics.findPoint(point).orElseThrow().active()).isTrue();
    }

    @Test
    void theDatabaseRefusesATooLongValueInAFreeTextColumnAndTheApiSaysWhichField() {
        assertThatThrownBy(() -> jdbc.sql("""
                                insert into label_print (id, din, output, reprint, reason, printed_at, printed_by)
                                values (:id, 'A000126000001', 'PDF', true, :reason, :at, 'lab')
                                """)
                        .param("id", UUID.randomUUID())
                        .param("reason", FIVE_THOUSAND)
                        .param("at", java.sql.Timestamp.from(Instant.now()))
                        .update())
                .isInstanceOfSatisfying(DataIntegrityViolationException.class, e -> {
                    LocaleContextHolder.setLocale(Locale.ENGLISH);
                    try {
                        ProblemDetail problem = apiErrors.integrity(e);
                        assertThat(problem.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT.value());
                        assertThat(problem.getProperties())
                                .containsEntry("code", "error.input.tooLong")
                                .containsEntry("field", "reason");
                        assertThat(problem.getDetail()).isEqualTo("“reason” is too long: at most 4,000 characters.");
                    } finally {
                        LocaleContextHolder.resetLocaleContext();
                    }
                });
        assertThat(jdbc.sql("select count(*) from label_print where char_length(reason) > 4000")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void everyFreeTextColumnOfEveryTableHasItsLimitExceptTheFewThatNeedNone() {
        List<String> unlimited = jdbc.sql("""
                        select c.relname || '.' || a.attname
                        from pg_class c
                        join pg_namespace n on n.oid = c.relnamespace
                        join pg_attribute a on a.attrelid = c.oid
                        where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0
                          and not a.attisdropped and a.atttypid = 'text'::regtype
                          and not exists (select 1 from pg_constraint k
                                          where k.conrelid = c.oid and k.contype = 'c'
                                            and k.conname like '%\\_\\_' || a.attname || '\\_\\_max\\_length')
                        order by 1
                        """).query(String.class).list();

        assertThat(unlimited)
                .allMatch(column -> column.startsWith("event_publication.")
                        || column.startsWith("flyway_schema_history.")
                        || column.equals("history_entry.detail"));
        assertThat(unlimited).doesNotContain("donor.address", "bottle.discard_reason", "history_entry.reason");
    }

    @Test
    void theLimitsAreAddedOnceHoweverOftenFlywayMigrates() {
        long before = maxLengthConstraints();

        flyway.migrate();
        flyway.migrate();

        assertThat(maxLengthConstraints()).isEqualTo(before).isGreaterThan(50);
    }

    private long maxLengthConstraints() {
        return jdbc.sql("select count(*) from pg_constraint where conname like '%\\_\\_max\\_length'")
                .query(Long.class)
                .single();
    }

    private static String json(Object body) {
        return JsonMapper.builder().build().writeValueAsString(body);
    }
}
