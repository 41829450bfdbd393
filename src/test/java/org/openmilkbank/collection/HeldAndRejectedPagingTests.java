package org.openmilkbank.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Held and rejected containers used to stop at 500 rows without saying so. */
@IntegrationTest
class HeldAndRejectedPagingTests {

    static final int DONATIONS = 11;
    static final int PER_DONATION = 50;

    @Autowired
    CollectionManagement collection;

    @Autowired
    DonorManagement donors;

    @Autowired
    Standards standards;

    @Autowired
    IdentityManagement identity;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Test
    void moreThanFiveHundredHeldContainersAreAllCountedAndReachable() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long before = collection.held(new PageRequest(1, 1)).total();
        AtomicReference<DonorView> unscreened = new AtomicReference<>();
        Staff.asSystem(() -> {
            unscreened.set(DonorFixtures.registeredDonor(donors));
            for (int i = 0; i < DONATIONS; i++) {
                DonorFixtures.receive(collection, unscreened.get().id(), today, volumes());
            }
        });

        Paged<ReceivedContainer> one = collection.held(new PageRequest(1, 1));
        assertThat(one.total()).isEqualTo(before + DONATIONS * PER_DONATION);
        assertThat(one.items()).hasSize(1);
        assertThat(one.hasNext()).isTrue();
        // the rows past the old cut of 500 are on a later page
        long pastTheOldCut = collection.held(new PageRequest(3, 200)).items().size();
        assertThat(pastTheOldCut).isEqualTo(Math.min(200, one.total() - 400));

        String reception = Staff.create(identity, Role.LAB_TECHNICIAN);
        String html = mvc.perform(
                        get("/reception/worklists").param("size", "2").with(httpBasic(reception, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("data-testid=\"held-pager\"").contains("rel=\"next\"");
        assertThat(html).contains("Showing 1–2 of " + String.format("%,d", one.total()));
        assertThat(html).contains("size=2&amp;page=2");
    }

    @Test
    void moreThanFiveHundredRejectedContainersAreAllCounted() {
        LocalDate today = LocalDate.now(clock);
        long before = collection.rejected(today, today, new PageRequest(1, 1)).total();
        int tooOld = standards.activeProfile().rawMaxAgeDays() + 1;
        Staff.asSystem(() -> {
            DonorView donor = DonorFixtures.eligibleDonor(donors, standards, today.minusDays(20));
            for (int i = 0; i < DONATIONS; i++) {
                DonorFixtures.receive(collection, donor.id(), today.minusDays(tooOld), volumes());
            }
        });

        Paged<ReceivedContainer> one = collection.rejected(today, today, new PageRequest(1, 1));
        assertThat(one.total()).isEqualTo(before + DONATIONS * PER_DONATION);
        assertThat(one.items()).hasSize(1);
        // other tests of this shared bank reject milk today too: walk every page and find all of this test's
        long tooOldSeen = 0;
        for (int page = 1; page <= (one.total() + 199) / 200; page++) {
            tooOldSeen += collection.rejected(today, today, new PageRequest(page, 200)).items().stream()
                    .filter(r -> r.rejectReason() == RejectReason.TOO_OLD)
                    .count();
        }
        assertThat(tooOldSeen).isGreaterThanOrEqualTo(DONATIONS * PER_DONATION);
        assertThat(collection.rejected(today, today, new PageRequest(3, 200)).items())
                .hasSize((int) Math.min(200, one.total() - 400));
    }

    private static int[] volumes() {
        return IntStream.range(0, PER_DONATION).map(n -> 100).toArray();
    }
}
