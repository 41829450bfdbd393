package org.openmilkbank.donor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NameOrder;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.Signature;
import org.openmilkbank.shared.Signatures;
import org.openmilkbank.shared.TextLimits;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Donors, their serology results, and whether their milk may be accepted on a given day. */
@Service
@Transactional
public class DonorManagement {

    public static final String RECORD_TYPE = "Donor";
    public static final String ADDENDUM_RECORD_TYPE = "ScreeningAddendum";
    /** The record type screening approvals are signed on. */
    public static final String SCREENING_RECORD_TYPE = "Screening";
    /** What a screening approver's signature means. */
    public static final String SCREENING_APPROVAL_MEANING = "donor.signature.screeningApproval";

    static final int MIN_AGE_YEARS = 12;
    /** No record of a living donor, her infant, her tests or her consent can be older: a typing error, not a date. */
    static final LocalDate EARLIEST_PLAUSIBLE_DATE = LocalDate.of(1900, 1, 1);

    static final int MAX_AGE_YEARS = 65;
    private static final int MAX_NAME = TextLimits.NAME;
    private static final int MAX_ADDRESS = TextLimits.ADDRESS;
    private static final int MAX_LAB_REFERENCE = TextLimits.CODE;
    private static final Pattern PHONE = Pattern.compile("[0-9+() .\\-/]{6,30}");

    private final DonorRepository donors;
    private final SerologyResultRepository serology;
    private final ScreeningRepository screenings;
    private final DeferralRepository deferrals;
    private final ScreeningCatalogue catalogue;
    private final Standards standards;
    private final History history;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Signatures signatures;
    private final Clock clock;

    DonorManagement(
            DonorRepository donors,
            SerologyResultRepository serology,
            ScreeningRepository screenings,
            DeferralRepository deferrals,
            ScreeningCatalogue catalogue,
            Standards standards,
            History history,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Signatures signatures,
            Clock clock) {
        this.donors = donors;
        this.serology = serology;
        this.screenings = screenings;
        this.deferrals = deferrals;
        this.catalogue = catalogue;
        this.standards = standards;
        this.history = history;
        this.jdbc = jdbc;
        this.events = events;
        this.signatures = signatures;
        this.clock = clock;
    }

    public DonorView register(NewDonor donor) {
        List<AddendumView> suspending = recruitmentSuspendedBy();
        if (!suspending.isEmpty()) {
            throw new RuleViolation(
                    "donor.recruitment.suspended",
                    suspending.stream().map(AddendumView::title).toList());
        }
        validate(donor);
        long number =
                jdbc.sql("select nextval('donor_code_seq')").query(Long.class).single();
        Donor saved = donors.save(new Donor(String.format("D%05d", number), donor, now(), CurrentActor.username()));
        history.record(
                RECORD_TYPE,
                saved.id(),
                Said.of("donor.history.registered", saved.code(), view(saved).fullName()));
        return view(saved);
    }

    public DonorView correct(UUID donorId, NewDonor details, String reason) {
        validate(details);
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        Donor donor = load(donorId);
        List<Said> changes = donor.correct(details);
        if (changes.isEmpty()) {
            throw new RuleViolation("donor.correct.nothingChanged");
        }
        history.recordCorrection(RECORD_TYPE, donorId, Said.of("donor.history.corrected", changes), reason);
        return view(donor);
    }

    public SerologyView recordSerology(
            UUID donorId, String test, LocalDate sampleDate, SerologyOutcome outcome, String labReference) {
        Donor donor = load(donorId);
        StandardProfile profile = standards.activeProfile();
        boolean eligibleBefore = evaluate(donor, LocalDate.now(clock), profile).eligible();
        String code = test == null ? "" : test.strip().toUpperCase();
        List<String> panel = panel(profile);
        if (!panel.contains(code)) {
            throw new RuleViolation("donor.serology.testNotInPanel", code, profile.name(), String.join(", ", panel))
                    .on("test");
        }
        checkSample(sampleDate, labReference);
        if (outcome == null) {
            throw new RuleViolation("donor.serology.outcomeRequired").on("outcome");
        }
        String reference = labReference == null || labReference.isBlank() ? null : labReference.strip();
        SerologyResult result = serology.save(
                new SerologyResult(donor.id(), code, sampleDate, outcome, reference, now(), CurrentActor.username()));
        history.record(RECORD_TYPE, donorId, result.said("donor.history.serologyRecorded"));
        if (outcome == SerologyOutcome.POSITIVE) {
            RiskWindowPolicy.Window window = RiskWindowPolicy.forPositive(
                    code,
                    sampleDate,
                    serology.findByDonorIdOrderBySampleDateDescRecordedAtDesc(donorId).stream()
                            .map(SerologyResult::view)
                            .toList());
            publishWindow(donor, window, "serology:" + result.view().id());
        } else if (!eligibleBefore) {
            serology.flush();
            clearIfEligibleNow(donor, profile);
        }
        return result.view();
    }

    /**
     * Records the results of one blood sample: every test of the panel given an outcome, with the same sample date
     * and laboratory reference, all or none. A test left without an outcome is not recorded.
     */
    public List<SerologyView> recordSerologyPanel(UUID donorId, NewSerologyPanel panel) {
        load(donorId);
        StandardProfile profile = standards.activeProfile();
        if (panel == null || panel.outcomes().isEmpty()) {
            throw new RuleViolation("donor.serology.panelEmpty").on("outcomes");
        }
        List<String> tests = panel(profile);
        for (String test : panel.outcomes().keySet()) {
            if (!tests.contains(test)) {
                throw new RuleViolation("donor.serology.testNotInPanel", test, profile.name(), String.join(", ", tests))
                        .on("outcomes");
            }
        }
        checkSample(panel.sampleDate(), panel.labReference());
        // in the panel's order, in this one transaction: a refusal of any of them records none
        return tests.stream()
                .filter(panel.outcomes()::containsKey)
                .map(test -> recordSerology(
                        donorId, test, panel.sampleDate(), panel.outcomes().get(test), panel.labReference()))
                .toList();
    }

    private void checkSample(LocalDate sampleDate, String labReference) {
        if (sampleDate == null) {
            throw new RuleViolation("donor.serology.sampleDateRequired").on("sampleDate");
        }
        if (sampleDate.isBefore(EARLIEST_PLAUSIBLE_DATE)) {
            throw new RuleViolation("donor.date.implausible", sampleDate, EARLIEST_PLAUSIBLE_DATE).on("sampleDate");
        }
        if (sampleDate.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("donor.serology.sampleDateInFuture", sampleDate).on("sampleDate");
        }
        if (labReference != null && labReference.strip().length() > MAX_LAB_REFERENCE) {
            throw new RuleViolation("donor.serology.labReferenceTooLong", MAX_LAB_REFERENCE).on("labReference");
        }
    }

    public void voidSerology(UUID resultId, String reason) {
        SerologyResult result =
                serology.findById(resultId).orElseThrow(() -> new NotFound("donor.serology.notFound", resultId));
        result.voidWith(reason, now(), CurrentActor.username());
        history.recordCorrection(RECORD_TYPE, result.donorId(), result.said("donor.history.serologyVoided"), reason);
        events.publishEvent(new DonorMilkCleared(result.donorId(), "serology:" + resultId, true, reason, now()));
    }

    @Transactional(readOnly = true)
    public List<SerologyView> serology(UUID donorId) {
        load(donorId);
        return serology.findByDonorIdOrderBySampleDateDescRecordedAtDesc(donorId).stream()
                .map(SerologyResult::view)
                .toList();
    }

    /**
     * What reception does with milk she expressed on that day, from her full eligibility that day: accept when
     * eligible; hold while she is an applicant, in screening or temporarily deferred (until cleared); reject when
     * permanently deferred, positive or retired.
     */
    @Transactional(readOnly = true)
    public AcceptanceDecision acceptanceOn(UUID donorId, LocalDate expressedOn) {
        Eligibility eligibility = eligibilityOn(donorId, expressedOn);
        return new AcceptanceDecision(eligibility.acceptance(), expressedOn, eligibility.reasons());
    }

    /** Her status on that date and every reason that stands in the way: the one answer reception uses. */
    @Transactional(readOnly = true)
    public Eligibility eligibilityOn(UUID donorId, LocalDate date) {
        Donor donor = load(donorId);
        if (date == null) {
            throw new RuleViolation("donor.eligibility.dateRequired");
        }
        return evaluate(donor, date, standards.activeProfile());
    }

    @Transactional(readOnly = true)
    public Optional<DonorView> find(UUID id) {
        return id == null ? Optional.empty() : donors.findById(id).map(this::view);
    }

    @Transactional(readOnly = true)
    public Optional<DonorView> findByCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return donors.findByDonorCodeIgnoreCase(code.strip()).map(this::view);
    }

    /** Her record with her name in the bank's order. */
    private DonorView view(Donor donor) {
        return donor.view(namesOrder());
    }

    private NameOrder namesOrder() {
        return standards.activeProfile().namesOrder();
    }

    /** The first page of {@link #search(String, PageRequest)}. */
    @Transactional(readOnly = true)
    public List<DonorView> search(String query) {
        return search(query, new PageRequest(1, PageRequest.MAX_SIZE)).items();
    }

    /**
     * A page of the donors whose code or name contains the query, ignoring case, with the total; a blank query
     * lists the latest registered first.
     */
    @Transactional(readOnly = true)
    public Paged<DonorView> search(String query, PageRequest page) {
        NameOrder order = namesOrder();
        if (query == null || query.isBlank()) {
            return Paged.of(donors.findAllByOrderByRegisteredAtDesc(page.pageable()), page)
                    .map(d -> d.view(order));
        }
        String escaped = query.strip()
                .toLowerCase()
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_")
                .replaceAll("\\s+", " ");
        return Paged.of(donors.search("%" + escaped + "%", page.pageable()), page)
                .map(d -> d.view(order));
    }

    /** Milk expressed on that day was received from her: keeps the earliest such day as her first donation. */
    public void recordDonation(UUID donorId, LocalDate expressedOn) {
        if (expressedOn == null) {
            throw new RuleViolation("donor.donation.dateRequired");
        }
        Donor donor = load(donorId);
        LocalDate before = donor.firstDonationOn();
        if (donor.donated(expressedOn)) {
            history.record(RECORD_TYPE, donorId, Said.of("donor.history.firstDonation", before, expressedOn));
        }
    }

    // Screening, deferrals, addenda, work lists, timeline and privacy.

    /** The active profile's current questionnaire: the version a screening recorded now is answered against. */
    @Transactional(readOnly = true)
    public QuestionnaireView currentQuestionnaire() {
        StandardProfile profile = standards.activeProfile();
        return catalogue
                .currentQuestionnaire(profile.standardCode())
                .orElseThrow(() -> new RuleViolation("donor.screening.noQuestionnaire", profile.name()));
    }

    /**
     * Records a screening interview against the current questionnaire version. Every question must be answered;
     * each deferring answer records a deferral under the profile's rule for its category. The screening then
     * waits for the profile's number of approvals.
     */
    public ScreeningView recordScreening(UUID donorId, NewScreening interview) {
        Donor donor = load(donorId);
        if (interview == null || interview.interviewedOn() == null) {
            throw new RuleViolation("donor.screening.dateRequired").on("interviewedOn");
        }
        requirePlausible(interview.interviewedOn(), "interviewedOn");
        if (interview.interviewedOn().isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("donor.screening.dateInFuture", interview.interviewedOn()).on("interviewedOn");
        }
        if (interview.mode() == null) {
            throw new RuleViolation("donor.screening.modeRequired").on("mode");
        }
        if (donor.retiredOn() != null) {
            throw new RuleViolation("donor.retired", donor.code(), donor.retiredOn());
        }
        StandardProfile profile = standards.activeProfile();
        QuestionnaireView questionnaire = currentQuestionnaire();
        java.util.Map<QuestionView, String> answers = validAnswers(questionnaire.questions(), interview.answers());
        Screening screening = screenings.saveAndFlush(new Screening(
                donorId,
                questionnaire.id(),
                interview.interviewedOn(),
                interview.mode(),
                Math.max(1, Math.min(2, profile.screeningApprovalsRequired())),
                now(),
                CurrentActor.username()));
        List<QuestionView> deferring = new java.util.ArrayList<>();
        answers.forEach((q, a) -> {
            boolean defers = q.defers(a);
            catalogue.saveAnswer("screening_answer", "screening_id", screening.id(), q.id(), a, defers);
            if (defers) {
                deferring.add(q);
            }
        });
        history.record(
                RECORD_TYPE,
                donorId,
                Said.of(
                        "donor.history.screened",
                        profile.code(),
                        questionnaire.version(),
                        Said.code("donor.mode." + interview.mode().name()),
                        interview.interviewedOn(),
                        deferring.size()));
        for (QuestionView q : deferring) {
            ScreeningCatalogue.Rule rule = catalogue
                    .rule(profile.standardCode(), q.category())
                    .orElse(new ScreeningCatalogue.Rule(false, null, false, "no rule"));
            record(
                    donor,
                    q.category(),
                    rule.permanent(),
                    interview.interviewedOn(),
                    rule.permanent() || rule.days() == null
                            ? null
                            : interview.interviewedOn().plusDays(rule.days()),
                    rule.retestRequired(),
                    "screening answer to “" + q.text() + "”: " + answers.get(q),
                    Said.of("donor.history.screeningAnswer", q.text(), answers.get(q)),
                    screening.id());
        }
        return screeningView(screening);
    }

    /**
     * Signs the screening off as the current user, who enters her password again and attests what
     * {@link #attestations(ScreeningView)} lists; the second approval must come from someone else. A wrong
     * password approves and signs nothing.
     */
    public ScreeningView approveScreening(UUID screeningId, String signaturePassword) {
        Screening screening = loadScreening(screeningId);
        boolean complete = screening.approve(CurrentActor.username(), now());
        signatures.sign(
                signaturePassword,
                SCREENING_RECORD_TYPE,
                screeningId,
                Said.code(SCREENING_APPROVAL_MEANING),
                attestations(screeningView(screening)));
        history.record(
                RECORD_TYPE,
                screening.donorId(),
                Said.of(
                        complete ? "donor.history.screeningApproved" : "donor.history.screeningFirstApproval",
                        screening.interviewedOn()));
        if (complete) {
            Donor donor = load(screening.donorId());
            events.publishEvent(new DonorCleared(donor.id(), donor.code(), now()));
        }
        return screeningView(screening);
    }

    /** What the approver of a screening attests by signing it. */
    public List<Said> attestations(ScreeningView screening) {
        long deferring = screening.answers().stream().filter(a -> a.defers()).count();
        return List.of(
                Said.code("donor.attest.reviewedAnswers"),
                Said.of("donor.attest.deferringAnswers", deferring),
                Said.of(
                        "donor.attest.questionnaire",
                        screening.profileCode(),
                        screening.questionnaireVersion(),
                        screening.interviewedOn()));
    }

    /** The signatures on a screening's approvals, oldest first. */
    @Transactional(readOnly = true)
    public List<Signature> screeningSignatures(UUID screeningId) {
        return signatures.of(SCREENING_RECORD_TYPE, screeningId);
    }

    public void voidScreening(UUID screeningId, String reason) {
        Screening screening = loadScreening(screeningId);
        screening.voidWith(reason);
        history.recordCorrection(
                RECORD_TYPE,
                screening.donorId(),
                Said.of("donor.history.screeningVoided", screening.interviewedOn()),
                reason);
    }

    /** Her screenings, newest first, each with the questions of the version it was answered against. */
    @Transactional(readOnly = true)
    public List<ScreeningView> screenings(UUID donorId) {
        load(donorId);
        return screenings.findByDonorIdOrderByInterviewedOnDescRecordedAtDesc(donorId).stream()
                .map(this::screeningView)
                .toList();
    }

    /** Records a deferral; unset fields take the active profile's rule for the category. Blocks her unfed milk. */
    public DeferralView defer(UUID donorId, NewDeferral d) {
        Donor donor = load(donorId);
        if (d == null || d.category() == null) {
            throw new RuleViolation("donor.deferral.categoryRequired").on("category");
        }
        StandardProfile profile = standards.activeProfile();
        var rule = catalogue.rule(profile.standardCode(), d.category());
        boolean permanent = d.permanent() != null
                ? d.permanent()
                : rule.map(ScreeningCatalogue.Rule::permanent).orElse(false);
        LocalDate startsOn = d.startsOn() == null ? LocalDate.now(clock) : d.startsOn();
        LocalDate until = permanent
                ? null
                : d.until() != null
                        ? d.until()
                        : rule.map(ScreeningCatalogue.Rule::days)
                                .map(startsOn::plusDays)
                                .orElse(null);
        boolean retest = !permanent
                && (d.retestRequired() != null
                        ? d.retestRequired()
                        : rule.map(ScreeningCatalogue.Rule::retestRequired).orElse(false));
        return record(donor, d.category(), permanent, startsOn, until, retest, d.reason(), d.reason(), null);
    }

    private DeferralView record(
            Donor donor,
            DeferralCategory category,
            boolean permanent,
            LocalDate startsOn,
            LocalDate until,
            boolean retest,
            String reason,
            Object why,
            UUID screeningId) {
        Deferral deferral = deferrals.save(new Deferral(
                donor.id(),
                category,
                permanent,
                startsOn,
                until,
                retest,
                reason,
                screeningId,
                now(),
                CurrentActor.username()));
        history.record(RECORD_TYPE, donor.id(), deferral.said("donor.history.deferred", why));
        for (RiskWindowPolicy.Window window :
                RiskWindowPolicy.forDeferral(category, permanent, startsOn, until, standards.activeProfile())) {
            publishWindow(donor, window, "deferral:" + deferral.view().id());
        }
        return deferral.view();
    }

    private void publishWindow(Donor donor, RiskWindowPolicy.Window window, String detailRef) {
        events.publishEvent(new DonorMilkBlocked(
                donor.id(),
                donor.code(),
                window.permanent(),
                window.from(),
                window.to(),
                window.reasonCode(),
                detailRef,
                now()));
    }

    /**
     * Lifts a temporary deferral. One that needs a re-test is lifted only after a negative result for every
     * test of the panel sampled on or after its end; milk held from the window is then cleared.
     */
    public DeferralView liftDeferral(UUID deferralId, String reason) {
        Deferral deferral = loadDeferral(deferralId);
        DeferralView view = deferral.view();
        Donor donor = load(view.donorId());
        if (view.standing() && view.retestRequired()) {
            List<SerologyView> results = serology(donor.id());
            List<String> missing = panel(standards.activeProfile()).stream()
                    .filter(test -> results.stream()
                            .noneMatch(r -> !r.voided()
                                    && r.test().equals(test)
                                    && r.outcome() == SerologyOutcome.NEGATIVE
                                    && !r.sampleDate().isBefore(view.until())))
                    .toList();
            if (!missing.isEmpty()) {
                throw new RuleViolation("donor.deferral.retestMissing", String.join(", ", missing), view.until());
            }
        }
        deferral.lift(reason, now(), CurrentActor.username());
        history.recordCorrection(RECORD_TYPE, donor.id(), deferral.said("donor.history.deferralLifted"), reason);
        events.publishEvent(new DonorMilkCleared(donor.id(), "deferral:" + deferralId, false, reason, now()));
        events.publishEvent(new DonorCleared(donor.id(), donor.code(), now()));
        return deferral.view();
    }

    /** A deferral recorded in error (wrong donor, wrong answer) is voided with a reason, never deleted. */
    public void voidDeferral(UUID deferralId, String reason) {
        Deferral deferral = loadDeferral(deferralId);
        deferral.voidWith(reason);
        history.recordCorrection(
                RECORD_TYPE, deferral.donorId(), deferral.said("donor.history.deferralVoided"), reason);
        events.publishEvent(new DonorMilkCleared(deferral.donorId(), "deferral:" + deferralId, true, reason, now()));
    }

    @Transactional(readOnly = true)
    public List<DeferralView> deferrals(UUID donorId) {
        load(donorId);
        return deferrals.findByDonorIdOrderByStartsOnDescRecordedAtDesc(donorId).stream()
                .map(Deferral::view)
                .toList();
    }

    public DonorView recordBackground(UUID donorId, DonorBackground b) {
        Donor donor = load(donorId);
        LocalDate today = LocalDate.now(clock);
        if (b == null) {
            throw new RuleViolation("donor.details.required");
        }
        requirePlausible(b.infantBirthDate(), "infantBirthDate");
        requirePlausible(b.consentOn(), "consentOn");
        if (b.infantBirthDate() != null && b.infantBirthDate().isAfter(today)) {
            throw new RuleViolation("donor.infantBirthDate.inFuture", b.infantBirthDate()).on("infantBirthDate");
        }
        if (b.infantGestationWeeks() != null && (b.infantGestationWeeks() < 22 || b.infantGestationWeeks() > 44)) {
            throw new RuleViolation("donor.gestation.implausible", b.infantGestationWeeks()).on("infantGestationWeeks");
        }
        if (b.consentOn() != null && b.consentOn().isAfter(today)) {
            throw new RuleViolation("donor.consent.inFuture", b.consentOn()).on("consentOn");
        }
        if (b.consentOn() != null && b.consentScope() == null) {
            throw new RuleViolation("donor.consent.scopeRequired").on("consentScope");
        }
        if (b.preferredLanguage() != null && b.preferredLanguage().length() > 50) {
            throw new RuleViolation("donor.background.tooLong").on("preferredLanguage");
        }
        if (b.consentScope() != null && b.consentScope().length() > 500) {
            throw new RuleViolation("donor.background.tooLong").on("consentScope");
        }
        List<Said> changes = donor.background(b);
        if (changes.isEmpty()) {
            throw new RuleViolation("donor.correct.nothingChanged");
        }
        history.record(RECORD_TYPE, donorId, Said.of("donor.history.background", changes));
        return view(donor);
    }

    /** She stops donating from that day; milk expressed before stays as decided. */
    public DonorView retire(UUID donorId, LocalDate on, String reason) {
        Donor donor = load(donorId);
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        donor.retire(day, reason);
        history.recordCorrection(RECORD_TYPE, donorId, Said.of("donor.history.retired", day), reason);
        return view(donor);
    }

    @Transactional(readOnly = true)
    public List<AddendumView> addenda() {
        return catalogue.addenda();
    }

    /** A manager switches an emergency addendum on for the whole bank: every donor answers it at her next contact. */
    public AddendumView switchOnAddendum(String code, String reason) {
        AddendumView addendum = addendum(code);
        if (addendum.active()) {
            throw new RuleViolation("donor.addendum.alreadyOn", addendum.title());
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        Instant at = now();
        catalogue.switchOn(addendum.id(), reason.strip(), at, CurrentActor.username());
        history.recordCorrection(
                ADDENDUM_RECORD_TYPE, addendum.code(), Said.of("donor.history.addendumOn", addendum.title()), reason);
        events.publishEvent(new AddendumSwitchedOn(addendum.code(), addendum.origin(), at, CurrentActor.username()));
        return addendum(code);
    }

    public AddendumView switchOffAddendum(String code, String reason) {
        AddendumView addendum = addendum(code);
        if (!addendum.active()) {
            throw new RuleViolation("donor.addendum.alreadyOff", addendum.title());
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        Instant at = now();
        catalogue.switchOff(addendum.activationId(), at, CurrentActor.username());
        history.recordCorrection(
                ADDENDUM_RECORD_TYPE, addendum.code(), Said.of("donor.history.addendumOff", addendum.title()), reason);
        events.publishEvent(new AddendumSwitchedOff(addendum.code(), addendum.origin(), at, CurrentActor.username()));
        return addendum(code);
    }

    /**
     * Takes an emergency addendum written elsewhere (the network's hub) and switches it on, in one step: stored with
     * its author's words, its questions, its pause, its recruitment suspension and its extra tests. When an addendum
     * of that code is already kept (adopted before, since switched off) and came from the same origin, it is switched
     * on again; another addendum of that code is a refusal ({@code donor.addendum.codeTaken}).
     */
    public AddendumView adoptAddendum(NewAddendum content, String reason) {
        if (content == null) {
            throw new RuleViolation("donor.addendum.empty");
        }
        content.check();
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        java.util.Optional<AddendumView> kept = catalogue.addenda().stream()
                .filter(a -> a.code().equalsIgnoreCase(content.code()))
                .findFirst();
        if (kept.isPresent()) {
            if (!java.util.Objects.equals(kept.get().origin(), content.origin())) {
                throw new RuleViolation("donor.addendum.codeTaken", content.code()).on("code");
            }
        } else {
            catalogue.insertAddendum(content);
            history.record(
                    ADDENDUM_RECORD_TYPE,
                    content.code(),
                    Said.of(
                            "donor.history.addendumAdopted",
                            content.title(),
                            content.questions().size(),
                            content.pauseDays(),
                            Said.code(content.suspendsRecruitment() ? "common.yes" : "common.no"),
                            content.extraTests().isEmpty() ? "—" : String.join(", ", content.extraTests())));
        }
        return switchOnAddendum(content.code(), reason);
    }

    /** The addenda switched on now that suspend the recruitment of new donors (empty: donors may be registered). */
    @Transactional(readOnly = true)
    public List<AddendumView> recruitmentSuspendedBy() {
        return catalogue.addenda().stream()
                .filter(a -> a.active() && a.suspendsRecruitment())
                .toList();
    }

    /** The serology tests every donor needs now: the profile's panel and those of the addenda switched on. */
    @Transactional(readOnly = true)
    public List<String> serologyPanel() {
        return panel(standards.activeProfile());
    }

    private List<String> panel(StandardProfile profile) {
        return withExtraTests(
                profile.serologyPanel(),
                catalogue.addenda().stream()
                        .filter(AddendumView::active)
                        .flatMap(a -> a.extraTests().stream())
                        .toList());
    }

    private static List<String> withExtraTests(List<String> panel, List<String> extra) {
        if (extra.isEmpty()) {
            return panel;
        }
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(panel);
        all.addAll(extra);
        return List.copyOf(all);
    }

    /** The addenda switched on that she has not answered yet. */
    @Transactional(readOnly = true)
    public List<AddendumView> addendaDue(UUID donorId) {
        load(donorId);
        var answered = catalogue.answeredActivations(donorId);
        return catalogue.addenda().stream()
                .filter(a -> a.active() && !answered.contains(a.activationId()))
                .toList();
    }

    /** Her answers to a switched-on addendum; a deferring answer pauses her for the addendum's days. */
    public List<DeferralView> answerAddendum(
            UUID donorId, String code, LocalDate answeredOn, InterviewMode mode, java.util.Map<String, String> given) {
        Donor donor = load(donorId);
        AddendumView addendum = addendum(code);
        if (!addendum.active()) {
            throw new RuleViolation("donor.addendum.alreadyOff", addendum.title());
        }
        if (catalogue.answeredActivations(donorId).contains(addendum.activationId())) {
            throw new RuleViolation("donor.addendum.alreadyAnswered", addendum.title());
        }
        LocalDate day = answeredOn == null ? LocalDate.now(clock) : answeredOn;
        requirePlausible(day, "interviewedOn");
        if (day.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("donor.screening.dateInFuture", day).on("interviewedOn");
        }
        if (mode == null) {
            throw new RuleViolation("donor.screening.modeRequired").on("mode");
        }
        StandardProfile profile = standards.activeProfile();
        boolean eligibleBefore = evaluate(donor, LocalDate.now(clock), profile).eligible();
        var answers = validAnswers(addendum.questions(), given == null ? java.util.Map.of() : given);
        UUID answerId = catalogue.saveAddendumAnswer(
                addendum.activationId(), donorId, day, mode, now(), CurrentActor.username());
        List<DeferralView> paused = new java.util.ArrayList<>();
        answers.forEach((q, a) -> {
            boolean defers = q.defers(a);
            catalogue.saveAnswer("addendum_answer_item", "answer_id", answerId, q.id(), a, defers);
            if (defers && paused.isEmpty()) {
                paused.add(record(
                        donor,
                        q.category(),
                        false,
                        day,
                        day.plusDays(addendum.pauseDays()),
                        false,
                        addendum.title() + ": “" + q.text() + "” " + a,
                        Said.of("donor.history.addendumAnswer", addendum.title(), q.text(), a),
                        null));
            }
        });
        Said how = Said.code("donor.mode." + mode.name());
        history.record(
                RECORD_TYPE,
                donorId,
                paused.isEmpty()
                        ? Said.of("donor.history.addendumAnswered", addendum.title(), how, day)
                        : Said.of(
                                "donor.history.addendumAnsweredPaused",
                                addendum.title(),
                                how,
                                day,
                                addendum.pauseDays()));
        if (paused.isEmpty() && !eligibleBefore) {
            clearIfEligibleNow(donor, profile);
        }
        return paused;
    }

    /** Donors with that status on the date (every donor when status is null), by code. */
    @Transactional(readOnly = true)
    public List<WorkListRow> workList(DonorStatus status, LocalDate on) {
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        StandardProfile profile = standards.activeProfile();
        NameOrder order = profile.namesOrder();
        return donors.findAll(org.springframework.data.domain.Sort.by("donorCode")).stream()
                .map(d -> {
                    Eligibility e = evaluate(d, day, profile);
                    return new WorkListRow(
                            d.id(),
                            d.code(),
                            d.view(order).fullName(),
                            e.status(),
                            e.deferredUntil(),
                            e.reasons().isEmpty()
                                    ? null
                                    : new Said(
                                            e.reasons().get(0).code(),
                                            e.reasons().get(0).args()));
                })
                .filter(r -> status == null || r.status() == status)
                .toList();
    }

    /** Temporary deferrals still standing whose end falls within the next days (or has passed, awaiting a re-test). */
    @Transactional(readOnly = true)
    public List<WorkListRow> deferralsEndingWithin(int days) {
        LocalDate limit = LocalDate.now(clock).plusDays(Math.max(0, days));
        NameOrder order = namesOrder();
        return deferrals.findAll().stream()
                .map(Deferral::view)
                .filter(d -> d.standing()
                        && !d.permanent()
                        && d.until() != null
                        && !d.until().isAfter(limit))
                .sorted(java.util.Comparator.comparing(DeferralView::until))
                .map(d -> {
                    DonorView v = load(d.donorId()).view(order);
                    return new WorkListRow(
                            v.id(),
                            v.code(),
                            v.fullName(),
                            DonorStatus.TEMPORARILY_DEFERRED,
                            d.until(),
                            Said.of(
                                    d.retestRequired() ? "donor.worklist.deferral.retest" : "donor.worklist.deferral",
                                    Said.label(d.category())));
                })
                .toList();
    }

    /** Negative results that lapse under the profile's re-test interval within the next days (or have lapsed). */
    @Transactional(readOnly = true)
    public List<WorkListRow> testsExpiringWithin(int days) {
        StandardProfile profile = standards.activeProfile();
        NameOrder order = profile.namesOrder();
        int interval = profile.serologyRetestIntervalDays();
        if (interval <= 0) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate limit = today.plusDays(Math.max(0, days));
        List<String> tests = panel(profile);
        record Latest(UUID donorId, String test, LocalDate sampleDate) {}
        return jdbc.sql("""
                        select r.donor_id, r.test, max(r.sample_date) as sample_date
                        from serology_result r join donor d on d.id = r.donor_id
                        where not r.voided and r.outcome = 'NEGATIVE' and d.retired_on is null
                        group by r.donor_id, r.test
                        """).query(Latest.class).list().stream()
                .filter(l -> tests.contains(l.test()))
                .filter(l -> !l.sampleDate().plusDays(interval).isAfter(limit))
                .map(l -> {
                    Donor d = load(l.donorId());
                    return new WorkListRow(
                            d.id(),
                            d.code(),
                            d.view(order).fullName(),
                            evaluate(d, today, profile).status(),
                            l.sampleDate().plusDays(interval),
                            Said.of("donor.worklist.test", l.test(), l.sampleDate()));
                })
                .filter(r -> r.status() != DonorStatus.PERMANENTLY_DEFERRED)
                .sorted(java.util.Comparator.comparing(WorkListRow::due).thenComparing(WorkListRow::code))
                .toList();
    }

    private static Said voided(Said line, boolean voided) {
        return voided ? Said.of("donor.timeline.voided", line) : line;
    }

    /** Screening, tests, donations and volume, deferrals and blocked milk, newest first. */
    @Transactional(readOnly = true)
    public DonorTimeline timeline(UUID donorId) {
        Donor donor = load(donorId);
        List<TimelineEntry> entries = new java.util.ArrayList<>();
        for (ScreeningView s : screenings(donorId)) {
            entries.add(new TimelineEntry(
                    s.interviewedOn(),
                    "SCREENING",
                    Said.of(
                            "donor.timeline.screening",
                            s.profileCode(),
                            s.questionnaireVersion(),
                            Said.label(s.mode()),
                            Said.code("enum.Screening.State." + s.state())),
                    null));
        }
        for (SerologyView r : serology(donorId)) {
            Said test = Said.of("donor.timeline.test", r.test(), Said.label(r.outcome()));
            entries.add(new TimelineEntry(r.sampleDate(), "TEST", voided(test, r.voided()), null));
        }
        for (DeferralView d : deferrals(donorId)) {
            Said category = Said.label(d.category());
            Said deferral = d.permanent()
                    ? Said.of("donor.timeline.deferral.permanent", category, d.reason())
                    : d.until() == null
                            ? Said.of("donor.timeline.deferral.open", category, d.reason())
                            : Said.of("donor.timeline.deferral.until", category, d.until(), d.reason());
            entries.add(new TimelineEntry(d.startsOn(), "DEFERRAL", voided(deferral, d.voided()), null));
            if (d.lifted()) {
                entries.add(new TimelineEntry(
                        LocalDate.ofInstant(d.liftedAt(), clock.getZone()),
                        "DEFERRAL_LIFTED",
                        Said.of("donor.timeline.lifted", category, d.liftReason()),
                        null));
            }
        }
        List<TimelineEntry> donations = catalogue.donations(donorId, clock.getZone());
        entries.addAll(donations);
        entries.addAll(catalogue.blockedContainers(donorId));
        if (donor.retiredOn() != null) {
            entries.add(new TimelineEntry(
                    donor.retiredOn(), "RETIRED", Said.of("donor.timeline.retired", donor.retireReason()), null));
        }
        entries.sort(java.util.Comparator.comparing(TimelineEntry::on).reversed());
        int volume = donations.stream()
                .mapToInt(e -> e.volumeMl() == null ? 0 : e.volumeMl())
                .sum();
        return new DonorTimeline(entries, donations.size(), volume);
    }

    /** Records that the current user read her health answers or serology (privacy log). */
    public void recordHealthRead(UUID donorId, String what) {
        load(donorId);
        catalogue.logRead(donorId, what, now(), CurrentActor.username());
    }

    /**
     * Records that the current user read the eligibility or test dates of every donor on a work list: one entry
     * per donor, so that each donor's log shows the list she appeared on.
     */
    public void recordHealthReads(java.util.Collection<UUID> donorIds, String what) {
        Instant at = now();
        String actor = CurrentActor.username();
        new java.util.LinkedHashSet<>(donorIds).forEach(id -> catalogue.logRead(id, what, at, actor));
    }

    /**
     * The clinical records behind holds on donors' milk ({@code serology:<id>}, {@code deferral:<id>}), each reading
     * logged as a health read of her record. Callers show them to clinical staff only; unknown references are left out.
     */
    public java.util.Map<String, MilkBlockDetail> readMilkBlockDetails(java.util.Collection<String> refs) {
        java.util.Map<UUID, String> serologyIds = new java.util.LinkedHashMap<>();
        java.util.Map<UUID, String> deferralIds = new java.util.LinkedHashMap<>();
        for (String ref : refs) {
            int colon = ref == null ? -1 : ref.indexOf(':');
            if (colon < 0) {
                continue;
            }
            UUID id;
            try {
                id = UUID.fromString(ref.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            switch (ref.substring(0, colon)) {
                case "serology" -> serologyIds.put(id, ref);
                case "deferral" -> deferralIds.put(id, ref);
                default -> {}
            }
        }
        java.util.Map<String, MilkBlockDetail> details = new java.util.LinkedHashMap<>();
        for (SerologyResult r : serology.findAllById(serologyIds.keySet())) {
            SerologyView v = r.view();
            String ref = serologyIds.get(v.id());
            details.put(ref, new MilkBlockDetail(ref, v.donorId(), v.test(), v.outcome(), v.sampleDate(), null, null));
        }
        for (Deferral d : deferrals.findAllById(deferralIds.keySet())) {
            DeferralView v = d.view();
            String ref = deferralIds.get(v.id());
            details.put(ref, new MilkBlockDetail(ref, v.donorId(), null, null, null, v.category(), v.reason()));
        }
        Instant at = now();
        details.values()
                .forEach(d -> catalogue.logRead(d.donorId(), "milk block: " + d.ref(), at, CurrentActor.username()));
        return details;
    }

    @Transactional(readOnly = true)
    public Paged<HealthRead> healthReads(UUID donorId, PageRequest page) {
        load(donorId);
        return catalogue.reads(donorId, page);
    }

    private AddendumView addendum(String code) {
        return catalogue.addenda().stream()
                .filter(a -> a.code().equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst()
                .orElseThrow(() -> new NotFound("donor.addendum.notFound", code));
    }

    private java.util.Map<QuestionView, String> validAnswers(
            List<QuestionView> questions, java.util.Map<String, String> given) {
        for (String code : given.keySet()) {
            if (questions.stream().noneMatch(q -> q.code().equals(code))) {
                throw new RuleViolation("donor.screening.unknownQuestion", code).on("answers");
            }
        }
        java.util.Map<QuestionView, String> answers = new java.util.LinkedHashMap<>();
        for (QuestionView q : questions) {
            String raw = given.get(q.code());
            String a = raw == null ? "" : raw.strip();
            if (a.isEmpty()) {
                throw new RuleViolation("donor.screening.answerMissing", q.text()).on(answerField(q));
            }
            switch (q.answerType()) {
                case YES_NO -> {
                    a = a.toUpperCase();
                    if (!a.equals("YES") && !a.equals("NO")) {
                        throw new RuleViolation("donor.screening.answerYesNo", q.text()).on(answerField(q));
                    }
                }
                case NUMBER -> {
                    try {
                        if (new java.math.BigDecimal(a).signum() < 0) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        throw new RuleViolation("donor.screening.answerNumber", q.text(), a).on(answerField(q));
                    }
                }
                case TEXT -> {
                    if (a.length() > 500) {
                        throw new RuleViolation("donor.screening.answerTooLong", q.text(), 500).on(answerField(q));
                    }
                }
            }
            answers.put(q, a);
        }
        return answers;
    }

    /** The form field of a question's answer: {@code answers[CODE]}. */
    private static String answerField(QuestionView q) {
        return "answers[" + q.code() + "]";
    }

    private void clearIfEligibleNow(Donor donor, StandardProfile profile) {
        if (evaluate(donor, LocalDate.now(clock), profile).eligible()) {
            events.publishEvent(new DonorCleared(donor.id(), donor.code(), now()));
        }
    }

    private Eligibility evaluate(Donor donor, LocalDate date, StandardProfile profile) {
        return evaluate(
                donor.view(profile.namesOrder()),
                date,
                profile,
                serology.findByDonorIdOrderBySampleDateDescRecordedAtDesc(donor.id()).stream()
                        .map(SerologyResult::view)
                        .toList(),
                screenings.findByDonorIdOrderByInterviewedOnDescRecordedAtDesc(donor.id()),
                deferrals.findByDonorIdOrderByStartsOnDescRecordedAtDesc(donor.id()).stream()
                        .map(Deferral::view)
                        .toList(),
                catalogue.activations(),
                catalogue.answeredActivations(donor.id()));
    }

    private Eligibility evaluate(
            DonorView donor,
            LocalDate date,
            StandardProfile profile,
            List<SerologyView> results,
            List<Screening> herScreenings,
            List<DeferralView> herDeferrals,
            List<ScreeningCatalogue.Activation> activations,
            java.util.Set<UUID> answered) {
        java.time.ZoneId zone = clock.getZone();
        // the addenda on that day add their tests to the panel
        List<String> extra = activations.stream()
                .filter(a -> !LocalDate.ofInstant(a.on(), zone).isAfter(date)
                        && (a.off() == null
                                || LocalDate.ofInstant(a.off(), zone).isAfter(date)))
                .flatMap(a -> a.extraTests().stream())
                .toList();
        Eligibility bySerology = new EligibilityPolicy(
                        withExtraTests(profile.serologyPanel(), extra),
                        profile.serologyValidDaysBeforeFirstDonation(),
                        profile.serologyRetestIntervalDays())
                .evaluate(results, donor.firstDonationOn(), date);
        var facts = new StatusPolicy.Facts(
                donor.retiredOn(),
                donor.infantBirthDate(),
                profile.donorInfantMaxAgeMonths().orElse(null),
                herScreenings.stream()
                        .filter(s -> s.state() != Screening.State.VOIDED)
                        .map(s -> new StatusPolicy.ScreeningFact(
                                s.interviewedOn(), s.state() == Screening.State.APPROVED, s.firstApprovedBy()))
                        .toList(),
                herDeferrals,
                activations.stream()
                        .map(a -> new StatusPolicy.AddendumFact(
                                a.title(),
                                LocalDate.ofInstant(a.on(), zone),
                                a.off() == null ? null : LocalDate.ofInstant(a.off(), zone),
                                answered.contains(a.id())))
                        .toList(),
                results.stream().anyMatch(r -> !r.voided()));
        return new StatusPolicy().evaluate(facts, bySerology, date);
    }

    /**
     * A page of {@link #search(String, PageRequest)} with each donor's status today, read for the whole page at
     * once: one query each for their results, screenings, deferrals and answered addenda, none per donor.
     */
    @Transactional(readOnly = true)
    public Paged<DonorListItem> list(String query, PageRequest page) {
        Paged<DonorView> found = search(query, page);
        List<UUID> ids = found.items().stream().map(DonorView::id).toList();
        if (ids.isEmpty()) {
            return found.map(v -> new DonorListItem(v, null));
        }
        LocalDate today = LocalDate.now(clock);
        StandardProfile profile = standards.activeProfile();
        var results = serology.findByDonorIdIn(ids).stream()
                .map(SerologyResult::view)
                .collect(java.util.stream.Collectors.groupingBy(SerologyView::donorId));
        var herScreenings = screenings.findByDonorIdIn(ids).stream()
                .collect(java.util.stream.Collectors.groupingBy(Screening::donorId));
        var herDeferrals = deferrals.findByDonorIdIn(ids).stream()
                .map(Deferral::view)
                .collect(java.util.stream.Collectors.groupingBy(DeferralView::donorId));
        var activations = catalogue.activations();
        var answered = catalogue.answeredActivations(ids);
        return found.map(v -> new DonorListItem(
                v,
                evaluate(
                                v,
                                today,
                                profile,
                                results.getOrDefault(v.id(), List.of()),
                                herScreenings.getOrDefault(v.id(), List.of()),
                                herDeferrals.getOrDefault(v.id(), List.of()),
                                activations,
                                answered.getOrDefault(v.id(), java.util.Set.of()))
                        .status()));
    }

    private ScreeningView screeningView(Screening s) {
        QuestionnaireView q = catalogue.questionnaire(s.questionnaireId());
        return new ScreeningView(
                s.id(),
                s.donorId(),
                q.profileCode(),
                q.version(),
                s.interviewedOn(),
                s.mode(),
                s.state().name(),
                s.approvalsRequired(),
                s.recordedAt(),
                s.recordedBy(),
                s.firstApprovedBy(),
                s.secondApprovedBy(),
                catalogue.answers(s.id()));
    }

    private Screening loadScreening(UUID id) {
        if (id == null) {
            throw new NotFound("donor.screening.notFound", "—");
        }
        return screenings.findById(id).orElseThrow(() -> new NotFound("donor.screening.notFound", id));
    }

    private Deferral loadDeferral(UUID id) {
        if (id == null) {
            throw new NotFound("donor.deferral.notFound", "—");
        }
        return deferrals.findById(id).orElseThrow(() -> new NotFound("donor.deferral.notFound", id));
    }

    /** Now, at the database's precision, so that a view returned now equals the one read back later. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private Donor load(UUID donorId) {
        if (donorId == null) {
            throw new NotFound("donor.notFound", "—");
        }
        return donors.findById(donorId).orElseThrow(() -> new NotFound("donor.notFound", donorId));
    }

    private void validate(NewDonor d) {
        if (d == null) {
            throw new RuleViolation("donor.details.required");
        }
        if (d.givenName() == null) {
            throw new RuleViolation("donor.givenName.required").on("givenName");
        }
        if (d.familyName() == null) {
            throw new RuleViolation("donor.familyName.required").on("familyName");
        }
        if (d.givenName().length() > MAX_NAME) {
            throw new RuleViolation("donor.name.tooLong", MAX_NAME).on("givenName");
        }
        if (d.familyName().length() > MAX_NAME) {
            throw new RuleViolation("donor.name.tooLong", MAX_NAME).on("familyName");
        }
        if (d.birthDate() != null) {
            requirePlausible(d.birthDate(), "birthDate");
            LocalDate today = LocalDate.now(clock);
            if (d.birthDate().isAfter(today)) {
                throw new RuleViolation("donor.birthDate.inFuture", d.birthDate()).on("birthDate");
            }
            int age = Period.between(d.birthDate(), today).getYears();
            if (age < MIN_AGE_YEARS || age > MAX_AGE_YEARS) {
                throw new RuleViolation("donor.birthDate.implausible", d.birthDate(), MIN_AGE_YEARS, MAX_AGE_YEARS)
                        .on("birthDate");
            }
        }
        if (d.phone() != null && !PHONE.matcher(d.phone()).matches()) {
            throw new RuleViolation("donor.phone.invalid", d.phone()).on("phone");
        }
        if (d.address() != null && d.address().length() > MAX_ADDRESS) {
            throw new RuleViolation("donor.address.tooLong", MAX_ADDRESS).on("address");
        }
    }

    private static void requirePlausible(LocalDate date, String field) {
        if (date != null && date.isBefore(EARLIEST_PLAUSIBLE_DATE)) {
            throw new RuleViolation("donor.date.implausible", date, EARLIEST_PLAUSIBLE_DATE).on(field);
        }
    }
}
