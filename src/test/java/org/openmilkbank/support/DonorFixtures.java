package org.openmilkbank.support;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.ContainerIntake;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.InterviewMode;
import org.openmilkbank.donor.NewDonor;
import org.openmilkbank.donor.NewScreening;
import org.openmilkbank.donor.QuestionView;
import org.openmilkbank.donor.ScreeningView;
import org.openmilkbank.donor.SerologyOutcome;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;

/**
 * Donors and donations reached through the real donor and collection APIs. Call inside
 * {@link Staff#as} or {@link Staff#asSystem} so that history names who acted.
 */
public final class DonorFixtures {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /**
     * Fixtures record the milk's steps after the fact, each before the next (received, pooled, pasteurised), so that
     * every time passes the gate's "times that can be true": received four hours ago, pooled three hours ago.
     */
    public static final java.util.function.UnaryOperator<java.time.Instant> RECEIVED_AGO =
            now -> now.minus(java.time.Duration.ofHours(4));

    public static final java.util.function.UnaryOperator<java.time.Instant> POOLED_AGO =
            now -> now.minus(java.time.Duration.ofHours(3));

    private DonorFixtures() {}

    /** A newly registered donor with no serology yet (not eligible). */
    public static DonorView registeredDonor(DonorManagement donors) {
        int n = COUNTER.incrementAndGet();
        return donors.register(new NewDonor("Mai " + n, "Nguyen", LocalDate.of(1994, 3, 12), "+84 90 000 " + n, null));
    }

    /**
     * A donor screened and approved on {@code sampleDate} (by as many staff as the profile asks) with a negative
     * result for every test of the active serology panel, sampled that day.
     */
    public static DonorView eligibleDonor(DonorManagement donors, Standards standards, LocalDate sampleDate) {
        DonorView donor = registeredDonor(donors);
        completeScreening(donors, donor.id(), sampleDate);
        recordNegativePanel(donors, standards, donor.id(), sampleDate);
        return donor;
    }

    /** Answers the current questionnaire without a deferring answer and approves it. */
    public static ScreeningView completeScreening(DonorManagement donors, UUID donorId, LocalDate interviewedOn) {
        ScreeningView screening = donors.recordScreening(donorId, harmlessInterview(donors, interviewedOn));
        Staff.as(
                ScreeningApprovers.FIRST,
                Role.DONOR_COORDINATOR,
                () -> donors.approveScreening(screening.id(), Staff.PASSWORD));
        if (screening.approvalsRequired() > 1) {
            Staff.as(
                    ScreeningApprovers.SECOND,
                    Role.MANAGER,
                    () -> donors.approveScreening(screening.id(), Staff.PASSWORD));
        }
        return screening;
    }

    /** An in-person interview on that day answering every current question without deferring. */
    public static NewScreening harmlessInterview(DonorManagement donors, LocalDate interviewedOn) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (QuestionView q : donors.currentQuestionnaire().questions()) {
            answers.put(q.code(), q.harmlessAnswer());
        }
        return new NewScreening(interviewedOn, InterviewMode.IN_PERSON, answers);
    }

    public static void recordNegativePanel(
            DonorManagement donors, Standards standards, UUID donorId, LocalDate sampleDate) {
        for (String test : standards.activeProfile().serologyPanel()) {
            donors.recordSerology(donorId, test, sampleDate, SerologyOutcome.NEGATIVE, "LAB-" + test);
        }
    }

    /** Receives one container per volume, all expressed on the same day. */
    public static DonationView receive(
            CollectionManagement collection, UUID donorId, LocalDate expressedOn, int... volumesMl) {
        return receive(collection, donorId, expressedOn, RECEIVED_AGO.apply(java.time.Instant.now()), volumesMl);
    }

    /** As {@link #receive(CollectionManagement, UUID, LocalDate, int...)}, received at {@code receivedAt}. */
    public static DonationView receive(
            CollectionManagement collection,
            UUID donorId,
            LocalDate expressedOn,
            java.time.Instant receivedAt,
            int... volumesMl) {
        return collection.receive(
                donorId,
                null,
                Arrays.stream(volumesMl)
                        .mapToObj(v -> new ContainerIntake(v, expressedOn))
                        .toList(),
                null,
                receivedAt);
    }
}
