package org.openmilkbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.NewDonor;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;

/** A written query's page and total stay right when Spring Data derives its count from the text as written. */
@IntegrationTest
class QueriesAsWrittenTests {

    @Autowired
    DonorManagement donors;

    @Test
    void aSearchedPageCountsEveryMatchNotOnlyThePage() {
        String family = "Queriesaswritten";
        Staff.as("coordinator-1", Role.DONOR_COORDINATOR, () -> {
            for (String given : new String[] {"Anh", "Binh", "Chi"}) {
                donors.register(new NewDonor(given, family, LocalDate.of(1990, 1, 1), null, null));
            }
        });
        AtomicReference<Paged<?>> first = new AtomicReference<>();
        Staff.as(
                "coordinator-1",
                Role.DONOR_COORDINATOR,
                () -> first.set(donors.search(family.toLowerCase(), new PageRequest(1, 2))));

        assertThat(first.get().items()).hasSize(2);
        assertThat(first.get().total()).isEqualTo(3);
        assertThat(first.get().hasNext()).isTrue();
    }
}
