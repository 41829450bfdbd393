package org.openmilkbank.donor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@IntegrationTest
@RecordApplicationEvents
class DonorScreeningTests {

    @Autowired
    DonorManagement donors;

    @Autowired
    Standards standards;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    org.openmilkbank.identity.IdentityManagement identity;

    @Autowired
    ApplicationEvents events;

    @Test
    void anApprovedScreeningAndANegativePanelMakeHerEligibleAndHerMilkAccepted() {
        LocalDate today = LocalDate.now(clock);
        DonorView donor = as("coordinator-a", () -> DonorFixtures.registeredDonor(donors));
        assertThat(donors.acceptanceOn(donor.id(), today).decision()).isEqualTo(MilkAcceptance.HOLD);
        assertThat(donors.eligibilityOn(donor.id(), today).status()).isEqualTo(DonorStatus.APPLICANT);

        ScreeningView screening = as(
                "coordinator-a",
                () -> donors.recordScreening(donor.id(), DonorFixtures.harmlessInterview(donors, today)));
        assertThat(screening.approvalsRequired()).isEqualTo(2); // HMBANA: two trained staff (AR)
        String coordinator = Staff.create(identity, Role.DONOR_COORDINATOR);
        String manager = Staff.create(identity, Role.MANAGER);
        as(coordinator, () -> donors.approveScreening(screening.id(), Staff.PASSWORD));
        assertRefused(
                () -> as(coordinator, () -> donors.approveScreening(screening.id(), Staff.PASSWORD)),
                "donor.screening.secondApproverMustDiffer");
        assertThat(donors.eligibilityOn(donor.id(), today).status()).isEqualTo(DonorStatus.IN_SCREENING);
        assertThat(donors.eligibilityOn(donor.id(), today).reasons().get(0))
                .isEqualTo(EligibilityReason.of(EligibilityReason.SCREENING_SECOND_SIGNATURE, today, coordinator));
        assertRefused(
                () -> as(manager, () -> donors.approveScreening(screening.id(), "not-her-password")),
                "signature.password.wrong");
        assertThat(donors.eligibilityOn(donor.id(), today).status()).isEqualTo(DonorStatus.IN_SCREENING);
        as(manager, () -> donors.approveScreening(screening.id(), Staff.PASSWORD));
        assertThat(donors.screeningSignatures(screening.id()))
                .extracting(org.openmilkbank.shared.Signature::username)
                .containsExactly(coordinator, manager);
        assertThat(events.stream(DonorCleared.class).anyMatch(e -> e.donorId().equals(donor.id())))
                .isTrue();

        as("coordinator-a", () -> {
            DonorFixtures.recordNegativePanel(donors, standards, donor.id(), today);
            return null;
        });
        Eligibility e = donors.eligibilityOn(donor.id(), today);
        assertThat(e.status()).isEqualTo(DonorStatus.ELIGIBLE);
        assertThat(donors.acceptanceOn(donor.id(), today).decision()).isEqualTo(MilkAcceptance.ACCEPT);
        // milk expressed before her interview and blood sample is held, never accepted on trust
        assertThat(donors.acceptanceOn(donor.id(), today.minusDays(1)).decision())
                .isEqualTo(MilkAcceptance.HOLD);
    }

    @Test
    void aDeferringAnswerRecordsTheProfilesDeferralAndBlocksHerMilk() {
        LocalDate today = LocalDate.now(clock);
        DonorView donor =
                as("coordinator-a", () -> DonorFixtures.eligibleDonor(donors, standards, today.minusDays(30)));
        NewScreening harmless = DonorFixtures.harmlessInterview(donors, today);
        Map<String, String> answers = new LinkedHashMap<>(harmless.answers());
        answers.put("TRANSFUSION", "yes");
        as(
                "coordinator-a",
                () -> donors.recordScreening(donor.id(), new NewScreening(today, InterviewMode.PHONE, answers)));

        DeferralView deferral = donors.deferrals(donor.id()).get(0);
        assertThat(deferral.category()).isEqualTo(DeferralCategory.TRANSFUSION);
        assertThat(deferral.until()).isEqualTo(today.plusDays(365)); // HMBANA rule from CHOP: 12 months
        assertThat(deferral.retestRequired()).isTrue();
        assertThat(events.stream(DonorMilkBlocked.class)
                        .anyMatch(e -> e.donorId().equals(donor.id())))
                .isTrue();
        Eligibility e = donors.eligibilityOn(donor.id(), today);
        assertThat(e.status()).isEqualTo(DonorStatus.TEMPORARILY_DEFERRED);
        assertThat(e.deferredUntil()).isEqualTo(today.plusDays(365));
        assertThat(donors.acceptanceOn(donor.id(), today).decision()).isEqualTo(MilkAcceptance.HOLD);
        // milk from before the deferral keeps its own answer
        assertThat(donors.acceptanceOn(donor.id(), today.minusDays(1)).decision())
                .isEqualTo(MilkAcceptance.ACCEPT);

        assertRefused(
                () -> as("coordinator-a", () -> donors.liftDeferral(deferral.id(), "re-tested")),
                "donor.deferral.retestMissing");
    }

    @Test
    void liftingATemporaryDeferralAfterANegativeReTestClearsTheHeldWindow() {
        LocalDate today = LocalDate.now(clock);
        DonorView donor =
                as("coordinator-a", () -> DonorFixtures.eligibleDonor(donors, standards, today.minusDays(60)));
        DeferralView deferral = as(
                "coordinator-a",
                () -> donors.defer(
                        donor.id(),
                        new NewDeferral(
                                DeferralCategory.TATTOO_PIERCING,
                                null,
                                today.minusDays(40),
                                today.minusDays(5),
                                null,
                                "piercing at a market stall")));
        assertThat(deferral.retestRequired()).isTrue(); // HMBANA rule (AR)
        assertThat(donors.acceptanceOn(donor.id(), today.minusDays(20)).decision())
                .isEqualTo(MilkAcceptance.HOLD);
        assertThat(donors.eligibilityOn(donor.id(), today).reasons())
                .containsExactly(EligibilityReason.of(
                        EligibilityReason.AWAITING_RETEST, DeferralCategory.TATTOO_PIERCING, today.minusDays(5)));

        as("coordinator-a", () -> {
            DonorFixtures.recordNegativePanel(donors, standards, donor.id(), today.minusDays(2));
            return donors.liftDeferral(deferral.id(), "negative re-test");
        });
        assertThat(donors.acceptanceOn(donor.id(), today.minusDays(20)).decision())
                .isEqualTo(MilkAcceptance.ACCEPT);
        assertThat(events.stream(DonorCleared.class).anyMatch(e -> e.donorId().equals(donor.id())))
                .isTrue();
    }

    @Test
    void aPermanentDeferralOrRetirementRejectsHerMilkFromThatDay() {
        LocalDate today = LocalDate.now(clock);
        DonorView donor =
                as("coordinator-a", () -> DonorFixtures.eligibleDonor(donors, standards, today.minusDays(30)));
        as(
                "coordinator-a",
                () -> donors.defer(
                        donor.id(),
                        new NewDeferral(DeferralCategory.OTHER, true, today.minusDays(3), null, null, "vCJD risk")));
        assertThat(donors.acceptanceOn(donor.id(), today.minusDays(3)).decision())
                .isEqualTo(MilkAcceptance.REJECT);
        assertThat(donors.acceptanceOn(donor.id(), today.minusDays(4)).decision())
                .isEqualTo(MilkAcceptance.ACCEPT);

        DonorView other =
                as("coordinator-a", () -> DonorFixtures.eligibleDonor(donors, standards, today.minusDays(30)));
        as("coordinator-a", () -> donors.retire(other.id(), today, "her infant is weaned"));
        assertThat(donors.eligibilityOn(other.id(), today).status()).isEqualTo(DonorStatus.RETIRED);
        assertThat(donors.acceptanceOn(other.id(), today).decision()).isEqualTo(MilkAcceptance.REJECT);
    }

    @Test
    void aScreeningKeepsTheQuestionnaireVersionItWasAnsweredAgainst() {
        LocalDate today = LocalDate.now(clock);
        DonorView donor =
                as("coordinator-a", () -> DonorFixtures.eligibleDonor(donors, standards, today.minusDays(10)));
        QuestionnaireView before = donors.currentQuestionnaire();
        ScreeningView first = donors.screenings(donor.id()).get(0);
        assertThat(first.questionnaireVersion()).isEqualTo(before.version());

        // a new version is published as data, with one more question
        UUID v2 = UUID.randomUUID();
        jdbc.sql(
                        "insert into screening_questionnaire (id, profile_code, version, published_on) values (:id, 'HMBANA', :v, :on)")
                .param("id", v2)
                .param("v", before.version() + 1)
                .param("on", today)
                .update();
        jdbc.sql("""
                        insert into screening_question (id, questionnaire_id, position, code, text, answer_type, defer_when, deferral_category)
                        select gen_random_uuid(), :v2, position, code, text, answer_type, defer_when, deferral_category
                        from screening_question where questionnaire_id = :v1
                        """).param("v2", v2).param("v1", before.id()).update();
        jdbc.sql("""
                        insert into screening_question (id, questionnaire_id, position, code, text, answer_type)
                        values (gen_random_uuid(), :v2, 99, 'TRAVEL', 'Have you travelled abroad in the last month?', 'TEXT')
                        """).param("v2", v2).update();

        QuestionnaireView after = donors.currentQuestionnaire();
        assertThat(after.version()).isEqualTo(before.version() + 1);
        // an interview on the old version's questions is now incomplete
        NewScreening old = new NewScreening(today, InterviewMode.PHONE, questionsOf(before));
        assertRefused(
                () -> as("coordinator-a", () -> donors.recordScreening(donor.id(), old)),
                "donor.screening.answerMissing");

        ScreeningView second = as(
                "coordinator-a",
                () -> donors.recordScreening(donor.id(), DonorFixtures.harmlessInterview(donors, today)));
        assertThat(second.questionnaireVersion()).isEqualTo(after.version());
        assertThat(second.answers()).extracting(ScreeningView.Answer::code).contains("TRAVEL");
        ScreeningView firstAgain = donors.screenings(donor.id()).stream()
                .filter(s -> s.id().equals(first.id()))
                .findFirst()
                .orElseThrow();
        assertThat(firstAgain.questionnaireVersion()).isEqualTo(before.version());
        assertThat(firstAgain.answers()).extracting(ScreeningView.Answer::code).doesNotContain("TRAVEL");
    }

    @Test
    void aSwitchedOnAddendumHoldsMilkUntilAnsweredAndAYesPausesHer() {
        LocalDate today = LocalDate.now(clock);
        DonorView donor =
                as("coordinator-a", () -> DonorFixtures.eligibleDonor(donors, standards, today.minusDays(10)));
        as("manager-b", () -> donors.switchOnAddendum("NEW_PATHOGEN", "outbreak declared"));
        try {
            assertThat(donors.addendaDue(donor.id()))
                    .extracting(AddendumView::code)
                    .containsExactly("NEW_PATHOGEN");
            assertThat(donors.acceptanceOn(donor.id(), today).decision()).isEqualTo(MilkAcceptance.HOLD);
            assertThat(donors.acceptanceOn(donor.id(), today.minusDays(1)).decision())
                    .isEqualTo(MilkAcceptance.ACCEPT);

            var paused = as(
                    "coordinator-a",
                    () -> donors.answerAddendum(
                            donor.id(),
                            "NEW_PATHOGEN",
                            today,
                            InterviewMode.PHONE,
                            Map.of("EXPOSURE_14_DAYS", "YES", "SYMPTOMS", "NO")));
            assertThat(paused)
                    .singleElement()
                    .satisfies(d -> assertThat(d.until()).isEqualTo(today.plusDays(14)));
            assertThat(donors.addendaDue(donor.id())).isEmpty();
            assertThat(donors.eligibilityOn(donor.id(), today.plusDays(14)).status())
                    .isEqualTo(DonorStatus.TEMPORARILY_DEFERRED);
            assertThat(donors.eligibilityOn(donor.id(), today.plusDays(15)).status())
                    .isEqualTo(DonorStatus.ELIGIBLE);
        } finally {
            as("manager-b", () -> donors.switchOffAddendum("NEW_PATHOGEN", "outbreak over"));
        }
        assertThat(donors.addenda()).allMatch(a -> !a.active());
    }

    @Test
    void theBrazilProfileSetsEveryRuleItsRulesNeed() {
        var brazil = standards.profile("BRAZIL");
        assertThat(brazil.serologyPanel()).contains("HIV", "HBV", "SYPHILIS");
        assertThat(brazil.pasteurisedExpiryFrom()).isEqualTo(org.openmilkbank.standards.ExpiryFrom.PASTEURISATION);
        assertThat(brazil.preCultureRequired()).isFalse();
        assertThat(brazil.donorInfantMaxAgeMonths()).contains(24);
        for (var p : org.openmilkbank.standards.Parameter.values()) {
            // thresholds of a culture Brazil does not take, and the rules of liquid transport it does not allow
            boolean optional = p.key().startsWith("pre-culture.max-") || p.key().startsWith("transport.liquid-m");
            assertThat(brazil.raw(p).isPresent() || optional)
                    .as("BRAZIL sets " + p.key())
                    .isTrue();
        }
        assertThat(standards.sources("BRAZIL").values()).anyMatch(s -> s.startsWith("Reference silent"));
    }

    private static Map<String, String> questionsOf(QuestionnaireView q) {
        Map<String, String> answers = new LinkedHashMap<>();
        q.questions().forEach(question -> answers.put(question.code(), question.harmlessAnswer()));
        return answers;
    }

    private static <T> T as(String user, Supplier<T> action) {
        AtomicReference<T> result = new AtomicReference<>();
        Role role = user.startsWith("manager") ? Role.MANAGER : Role.DONOR_COORDINATOR;
        Staff.as(user, role, () -> result.set(action.get()));
        return result.get();
    }

    private static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.code()).isEqualTo(key));
    }
}
