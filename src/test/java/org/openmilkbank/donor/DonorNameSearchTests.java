package org.openmilkbank.donor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.dispensing.NewInfant;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Staff type names without their accents and in any case; the search still finds the person, on an index. */
@IntegrationTest
class DonorNameSearchTests {

    @Autowired
    DonorManagement donors;

    @Autowired
    DispensingManagement dispensing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Test
    void findsADonorTypedWithoutAccentsInAnyCaseAndEitherOrder() {
        DonorView thu = donors.register(new NewDonor("Thị Thu", "Nguyễn", LocalDate.of(1993, 5, 2), null, null));
        DonorView hang = donors.register(new NewDonor("Thị Hằng", "Đặng", LocalDate.of(1991, 8, 9), null, null));

        assertThat(found("nguyen")).contains(thu.id());
        assertThat(found("NGUYEN")).contains(thu.id());
        assertThat(found("thi thu")).contains(thu.id()).doesNotContain(hang.id());
        assertThat(found("nguyen thi thu")).contains(thu.id());
        assertThat(found("Thu Nguyen")).contains(thu.id());
        assertThat(found("dang")).contains(hang.id()).doesNotContain(thu.id());
        assertThat(found("ĐẶNG THỊ HẰNG")).contains(hang.id());
        assertThat(found("dang thi hang")).contains(hang.id());
    }

    @Test
    void findsAnInfantTypedWithoutAccents() {
        InfantView[] registered = new InfantView[1];
        Staff.as(
                "nurse-name-search",
                Role.NURSE,
                () -> registered[0] = dispensing.registerInfant(new NewInfant(
                        "HN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                        "Đặng",
                        "Bảo Ngọc",
                        LocalDate.now(clock).minusDays(2),
                        32,
                        1,
                        1600,
                        "NICU",
                        null,
                        null)));
        InfantView infant = registered[0];

        assertThat(dispensing.search("dang bao ngoc"))
                .extracting(InfantView::id)
                .contains(infant.id());
        assertThat(dispensing.search("BAO NGOC")).extracting(InfantView::id).contains(infant.id());
    }

    @Test
    void theNameSearchCanUseItsIndex() {
        List<String> plan = transactions.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain select id from donor where name_key like name_search_key('%nguyen thi%')")
                    .query(String.class)
                    .list();
        });
        assertThat(String.join("\n", plan)).contains("donor_name_key_trgm_idx");
    }

    /** Every donor the search finds, across its pages. */
    private List<UUID> found(String query) {
        List<UUID> ids = new ArrayList<>();
        Paged<DonorView> page;
        int n = 1;
        do {
            page = donors.search(query, new PageRequest(n++, PageRequest.MAX_SIZE));
            page.items().forEach(d -> ids.add(d.id()));
        } while (page.hasNext() && n < 100);
        return ids;
    }
}
