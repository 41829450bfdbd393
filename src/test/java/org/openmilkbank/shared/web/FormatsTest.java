package org.openmilkbank.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.InterviewMode;
import org.openmilkbank.shared.Languages;
import org.openmilkbank.shared.Said;
import org.openmilkbank.traceability.RecallCase;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Numbers, dates and coded values read as the reader's language writes them. */
class FormatsTest {

    private static final Locale VI = Languages.VIETNAMESE;
    private static final Locale LO = Languages.LAO;

    private final Formats fmt =
            new Formats(bundles(), Clock.fixed(Instant.parse("2026-03-04T02:30:00Z"), ZoneId.of("Asia/Ho_Chi_Minh")));

    static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/messages", "i18n/donor", "i18n/traceability");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void numbersAreGroupedAsEachLanguageGroupsThem() {
        assertThat(Formats.number(2400, Locale.ENGLISH)).isEqualTo("2,400");
        assertThat(Formats.number(2400, VI)).isEqualTo("2.400");
        assertThat(Formats.number(2400, LO)).isEqualTo("2.400");
    }

    @Test
    void datesFollowTheOnePatternOfEachLanguage() {
        LocalDate day = LocalDate.of(2026, 3, 4);
        assertThat(fmt.date(day, Locale.ENGLISH)).isEqualTo("2026-03-04");
        assertThat(fmt.date(day, VI)).isEqualTo("04/03/2026");
        assertThat(fmt.date(day, LO)).isEqualTo("04/03/2026");
    }

    @Test
    void aMomentIsShownInTheBanksTimeZone() {
        assertThat(fmt.dateTime(Instant.parse("2026-03-04T02:30:00Z"), VI)).isEqualTo("04/03/2026 09:30");
    }

    @Test
    void aCodedValueIsShownByItsWordsNeverItsJavaName() {
        assertThat(fmt.label(InterviewMode.IN_PERSON, VI)).isNotBlank().isNotEqualTo("IN_PERSON");
        assertThat(fmt.label(RecallCase.Status.OPEN, LO)).isNotBlank().isNotEqualTo("OPEN");
    }

    @Test
    void aStoredIsoDateInAMessageIsShownInTheReadersPattern() {
        Said said = Said.of("donor.worklist.test", "HIV", LocalDate.of(2026, 3, 4));
        assertThat(fmt.said(said, VI)).isEqualTo("HIV lấy mẫu ngày 04/03/2026");
        assertThat(fmt.said(said, Locale.ENGLISH)).isEqualTo("HIV sampled 2026-03-04");
    }

    @Test
    void englishCountsSayOneOrManyWithoutParentheses() {
        assertThat(fmt.said(Said.of("donor.timeline.totals", 1, 500), Locale.ENGLISH))
                .isEqualTo("1 donation, 500 mL given");
        assertThat(fmt.said(Said.of("donor.timeline.totals", 12, 2400), Locale.ENGLISH))
                .isEqualTo("12 donations, 2,400 mL given");
        assertThat(fmt.said(Said.of("donor.timeline.totals", 12, 2400), VI)).isEqualTo("12 lần hiến, đã cho 2.400 mL");
    }

    @Test
    void aStatedLanguageIsOneTheBankSpeaksOrNone() {
        assertThat(Languages.of("Tiếng Việt")).contains(VI);
        assertThat(Languages.of("vi")).contains(VI);
        assertThat(Languages.of("Vietnamese")).contains(VI);
        assertThat(Languages.of("ພາສາລາວ")).contains(LO);
        assertThat(Languages.of("Lao")).contains(LO);
        assertThat(Languages.of("English")).contains(Locale.ENGLISH);
        assertThat(Languages.of("Khmer")).isEmpty();
        assertThat(Languages.of(" ")).isEmpty();
    }

    @Test
    void aCsvCellIsQuotedAndCannotRunAsAFormula() {
        assertThat(Csv.cell("Nguyễn, \"Lan\"")).isEqualTo("\"Nguyễn, \"\"Lan\"\"\"");
        assertThat(Csv.cell("=HYPERLINK(1)")).isEqualTo("\"'=HYPERLINK(1)\"");
        assertThat(Csv.withHeader("a").row("b").text()).startsWith("\uFEFF").isEqualTo("\uFEFF\"a\"\r\n\"b\"\r\n");
    }
}
