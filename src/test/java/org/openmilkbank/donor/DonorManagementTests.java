package org.openmilkbank.donor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DonorManagementTests {

    @Autowired
    DonorManagement donors;

    @Autowired
    Standards standards;

    @Autowired
    History history;

    @Autowired
    Clock clock;

    @Test
    void registersWithACodeFromTheSequence() {
        DonorView donor = as(() -> donors.register(
                new NewDonor(" Lan ", "Tran", LocalDate.of(1992, 5, 1), "+84 912 345 678", " 12 Hang Bai ")));
        assertThat(donor.code()).matches("D\\d{5}");
        assertThat(donor.givenName()).isEqualTo("Lan");
        assertThat(donor.address()).isEqualTo("12 Hang Bai");
        assertThat(donor.registeredBy()).isEqualTo("coordinator-1");
        assertThat(donors.findByCode(donor.code().toLowerCase())).contains(donor);
        assertThat(history.of(DonorManagement.RECORD_TYPE, donor.id()))
                .extracting(History.HistoryEntry::action)
                .containsExactly("Registered");
    }

    @Test
    void refusesImpossibleDetails() {
        LocalDate today = LocalDate.now(clock);
        assertRefused(() -> donors.register(new NewDonor(" ", "Tran", null, null, null)), "donor.givenName.required");
        assertRefused(
                () -> donors.register(new NewDonor("Lan", "Tran", today.plusDays(1), null, null)),
                "donor.birthDate.inFuture");
        assertRefused(
                () -> donors.register(new NewDonor("Lan", "Tran", today.minusYears(3), null, null)),
                "donor.birthDate.implausible");
        assertRefused(() -> donors.register(new NewDonor("Lan", "Tran", null, "call me", null)), "donor.phone.invalid");
    }

    @Test
    void refusesDatesBefore1900AsMistypedYears() {
        assertRefused(
                () -> donors.register(new NewDonor("Lan", "Tran", LocalDate.of(1899, 5, 1), null, null)),
                "donor.date.implausible");
        DonorView donor = as(() -> DonorFixtures.registeredDonor(donors));
        assertRefused(
                () -> donors.recordSerology(
                        donor.id(),
                        "HIV",
                        LocalDate.of(1850, 1, 1),
                        org.openmilkbank.donor.SerologyOutcome.NEGATIVE,
                        null),
                "donor.date.implausible");
        assertThat(donors.serology(donor.id())).isEmpty();
    }

    @Test
    void aCorrectionKeepsBeforeAndAfterWithItsReason() {
        DonorView donor = as(() -> DonorFixtures.registeredDonor(donors));
        assertRefused(
                () -> donors.correct(
                        donor.id(),
                        new NewDonor(donor.givenName(), "Pham", donor.birthDate(), donor.phone(), null),
                        " "),
                "history.reason.required");
        DonorView corrected = as(() -> donors.correct(
                donor.id(),
                new NewDonor(donor.givenName(), "Pham", donor.birthDate(), donor.phone(), null),
                "family name misspelt at registration"));
        assertThat(corrected.familyName()).isEqualTo("Pham");
        assertThat(corrected.code()).isEqualTo(donor.code());
        var entries = history.of(DonorManagement.RECORD_TYPE, donor.id());
        History.HistoryEntry last = entries.get(entries.size() - 1);
        assertThat(last.detail()).isEqualTo("family name: Nguyen → Pham");
        assertThat(last.reason()).isEqualTo("family name misspelt at registration");
    }

    @Test
    void searchFindsByCodeOrNameIgnoringCase() {
        DonorView donor = as(() -> donors.register(new NewDonor("Bounmy", "Sisouphanh", null, null, null)));
        assertThat(donors.search("sisouPHANH")).contains(donor);
        assertThat(donors.search("bounmy sis")).contains(donor);
        assertThat(donors.search(donor.code().toLowerCase())).containsExactly(donor);
        assertThat(donors.search("%")).doesNotContain(donor);
        assertThat(donors.search(" ")).first().isEqualTo(donor);
    }

    @Test
    void serologyMustBeAPanelTestSampledInThePast() {
        DonorView donor = as(() -> DonorFixtures.registeredDonor(donors));
        LocalDate today = LocalDate.now(clock);
        assertRefused(
                () -> donors.recordSerology(donor.id(), "CMV", today, SerologyOutcome.NEGATIVE, null),
                "donor.serology.testNotInPanel");
        assertRefused(
                () -> donors.recordSerology(donor.id(), "HIV", today.plusDays(1), SerologyOutcome.NEGATIVE, null),
                "donor.serology.sampleDateInFuture");
        SerologyView hiv = as(() -> donors.recordSerology(donor.id(), " hiv ", today, SerologyOutcome.NEGATIVE, "L-1"));
        assertThat(hiv.test()).isEqualTo("HIV");
        assertThat(donors.serology(donor.id())).containsExactly(hiv);
    }

    @Test
    void eligibilityFollowsRecordedAndVoidedResults() {
        LocalDate today = LocalDate.now(clock);
        DonorView donor = as(() -> DonorFixtures.eligibleDonor(donors, standards, today.minusDays(1)));
        assertThat(donors.eligibilityOn(donor.id(), today).eligible()).isTrue();

        SerologyView positive =
                as(() -> donors.recordSerology(donor.id(), "HCV", today, SerologyOutcome.POSITIVE, "L-9"));
        Eligibility refused = donors.eligibilityOn(donor.id(), today);
        assertThat(refused.reasons()).containsExactly(EligibilityReason.of(EligibilityReason.POSITIVE, "HCV"));

        assertRefused(
                () -> {
                    donors.voidSerology(positive.id(), "");
                    return null;
                },
                "history.reason.required");
        as(() -> {
            donors.voidSerology(positive.id(), "result belonged to another patient");
            return null;
        });
        assertThat(donors.eligibilityOn(donor.id(), today).eligible()).isTrue();
        assertRefused(
                () -> {
                    donors.voidSerology(positive.id(), "again");
                    return null;
                },
                "donor.serology.alreadyVoided");
    }

    @Test
    void recordDonationKeepsTheEarliestDate() {
        DonorView donor = as(() -> DonorFixtures.registeredDonor(donors));
        LocalDate today = LocalDate.now(clock);
        as(() -> {
            donors.recordDonation(donor.id(), today.minusDays(2));
            donors.recordDonation(donor.id(), today);
            donors.recordDonation(donor.id(), today.minusDays(4));
            return null;
        });
        assertThat(donors.find(donor.id()).orElseThrow().firstDonationOn()).isEqualTo(today.minusDays(4));
    }

    private void assertRefused(Supplier<?> action, String code) {
        assertThatThrownBy(() -> as(action))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo(code));
    }

    private static <T> T as(Supplier<T> action) {
        AtomicReference<T> result = new AtomicReference<>();
        Staff.as("coordinator-1", org.openmilkbank.shared.Role.DONOR_COORDINATOR, () -> result.set(action.get()));
        return result.get();
    }
}
