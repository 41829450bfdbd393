package org.openmilkbank.reporting.dhis2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A month pushed to a local DHIS2 that answers as DHIS2 does: the request's shape, the dry run first, the import
 * summary, a 409 for an unknown data element, wrong credentials, a failing server, a page that is not DHIS2's
 * answer and a server that cannot be reached. Every push is recorded.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Dhis2PushIntegrationTests {

    static final String KNOWN = "cYeuwXTCPkU";
    static final String UNKNOWN = "xUnknownDE1";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    Dhis2Settings settings;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Clock clock;

    StubDhis2 dhis2;
    String manager;
    String month;
    String orgUnit;

    @BeforeAll
    void aDhis2() throws IOException {
        dhis2 = new StubDhis2(Set.of(KNOWN));
        manager = Staff.create(identity, Role.MANAGER);
    }

    @AfterAll
    void stop() {
        dhis2.close();
    }

    @BeforeEach
    void theBanksConnectionAndMapping() {
        dhis2.answer(StubDhis2.Mode.DHIS2);
        orgUnit = Dhis2Fixtures.uid();
        Dhis2Fixtures.connect(settings, dhis2.baseUrl(), StubDhis2.PASSWORD, orgUnit, null);
        Dhis2Fixtures.mapVolumeDispensed(settings, KNOWN);
        month = YearMonth.now(clock).minusMonths(1).toString();
    }

    JsonNode push(boolean dryRun, int expectedStatus) throws Exception {
        String body = mvc.perform(post("/api/v1/reports/dhis2/{m}/push", month)
                        .param("dryRun", String.valueOf(dryRun))
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().is(expectedStatus))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(body);
    }

    @Test
    void aDryRunSendsTheMonthAsDhis2TakesItAndAnswersWithTheImportSummary() throws Exception {
        int before = dhis2.requests().size();
        JsonNode pushed = push(true, 200);

        assertThat(pushed.path("status").asString()).isEqualTo("SUCCESS");
        assertThat(pushed.path("dryRun").asBoolean()).isTrue();
        assertThat(pushed.path("summary").path("imported").asInt()).isEqualTo(1);
        assertThat(pushed.path("pushedBy").asString()).isEqualTo(manager);
        assertThat(dhis2.requests()).hasSize(before + 1);
        StubDhis2.Request sent = dhis2.last();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/api/dataValueSets");
        assertThat(sent.query()).contains("dryRun=true").contains("importStrategy=CREATE_AND_UPDATE");
        assertThat(sent.contentType()).startsWith("application/json");
        assertThat(sent.authorization())
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (StubDhis2.USER + ":" + StubDhis2.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        JsonNode set = JSON.readTree(sent.body());
        assertThat(set.path("period").asString()).isEqualTo(month.replace("-", ""));
        assertThat(set.path("orgUnit").asString()).isEqualTo(orgUnit);
        assertThat(set.has("dataSet")).isFalse();
        assertThat(set.path("dataValues")).hasSize(1);
        assertThat(set.path("dataValues").get(0).path("dataElement").asString()).isEqualTo(KNOWN);
        assertThat(set.path("dataValues").get(0).path("value").asString()).matches("[0-9]+(\\.[0-9]+)?");
    }

    @Test
    void theRealPushIsRefusedUntilADryRunOfTheSamePayloadSucceededAndThenGoes() throws Exception {
        int before = dhis2.requests().size();
        JsonNode refused = push(false, 422);
        assertThat(refused.path("detail").asString()).contains("dry run");
        assertThat(dhis2.requests()).as("nothing was sent").hasSize(before);

        push(true, 200);
        JsonNode real = push(false, 200);

        assertThat(real.path("status").asString()).isEqualTo("SUCCESS");
        assertThat(real.path("dryRun").asBoolean()).isFalse();
        assertThat(dhis2.last().query()).contains("dryRun=false");
    }

    @Test
    void aDryRunOfOtherValuesDoesNotOpenTheRealPush() throws Exception {
        push(true, 200);
        // the org unit changes: the payload is not the one the dry run checked
        Dhis2Fixtures.connect(settings, dhis2.baseUrl(), null, Dhis2Fixtures.uid(), null);

        push(false, 422);
    }

    @Test
    void anUnknownDataElementIsRefusedWith409AndItsConflictIsShownInPlainWords() throws Exception {
        Dhis2Fixtures.mapVolumeDispensed(settings, UNKNOWN);

        JsonNode pushed = push(true, 200);

        assertThat(pushed.path("status").asString()).isEqualTo("CONFLICTS");
        assertThat(pushed.path("httpStatus").asInt()).isEqualTo(409);
        assertThat(pushed.path("summary").path("ignored").asInt()).isEqualTo(1);
        JsonNode conflict = pushed.path("summary").path("conflicts").get(0);
        assertThat(conflict.path("object").asString()).isEqualTo(UNKNOWN);
        assertThat(conflict.path("errorCode").asString()).isEqualTo("E7610");
        assertThat(conflict.path("indexes").get(0).asInt()).isZero();
        push(false, 422);
        // the bank corrects its mapping: the record still says which of its numbers DHIS2 refused
        Dhis2Fixtures.mapVolumeDispensed(settings, KNOWN);

        String page = mvc.perform(
                        get("/reports/dhis2/pushes/{id}", pushed.path("id").asString())
                                .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("Values refused")
                .contains("Volume dispensed · total:")
                .contains("One more conflicts encountered")
                .contains("DHIS2 refused “" + UNKNOWN + "”")
                .contains("Data element not found or not accessible")
                .contains("Imported: 0 · updated: 0 · ignored: 1 · deleted: 0")
                .doesNotContain("data-testid=\"dhis2-push\"");
    }

    @Test
    void aWrongPasswordIsSaidAsASignInRefusedByDhis2() throws Exception {
        Dhis2Fixtures.connect(settings, dhis2.baseUrl(), "not-the-password", orgUnit, null);

        JsonNode pushed = push(true, 200);

        assertThat(pushed.path("status").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(pushed.path("httpStatus").asInt()).isEqualTo(401);
        String page = mvc.perform(
                        get("/reports/dhis2/pushes/{id}", pushed.path("id").asString())
                                .param("lang", "vi")
                                .with(httpBasic(manager, Staff.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("DHIS2 không chấp nhận tên đăng nhập và mật khẩu");
    }

    @Test
    void aFailingServerAndAPageThatIsNotDhis2sAnswerAreEachSaidAndRecorded() throws Exception {
        dhis2.answer(StubDhis2.Mode.SERVER_ERROR);
        JsonNode failed = push(true, 200);
        dhis2.answer(StubDhis2.Mode.LOGIN_PAGE);
        JsonNode notJson = push(true, 200);

        assertThat(failed.path("status").asString()).isEqualTo("SERVER_ERROR");
        assertThat(failed.path("httpStatus").asInt()).isEqualTo(500);
        assertThat(notJson.path("status").asString()).isEqualTo("NOT_JSON");
        assertThat(notJson.path("httpStatus").asInt()).isEqualTo(200);
        push(false, 422);
    }

    @Test
    void aServerThatCannotBeReachedIsSaidSoAndRecorded() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Dhis2Fixtures.connect(settings, "http://127.0.0.1:" + closed, null, orgUnit, null);

        JsonNode pushed = push(true, 200);

        assertThat(pushed.path("status").asString()).isEqualTo("UNREACHABLE");
        assertThat(pushed.path("httpStatus").isNull()).isTrue();
    }

    @Test
    void everyPushIsListedTheLatestFirstWithWhoPushedWhichMonth() throws Exception {
        push(true, 200);
        JsonNode last = push(true, 200);

        JsonNode list = JSON.readTree(mvc.perform(
                        get("/api/v1/reports/dhis2/pushes").param("size", "2").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));

        assertThat(list.path("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(list.path("items")).hasSize(2);
        assertThat(list.path("items").get(0).path("id").asString())
                .isEqualTo(last.path("id").asString());
        assertThat(list.path("items").get(0).path("month").asString()).isEqualTo(month);
        assertThat(list.path("items").get(0).path("payloadDigest").asString()).hasSize(64);
        String page = mvc.perform(get("/reports/dhis2/pushes").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains(manager)
                .contains(last.path("payloadDigest").asString().substring(0, 12));
    }

    @Test
    void thePageRunsTheDryRunThenOffersTheRealPush() throws Exception {
        String location = mvc.perform(post("/reports/dhis2/push")
                        .param("month", month)
                        .param("dryRun", "true")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/reports/dhis2/pushes/");

        String page = mvc.perform(get(location).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("DHIS2 took every value.").contains("data-testid=\"dhis2-push\"");
        String home = mvc.perform(get("/reports/dhis2").param("month", month).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("data-testid=\"dhis2-push\"");
    }

    @Test
    void theRealPushFromThePageWithoutADryRunDrawsThePageAgainWithWhy() throws Exception {
        String page = mvc.perform(post("/reports/dhis2/push")
                        .param("month", month)
                        .param("dryRun", "false")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().is(422))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Run a dry run of " + month + " first");
    }
}
