package org.openmilkbank.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.DeferralCategory;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.NewDeferral;
import org.openmilkbank.logistics.BoxArrival;
import org.openmilkbank.logistics.BoxView;
import org.openmilkbank.logistics.CollectionPointKind;
import org.openmilkbank.logistics.CollectionPointView;
import org.openmilkbank.logistics.IndicatorState;
import org.openmilkbank.logistics.LogisticsManagement;
import org.openmilkbank.logistics.NewCollectionPoint;
import org.openmilkbank.logistics.PickupRunView;
import org.openmilkbank.logistics.StopOutcome;
import org.openmilkbank.logistics.TransportMode;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What happened is stored as a key and its arguments, and read in whichever language the reader reads. */
@IntegrationTest
class HistoryAsDataTests {

    static final Locale VI = Locale.forLanguageTag("vi");
    static final Locale LO = Locale.forLanguageTag("lo");

    @Autowired
    DonorManagement donors;

    @Autowired
    LogisticsManagement logistics;

    @Autowired
    History history;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @AfterEach
    void englishAgain() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aDeferralIsReadInVietnameseAndLaoFromTheSameRow() {
        AtomicReference<DonorView> donor = new AtomicReference<>();
        Staff.as("coordinator-h", Role.DONOR_COORDINATOR, () -> {
            donor.set(DonorFixtures.registeredDonor(donors));
            donors.defer(
                    donor.get().id(),
                    new NewDeferral(
                            DeferralCategory.TATTOO_PIERCING,
                            false,
                            LocalDate.now(clock),
                            LocalDate.now(clock).plusDays(30),
                            false,
                            "new tattoo"));
        });

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(last(donor.get().id()).action()).isEqualTo("Deferred");
        assertThat(last(donor.get().id()).detail()).startsWith("Tattoo or piercing, from ");
        LocaleContextHolder.setLocale(VI);
        assertThat(last(donor.get().id()).action()).isEqualTo("Đã tạm hoãn");
        assertThat(last(donor.get().id()).detail())
                .startsWith(messages.getMessage("donor.category.TATTOO_PIERCING", null, VI));
        LocaleContextHolder.setLocale(LO);
        assertThat(last(donor.get().id()).action()).isEqualTo("ເລື່ອນແລ້ວ");
        assertThat(last(donor.get().id()).detail()).contains("ຈາກ").endsWith(": new tattoo");
    }

    @Test
    void noFlowStoresWordsAnyMore() {
        Instant start = Instant.now(clock);
        String code = "BOX-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        AtomicReference<BoxView> box = new AtomicReference<>();
        Staff.as("coordinator-h", Role.DONOR_COORDINATOR, () -> {
            DonorView donor = DonorFixtures.registeredDonor(donors);
            donors.defer(donor.id(), new NewDeferral(DeferralCategory.ILLNESS, null, null, null, null, "fever"));
            CollectionPointView point = logistics.createPoint(
                    new NewCollectionPoint("Point " + UUID.randomUUID(), CollectionPointKind.CLINIC, "1 Main St"));
            logistics.correctPoint(
                    point.id(),
                    new NewCollectionPoint(point.name(), CollectionPointKind.HOSPITAL, null),
                    "it is a hospital");
            PickupRunView run = logistics.planRun(LocalDate.now(clock), "Minh");
            logistics.addDonorStop(run.id(), donor.code());
            run = logistics.addBox(run.id(), code, TransportMode.FROZEN);
            logistics.startRun(run.id());
            box.set(logistics.departBox(run.boxes().get(0).id(), null, new BigDecimal("-21.5")));
            logistics.recordStop(run.id(), run.stops().get(0).id(), StopOutcome.COLLECTED, 3, "at the gate");
            logistics.returnRun(run.id());
        });
        Staff.as(
                "technician-h",
                Role.LAB_TECHNICIAN,
                () -> logistics.arrive(
                        code, new BoxArrival(new BigDecimal("-5"), IndicatorState.TRIGGERED, false, null)));

        assertThat(jdbc.sql("select count(*) from history_entry where detail is not null and at >= :start")
                        .param("start", java.sql.Timestamp.from(start))
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from history_entry where args is null and at >= :start")
                        .param("start", java.sql.Timestamp.from(start))
                        .query(Integer.class)
                        .single())
                .isZero();
        LocaleContextHolder.setLocale(VI);
        List<History.HistoryEntry> read =
                history.of(LogisticsManagement.BOX, box.get().id());
        assertThat(read)
                .extracting(History.HistoryEntry::action)
                .containsExactly("Đã mang theo chuyến", "Đã khởi hành", "Đã đến: chuỗi lạnh BỊ PHÁ VỠ");
        // every reason the cold chain broke, in her language too
        assertThat(read.get(2).detail())
                .contains(messages.getMessage("logistics.coldChain.indicatorTriggered", null, VI))
                .contains(messages.getMessage("logistics.coldChain.sealBroken", null, VI));
    }

    @Test
    void aDiscardReasonKeptAsCodesReadsInTheReadersLanguage() {
        List<Said> reasons = Said.listFromJson(
                Said.toJson(List.of(Said.of("processing.discard.pre-culture.total", 200_000L, 100_000L))));
        LocaleContextHolder.setLocale(VI);
        assertThat(Said.render(reasons, messages)).contains("200000").contains("vượt giới hạn");
        LocaleContextHolder.setLocale(LO);
        assertThat(Said.render(reasons, messages)).contains("200000").contains("ເກີນຂີດຈຳກັດ");
    }

    private History.HistoryEntry last(UUID donorId) {
        List<History.HistoryEntry> entries = history.of(DonorManagement.RECORD_TYPE, donorId);
        return entries.get(entries.size() - 1);
    }
}
