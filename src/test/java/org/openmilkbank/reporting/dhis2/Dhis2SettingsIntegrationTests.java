package org.openmilkbank.reporting.dhis2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DHIS2 settings through the API and the pages: the password is kept sealed and never shown, a mapping names
 * an indicator of the dictionary and DHIS2 UIDs, rows are amended and voided with a reason and keep their history,
 * and a month's exports are the mapped values in DHIS2's formats.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Dhis2SettingsIntegrationTests {

    static final String PASSWORD = "Secret-district-2026";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    Dhis2Settings settings;

    @Autowired
    IdentityManagement identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    String admin;
    String manager;
    String month;

    @BeforeAll
    void staff() {
        admin = Staff.create(identity, Role.ADMIN);
        manager = Staff.create(identity, Role.MANAGER);
    }

    @BeforeEach
    void connected() {
        Dhis2Fixtures.connect(settings, "https://dhis2.example.org/", PASSWORD, "DiszpKrYNg8", "BfMAe6Itzgt");
        Dhis2Fixtures.mapVolumeDispensed(settings, "cYeuwXTCPkU");
        month = YearMonth.now(clock).minusMonths(1).toString();
    }

    String body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void thePasswordIsStoredSealedAndNeverShownOnlySaidToBeSet() throws Exception {
        String sealed = jdbc.sql("select password_cipher from reporting_dhis2_connection")
                .query(String.class)
                .single();
        assertThat(sealed).startsWith("v1:").doesNotContain(PASSWORD);
        assertThat(settings.password()).isEqualTo(PASSWORD);

        String api = body(mvc.perform(get("/api/v1/reports/dhis2/connection").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk()));
        JsonNode connection = JSON.readTree(api);
        assertThat(connection.path("passwordSet").asBoolean()).isTrue();
        assertThat(connection.path("baseUrl").asString()).isEqualTo("https://dhis2.example.org");
        assertThat(api).doesNotContain(PASSWORD).doesNotContain(sealed.substring(3, 20));

        String page = body(mvc.perform(get("/reports/dhis2").with(httpBasic(admin, Staff.PASSWORD)))
                .andExpect(status().isOk()));
        assertThat(page)
                .contains("Set (stored encrypted)")
                .doesNotContain(PASSWORD)
                .doesNotContain(sealed.substring(3, 20));
    }

    @Test
    void aBlankPasswordKeepsTheStoredOneAndAnAmendmentNeedsAReason() throws Exception {
        String noReason = body(mvc.perform(put("/api/v1/reports/dhis2/connection")
                        .with(httpBasic(admin, Staff.PASSWORD))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"baseUrl":"https://dhis2.example.org","username":"bank-reporter",
                                 "orgUnit":"DiszpKrYNg8"}"""))
                .andExpect(status().is(422)));
        assertThat(noReason).contains("Say why.");

        mvc.perform(put("/api/v1/reports/dhis2/connection")
                        .with(httpBasic(admin, Staff.PASSWORD))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"baseUrl":"https://dhis2.example.org","username":"bank-reporter",
                                 "orgUnit":"ImspTQPwCqd","reason":"the ministry moved the bank"}"""))
                .andExpect(status().isOk());

        assertThat(settings.password()).isEqualTo(PASSWORD);
        assertThat(settings.connection().orElseThrow().orgUnit()).isEqualTo("ImspTQPwCqd");
        assertThat(settings.connectionHistory())
                .anySatisfy(h -> assertThat(h.reason()).isEqualTo("the ministry moved the bank"));
    }

    @Test
    void aManagerMayNotChangeTheConnection() throws Exception {
        mvc.perform(post("/reports/dhis2/connection")
                        .param("baseUrl", "https://evil.example.org")
                        .param("username", "x")
                        .param("orgUnit", "DiszpKrYNg8")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(settings.connection().orElseThrow().baseUrl()).isEqualTo("https://dhis2.example.org");
    }

    @Test
    void anUnknownIndicatorIsRefusedInTheReadersLanguage() throws Exception {
        String problem = body(mvc.perform(post("/api/v1/reports/dhis2/mappings")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf())
                        .header("Accept-Language", "vi")
                        .param("lang", "vi")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"indicatorCode":"LITRES_OF_GOLD","dataElement":"fbfJHSPpUQD"}"""))
                .andExpect(status().is(422)));
        assertThat(problem).contains("Từ điển dữ liệu không có chỉ số LITRES_OF_GOLD.");
    }

    @Test
    void anUnknownBreakdownABadUidAndASecondRowForTheSameNumberAreRefused() throws Exception {
        String breakdown = body(mvc.perform(post("/api/v1/reports/dhis2/mappings")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"indicatorCode":"VOLUME_DISPENSED","breakdown":"MARS","dataElement":"fbfJHSPpUQD"}"""))
                .andExpect(status().is(422)));
        assertThat(breakdown).contains("This indicator has no breakdown MARS.");

        String duplicate = body(mvc.perform(post("/api/v1/reports/dhis2/mappings")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"indicatorCode":"VOLUME_DISPENSED","dataElement":"fbfJHSPpUQD"}"""))
                .andExpect(status().is(422)));
        assertThat(duplicate).contains("This number is mapped already");

        String page = body(mvc.perform(post("/reports/dhis2/mappings")
                        .param("indicatorCode", "VOLUME_DISPENSED")
                        .param("breakdown", "")
                        .param("dataElement", "12345")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().is(422)));
        assertThat(page)
                .contains("data-testid=\"error-dataElement\"")
                .contains("“12345” is not a DHIS2 UID")
                .contains("value=\"12345\"");
    }

    @Test
    void aRowIsAmendedAndVoidedWithAReasonAndStaysListedWithItsHistory() throws Exception {
        Dhis2Mapping row = Dhis2Fixtures.mapVolumeDispensed(settings, "cYeuwXTCPkU");

        String noReason = body(mvc.perform(post("/reports/dhis2/mappings/{id}/void", row.id())
                        .param("reason", " ")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().is(422)));
        assertThat(noReason).contains("data-testid=\"error-reason\"");
        assertThat(settings.mapping(row.id()).inForce()).isTrue();

        mvc.perform(post("/reports/dhis2/mappings/{id}/amendment", row.id())
                        .param("dataElement", "fbfJHSPpUQD")
                        .param("reason", "the ministry renamed the data element")
                        .param("version", String.valueOf(row.version()))
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/reports/dhis2/mappings/{id}/void", row.id())
                        .param("reason", "no longer reported nationally")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        Dhis2Mapping voided = settings.mapping(row.id());
        assertThat(voided.inForce()).isFalse();
        assertThat(voided.voidReason()).isEqualTo("no longer reported nationally");
        assertThat(voided.dataElement()).isEqualTo("fbfJHSPpUQD");
        assertThat(settings.inForce()).noneMatch(m -> m.id().equals(row.id()));
        String page =
                body(mvc.perform(get("/reports/dhis2/mappings/{id}", row.id()).with(httpBasic(manager, Staff.PASSWORD)))
                        .andExpect(status().isOk()));
        assertThat(page)
                .contains("the ministry renamed the data element")
                .contains("no longer reported nationally")
                .contains("Data element cYeuwXTCPkU became fbfJHSPpUQD")
                .doesNotContain("data-testid=\"dhis2-void-form\"");
        String list = body(mvc.perform(get("/api/v1/reports/dhis2/mappings")
                        .param("size", "200")
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk()));
        assertThat(list).contains(row.id().toString());
    }

    @Test
    void theMonthsDataValueSetAndAdxAreDownloadedInDhis2sFormats() throws Exception {
        var json = mvc.perform(get("/api/v1/reports/dhis2/{m}/dataValueSets.json", month)
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/json")))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")));
        JsonNode set = JSON.readTree(body(json));
        assertThat(set.path("period").asString()).isEqualTo(month.replace("-", ""));
        assertThat(set.path("dataSet").asString()).isEqualTo("BfMAe6Itzgt");
        assertThat(set.path("dataValues").get(0).path("dataElement").asString()).isEqualTo("cYeuwXTCPkU");

        String adx = body(mvc.perform(
                        get("/api/v1/reports/dhis2/{m}/adx.xml", month).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/adx+xml"))));
        assertThat(adx)
                .contains("xmlns=\"urn:ihe:qrph:adx:2015\"")
                .contains("period=\"" + month + "-01/P1M\"")
                .contains("dataElement=\"cYeuwXTCPkU\"");
    }

    @Test
    void aMonthThatIsNotOneOrHasNotComeYetIsRefused() throws Exception {
        String future = YearMonth.now(clock).plusMonths(1).toString();
        assertThat(body(mvc.perform(get("/api/v1/reports/dhis2/{m}/dataValueSets.json", future)
                                .with(httpBasic(manager, Staff.PASSWORD)))
                        .andExpect(status().is(422))))
                .contains("has not come yet");
        assertThat(body(mvc.perform(get("/api/v1/reports/dhis2/{m}/adx.xml", "2026-13")
                                .with(httpBasic(manager, Staff.PASSWORD)))
                        .andExpect(status().is(422))))
                .contains("is not a month");
        String page =
                body(mvc.perform(get("/reports/dhis2").param("month", "soon").with(httpBasic(manager, Staff.PASSWORD)))
                        .andExpect(status().isOk()));
        assertThat(page).contains("data-testid=\"dhis2-month-error\"");
    }

    @Test
    void thePageShowsTheMonthsValuesAndDownloads() throws Exception {
        String page =
                body(mvc.perform(get("/reports/dhis2").param("month", month).with(httpBasic(manager, Staff.PASSWORD)))
                        .andExpect(status().isOk()));
        assertThat(page)
                .contains("data-testid=\"dhis2-value-cYeuwXTCPkU\"")
                .contains("/api/v1/reports/dhis2/" + month + "/dataValueSets.json")
                .contains("/api/v1/reports/dhis2/" + month + "/adx.xml")
                .contains("data-testid=\"dhis2-dry-run\"")
                .doesNotContain("data-testid=\"dhis2-connection-form\"");
    }

    @Test
    void theMappingDownloadsAsACsvInTheReadersLanguageWithTheMarkExcelNeeds() throws Exception {
        byte[] csv = mvc.perform(
                        get("/reports/dhis2/mappings.csv").param("lang", "vi").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);

        assertThat(text).startsWith("\uFEFF\"Mã chỉ số\",\"Chỉ số\"");
        assertThat(text).contains("\"VOLUME_DISPENSED\",\"Thể tích đã cấp phát\",\"\",\"tổng\",\"cYeuwXTCPkU\"");
        assertThat(text).contains("\"Đang áp dụng\"").contains("\r\n");
    }
}
