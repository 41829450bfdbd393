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
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Donors, their serology results, and whether their milk may be accepted on a given day. */
@Service
@Transactional
public class DonorManagement {

    public static final String RECORD_TYPE = "Donor";
    static final int MIN_AGE_YEARS = 12;
    static final int MAX_AGE_YEARS = 65;
    private static final int MAX_NAME = 100;
    private static final int MAX_ADDRESS = 300;
    private static final int MAX_LAB_REFERENCE = 100;
    private static final Pattern PHONE = Pattern.compile("[0-9+() .\\-/]{6,30}");
    private static final int SEARCH_LIMIT = 100;

    private final DonorRepository donors;
    private final SerologyResultRepository serology;
    private final Standards standards;
    private final History history;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DonorManagement(
            DonorRepository donors,
            SerologyResultRepository serology,
            Standards standards,
            History history,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.donors = donors;
        this.serology = serology;
        this.standards = standards;
        this.history = history;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public DonorView register(NewDonor donor) {
        validate(donor);
        long number =
                jdbc.sql("select nextval('donor_code_seq')").query(Long.class).single();
        Donor saved = donors.save(new Donor(String.format("D%05d", number), donor, now(), CurrentActor.username()));
        history.record(
                RECORD_TYPE,
                saved.id(),
                "registered",
                saved.view().code() + " " + saved.view().fullName());
        return saved.view();
    }

    public DonorView correct(UUID donorId, NewDonor details, String reason) {
        validate(details);
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required");
        }
        Donor donor = load(donorId);
        String changes = donor.correct(details);
        if (changes.isEmpty()) {
            throw new RuleViolation("donor.correct.nothingChanged");
        }
        history.recordCorrection(RECORD_TYPE, donorId, "details corrected", changes, reason);
        return donor.view();
    }

    public SerologyView recordSerology(
            UUID donorId, String test, LocalDate sampleDate, SerologyOutcome outcome, String labReference) {
        Donor donor = load(donorId);
        StandardProfile profile = standards.activeProfile();
        String code = test == null ? "" : test.strip().toUpperCase();
        if (!profile.serologyPanel().contains(code)) {
            throw new RuleViolation(
                    "donor.serology.testNotInPanel", code, profile.name(), String.join(", ", profile.serologyPanel()));
        }
        if (sampleDate == null) {
            throw new RuleViolation("donor.serology.sampleDateRequired");
        }
        if (sampleDate.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("donor.serology.sampleDateInFuture", sampleDate);
        }
        if (outcome == null) {
            throw new RuleViolation("donor.serology.outcomeRequired");
        }
        String reference = labReference == null || labReference.isBlank() ? null : labReference.strip();
        if (reference != null && reference.length() > MAX_LAB_REFERENCE) {
            throw new RuleViolation("donor.serology.labReferenceTooLong", MAX_LAB_REFERENCE);
        }
        SerologyResult result = serology.save(
                new SerologyResult(donor.id(), code, sampleDate, outcome, reference, now(), CurrentActor.username()));
        history.record(RECORD_TYPE, donorId, "serology recorded", result.describe());
        if (outcome == SerologyOutcome.POSITIVE) {
            events.publishEvent(new DonorMilkBlocked(
                    donorId, donor.view().code(), code + " positive, sample " + sampleDate, now()));
        }
        return result.view();
    }

    public void voidSerology(UUID resultId, String reason) {
        SerologyResult result =
                serology.findById(resultId).orElseThrow(() -> new NotFound("donor.serology.notFound", resultId));
        result.voidWith(reason, now(), CurrentActor.username());
        history.recordCorrection(RECORD_TYPE, result.donorId(), "serology voided", result.describe(), reason);
    }

    @Transactional(readOnly = true)
    public List<SerologyView> serology(UUID donorId) {
        load(donorId);
        return serology.findByDonorIdOrderBySampleDateDescRecordedAtDesc(donorId).stream()
                .map(SerologyResult::view)
                .toList();
    }

    /**
     * What reception does with milk she expressed on that day: accept when she was eligible, hold while the
     * only reasons are results still missing, reject otherwise.
     */
    @Transactional(readOnly = true)
    public AcceptanceDecision acceptanceOn(UUID donorId, LocalDate expressedOn) {
        Eligibility eligibility = eligibilityOn(donorId, expressedOn);
        if (eligibility.eligible()) {
            return new AcceptanceDecision(MilkAcceptance.ACCEPT, expressedOn, List.of());
        }
        boolean onlyPending =
                eligibility.reasons().stream().allMatch(r -> r.code().equals(EligibilityReason.MISSING));
        return new AcceptanceDecision(
                onlyPending ? MilkAcceptance.HOLD : MilkAcceptance.REJECT, expressedOn, eligibility.reasons());
    }

    @Transactional(readOnly = true)
    public Eligibility eligibilityOn(UUID donorId, LocalDate date) {
        Donor donor = load(donorId);
        if (date == null) {
            throw new RuleViolation("donor.eligibility.dateRequired");
        }
        StandardProfile profile = standards.activeProfile();
        return new EligibilityPolicy(profile.serologyPanel(), profile.serologyValidDaysBeforeFirstDonation())
                .evaluate(serology(donorId), donor.firstDonationOn(), date);
    }

    @Transactional(readOnly = true)
    public Optional<DonorView> find(UUID id) {
        return id == null ? Optional.empty() : donors.findById(id).map(Donor::view);
    }

    @Transactional(readOnly = true)
    public Optional<DonorView> findByCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return donors.findByDonorCodeIgnoreCase(code.strip()).map(Donor::view);
    }

    /** Donors whose code or name contains the query, ignoring case; a blank query lists the latest registered. */
    @Transactional(readOnly = true)
    public List<DonorView> search(String query) {
        Limit limit = Limit.of(SEARCH_LIMIT);
        if (query == null || query.isBlank()) {
            return donors.findAllByOrderByRegisteredAtDesc(limit).stream()
                    .map(Donor::view)
                    .toList();
        }
        String escaped = query.strip()
                .toLowerCase()
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_")
                .replaceAll("\\s+", " ");
        return donors.search("%" + escaped + "%", limit).stream()
                .map(Donor::view)
                .toList();
    }

    /** Milk expressed on that day was received from her: keeps the earliest such day as her first donation. */
    public void recordDonation(UUID donorId, LocalDate expressedOn) {
        if (expressedOn == null) {
            throw new RuleViolation("donor.donation.dateRequired");
        }
        Donor donor = load(donorId);
        LocalDate before = donor.firstDonationOn();
        if (donor.donated(expressedOn)) {
            history.record(
                    RECORD_TYPE,
                    donorId,
                    "first donation date set",
                    (before == null ? "—" : before.toString()) + " → " + expressedOn);
        }
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
            throw new RuleViolation("donor.givenName.required");
        }
        if (d.familyName() == null) {
            throw new RuleViolation("donor.familyName.required");
        }
        if (d.givenName().length() > MAX_NAME || d.familyName().length() > MAX_NAME) {
            throw new RuleViolation("donor.name.tooLong", MAX_NAME);
        }
        if (d.birthDate() != null) {
            LocalDate today = LocalDate.now(clock);
            if (d.birthDate().isAfter(today)) {
                throw new RuleViolation("donor.birthDate.inFuture", d.birthDate());
            }
            int age = Period.between(d.birthDate(), today).getYears();
            if (age < MIN_AGE_YEARS || age > MAX_AGE_YEARS) {
                throw new RuleViolation("donor.birthDate.implausible", d.birthDate(), MIN_AGE_YEARS, MAX_AGE_YEARS);
            }
        }
        if (d.phone() != null && !PHONE.matcher(d.phone()).matches()) {
            throw new RuleViolation("donor.phone.invalid", d.phone());
        }
        if (d.address() != null && d.address().length() > MAX_ADDRESS) {
            throw new RuleViolation("donor.address.tooLong", MAX_ADDRESS);
        }
    }
}
