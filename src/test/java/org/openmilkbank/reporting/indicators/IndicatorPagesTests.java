package org.openmilkbank.reporting.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.web.Csv;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The indicator pages, exports and API a manager reads. */
@IntegrationTest
class IndicatorPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    ApplicationContext context;

    @Autowired
    IndicatorSource indicators;

    @Autowired
    Clock clock;

    String manager;
    LocalDate today;

    @BeforeEach
    void setUp() {
        manager = Staff.create(identity, Role.MANAGER);
        today = LocalDate.now(clock);
    }

    @Test
    void theTableShowsEveryIndicatorWithEachNumberLinkedToTheUnitsBehindIt() throws Exception {
        String html = mvc.perform(get("/reports/indicators")
                        .param("from", today.minusDays(7).toString())
                        .param("to", today.toString())
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Volume received", "Days of supply", "Near misses", "Outpatients", "28 to 31 weeks");
        for (IndicatorDefinition d : indicators.dictionary()) {
            assertThat(html).contains("/reports/indicators/" + d.code() + "?from=" + today.minusDays(7));
            for (String b : d.breakdowns()) {
                assertThat(html).contains("/reports/indicators/" + d.code() + "?breakdown=" + b + "&amp;from=");
            }
        }
    }

    @Test
    void withNoPeriodTheTableIsOfTheLastWholeMonth() throws Exception {
        var last = java.time.YearMonth.from(today).minusMonths(1);
        String html = mvc.perform(get("/reports/indicators").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("From " + last.atDay(1) + " to " + last.atEndOfMonth());
    }

    @Test
    void anUnreadableDayRedrawsThePageWithTheErrorBesideIt() throws Exception {
        String html = mvc.perform(get("/reports/indicators")
                        .param("from", "2026-02-31")
                        .param("to", "2026-03-01")
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Type a day as yyyy-MM-dd.", "value=\"2026-02-31\"", "is-invalid");
        String lao = mvc.perform(get("/reports/indicators")
                        .param("from", "2026-03-10")
                        .param("to", "2026-03-01")
                        .param("lang", "lo")
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(lao).contains("ມື້ສິ້ນສຸດຂອງໄລຍະຢູ່ກ່ອນມື້ເລີ່ມຕົ້ນ.");
    }

    @Test
    void aNumberOpensTheUnitsBehindItPagedWithLinksToTheirPages() throws Exception {
        DispensingFixtures fixtures = new DispensingFixtures(context);
        var donor = fixtures.eligibleDonor();
        var batch = fixtures.released(fixtures.containers(2, donor), 2);
        var infant = fixtures.infantWithConsent();
        fixtures.dispense(infant, batch.bottles().get(0));
        String din = batch.bottles().get(0).din();

        String html = mvc.perform(get("/reports/indicators/VOLUME_DISPENSED")
                        .param("breakdown", "NICU")
                        .param("from", today.minusDays(1).toString())
                        .param("to", today.toString())
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("href=\"/bottles/" + din + "\"", "100 mL", "data-testid=\"pager\"");

        mvc.perform(get("/reports/indicators/NO_SUCH_THING").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/reports/indicators/VOLUME_DISPENSED")
                        .param("breakdown", "GA_LT_28")
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isNotFound());

        byte[] csv = mvc.perform(get("/reports/indicators/VOLUME_DISPENSED/units.csv")
                        .param("from", today.minusDays(1).toString())
                        .param("to", today.toString())
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8))
                .startsWith(Csv.BOM + "\"Kind\",\"Unit\",\"Day\",\"Adds\"")
                .contains("\"Bottle\",\""
                        + org.openmilkbank.shared.Din.parse(din).withCheck() + "\",\"" + today + "\",\"100\"");
    }

    @Test
    void theCsvIsUtf8WithItsMarkAndTheReadersWords() throws Exception {
        byte[] body = mvc.perform(get("/reports/indicators.csv")
                        .param("month", java.time.YearMonth.from(today).toString())
                        .param("lang", "vi")
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(body[0]).isEqualTo((byte) 0xEF);
        assertThat(body[1]).isEqualTo((byte) 0xBB);
        assertThat(body[2]).isEqualTo((byte) 0xBF);
        String csv = new String(body, StandardCharsets.UTF_8);
        assertThat(csv).startsWith(Csv.BOM + "\"Mã\",\"Chỉ số\",\"Phân nhóm\",\"Giá trị\"");
        assertThat(csv).contains("\"VOLUME_DISPENSED\",\"Thể tích đã cấp phát\",\"Tổng\"");
        assertThat(csv).contains("\"VOLUME_DISPENSED\",\"Thể tích đã cấp phát\",\"Ngoại trú\"");
        assertThat(csv).contains("\"" + java.time.YearMonth.from(today).atDay(1) + "\"");
        assertThat(csv.lines().count())
                .isEqualTo(1
                        + indicators.dictionary().stream()
                                .mapToLong(d -> 1 + d.breakdowns().size())
                                .sum());
    }

    @Test
    void theXlsxHasOneSheetAHeaderRowNumericCellsAndIsoDates() throws Exception {
        LocalDate from = today.minusDays(30);
        byte[] body = mvc.perform(get("/reports/indicators.xlsx")
                        .param("from", from.toString())
                        .param("to", today.toString())
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        IndicatorTable table = indicators.compute(from, today);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = book.getSheetAt(0);
            Row head = sheet.getRow(0);
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo("Code");
            assertThat(head.getCell(3).getStringCellValue()).isEqualTo("Value");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("VOLUME_RECEIVED");
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("Volume received");
            assertThat(first.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(3).getNumericCellValue())
                    .isEqualTo(table.total("VOLUME_RECEIVED").doubleValue());
            assertThat(first.getCell(7).getStringCellValue()).isEqualTo(from.toString());
            assertThat(first.getCell(8).getStringCellValue()).isEqualTo(today.toString());
            assertThat(sheet.getLastRowNum()).isEqualTo(table.values().size());
        }
    }

    @Test
    void theDictionaryPageAndApiGiveEveryDefinition() throws Exception {
        String html = mvc.perform(get("/reports/dictionary").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        for (IndicatorDefinition d : indicators.dictionary()) {
            assertThat(html).contains("id=\"" + d.code() + "\"");
        }
        mvc.perform(get("/api/v1/reports/dictionary").param("lang", "vi").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(indicators.dictionary().size()))
                .andExpect(jsonPath("$[?(@.code == 'VOLUME_DISPENSED')].name").value("Thể tích đã cấp phát"))
                .andExpect(jsonPath("$[?(@.code == 'VOLUME_DISPENSED')].breakdowns[0]")
                        .value("NICU"))
                .andExpect(jsonPath("$[?(@.code == 'DAYS_OF_SUPPLY')].ratio").value(true));
    }

    @Test
    void theApiGivesATableAndTheUnitsAndRefusesABadPeriodWith422() throws Exception {
        mvc.perform(get("/api/v1/reports/indicators")
                        .param("from", today.minusDays(3).toString())
                        .param("to", today.toString())
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(today.minusDays(3).toString()))
                .andExpect(jsonPath("$.values[?(@.code == 'VOLUME_DISPENSED' && @.breakdown == 'NICU')]")
                        .isNotEmpty());
        mvc.perform(get("/api/v1/reports/indicators/DISCARDED_VOLUME/units")
                        .param("breakdown", "EXPIRY")
                        .param("from", today.minusDays(3).toString())
                        .param("to", today.toString())
                        .param("size", "5")
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(5))
                .andExpect(jsonPath("$.total").isNumber());
        mvc.perform(get("/api/v1/reports/indicators")
                        .param("from", "yesterday")
                        .param("to", today.toString())
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Type a day as yyyy-MM-dd."));
        mvc.perform(get("/api/v1/reports/indicators/NOPE/units").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isNotFound());
    }
}
