package org.openmilkbank.reporting.monthly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.reporting.indicators.IndicatorUnit;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The monthly report's PDF, read back as text: in English, Vietnamese and Lao it names the month, the standard in
 * force and the indicators in that language, and who signed it (or that nobody has yet); a long report runs onto
 * more pages with nothing cut off.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyReportPdfTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    MessageSource messages;

    @Autowired
    Clock clock;

    String manager;
    YearMonth signed;
    YearMonth unsigned;

    @BeforeAll
    void aSignedMonth() {
        manager = Staff.create(context.getBean(IdentityManagement.class), Role.MANAGER);
        signed = YearMonth.now(clock).minusMonths(1);
        unsigned = YearMonth.now(clock).minusMonths(7);
        Staff.as(
                manager,
                Role.MANAGER,
                () -> context.getBean(SignOffs.class).sign(signed, new SignOffForm(Staff.PASSWORD, null)));
    }

    String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    byte[] pdf(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    @ParameterizedTest
    @CsvSource({
        "en, Monthly report, Volume dispensed, Signed by, Not signed yet",
        "vi, Báo cáo tháng, Thể tích đã cấp phát, Ký bởi, Chưa ký duyệt",
        "lo, ລາຍງານປະຈຳເດືອນ, ປະລິມານທີ່ຈ່າຍອອກ, ລົງນາມໂດຍ, ຍັງບໍ່ທັນລົງນາມ"
    })
    void theReportSpeaksTheLanguageAskedFor(
            String lang, String title, String indicator, String signedBy, String notSigned) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        String month =
                lang.equals("en") ? signed.toString() : "%02d/%d".formatted(signed.getMonthValue(), signed.getYear());
        String profile = messages.getMessage(
                "standards.profile."
                        + context.getBean(Standards.class).activeProfile().code() + ".name",
                null,
                locale);
        String text = text(pdf("/reports/monthly/" + signed + ".pdf?lang=" + lang));
        assertThat(text).contains(title + " " + month, profile, indicator, signedBy + " " + manager);
        assertThat(text).doesNotContain(notSigned);
        if (!lang.equals("en")) {
            assertThat(text).doesNotContain("Monthly report", "Volume dispensed", "Signed by");
        }

        String later = text(pdf("/api/v1/reports/monthly/" + unsigned + ".pdf?lang=" + lang));
        assertThat(later).contains(notSigned).doesNotContain(manager);
    }

    @Test
    void withoutALanguageTheReportIsInTheReadersAndAnUnknownOneIsRefused() throws Exception {
        byte[] pdf = mvc.perform(get("/api/v1/reports/monthly/" + signed + ".pdf")
                        .header("Accept-Language", "vi")
                        .cookie(new jakarta.servlet.http.Cookie("omb-lang", "vi"))
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(text(pdf)).contains("Báo cáo tháng");
        mvc.perform(get("/api/v1/reports/monthly/" + signed + ".pdf?lang=fr").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.code").value("reporting.monthly.lang.invalid"));
    }

    @Test
    void aLongReportRunsOntoMorePagesWithEveryIndicatorPrinted() throws Exception {
        MonthlyDashboard dashboard = context.getBean(MonthlyDashboard.class);
        MonthView one = dashboard.month(signed);
        // sixty numbers: as many as a full dictionary with its breakdowns, each with a value of its own
        List<MonthView.Row> rows = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            rows.add(new MonthView.Row(
                    "VOLUME_DISPENSED",
                    i % 3 == 0 ? null : "PART" + i,
                    IndicatorUnit.LITRES,
                    false,
                    BigDecimal.valueOf(1000 + i),
                    BigDecimal.valueOf(1000 + i),
                    null,
                    BigDecimal.valueOf(2000 + i),
                    BigDecimal.valueOf(-1000),
                    null,
                    null,
                    Collections.nCopies(12, BigDecimal.valueOf(i))));
        }
        MonthView many = new MonthView(
                one.month(),
                one.from(),
                one.to(),
                one.soFar(),
                one.lastMonth(),
                one.lastFrom(),
                one.lastTo(),
                one.profile(),
                rows,
                one.trendMonths());
        byte[] pdf = context.getBean(MonthlyReportPdf.class).pdf(many, List.of(), false, Instant.now(), Locale.ENGLISH);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(document);
            for (int i = 1; i <= 60; i++) {
                assertThat(text).contains("1,0%02d".formatted(i)).contains("2,0%02d".formatted(i));
            }
            assertThat(text)
                    .contains("Page 1 of " + document.getNumberOfPages())
                    .contains("Not signed yet");
        }
    }
}
