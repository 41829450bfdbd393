package org.openmilkbank.dispensing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openmilkbank.shared.NameOrder;
import org.openmilkbank.shared.PersonName;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;

/**
 * An infant on a neonatal ward who may receive donor milk. Guards its own details: plausible gestation and
 * birth weight, no dates in the future, consent not before birth. Milk is dispensed only with consent.
 */
@Entity
@Table(name = "infant")
class Infant {

    static final int MIN_WEEKS = 22;
    static final int MAX_WEEKS = 44;
    static final int MIN_WEIGHT_GRAMS = 300;
    static final int MAX_WEIGHT_GRAMS = 6000;
    /** Below these an infant is first in line when milk is short (very preterm or very low birth weight). */
    static final int PRIORITY_BELOW_WEEKS = 32;

    static final int PRIORITY_BELOW_GRAMS = 1500;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./_-]{0,39}");

    @Id
    private UUID id;

    @Column(name = "infant_code", nullable = false, unique = true)
    private String infantCode;

    @Column(name = "given_name")
    private String givenName;

    @Column(name = "family_name", nullable = false)
    private String familyName;

    /** Written by the database (V60): the names without accents or case, for search; never set here. */
    @Column(name = "name_key", insertable = false, updatable = false)
    private String nameKey;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Column(name = "gestational_age_weeks", nullable = false)
    private int gestationalAgeWeeks;

    @Column(name = "gestational_age_days", nullable = false)
    private int gestationalAgeDays;

    @Column(name = "birth_weight_grams", nullable = false)
    private int birthWeightGrams;

    @Column(nullable = false)
    private String ward;

    @Column(name = "consent_given", nullable = false)
    private boolean consentGiven;

    @Column(name = "consent_date")
    private LocalDate consentDate;

    @Column(name = "consent_recorded_by")
    private String consentRecordedBy;

    @Column(name = "nec_risk", nullable = false)
    private boolean necRisk;

    @Column(name = "gut_surgery", nullable = false)
    private boolean gutSurgery;

    @Column(name = "heart_disease", nullable = false)
    private boolean heartDisease;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "registered_by", nullable = false)
    private String registeredBy;

    @Version
    private long version;

    protected Infant() {}

    private Infant(UUID id, Instant registeredAt, String registeredBy) {
        this.id = id;
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
    }

    /** Registers an infant; refuses with a {@link RuleViolation} naming the first detail that is wrong. */
    static Infant register(NewInfant details, LocalDate today, Instant now, String actor) {
        Infant infant = new Infant(UUID.randomUUID(), now, actor);
        infant.apply(details, today);
        if (details.consent()) {
            infant.giveConsent(details.consentDate(), today, actor);
        }
        return infant;
    }

    /** Records the parents' consent, given on {@code date}. */
    void recordConsent(LocalDate date, LocalDate today, String actor) {
        if (consentGiven) {
            throw new RuleViolation("dispensing.consent.alreadyRecorded", infantCode, consentDate);
        }
        giveConsent(date, today, actor);
    }

    /**
     * Corrects the details entered at registration. Consent is corrected only when the correction gives it
     * (its date may be fixed); a correction never silently withdraws it. Returns what changed, for history.
     */
    List<String> correct(NewInfant details, LocalDate today, String actor) {
        List<String[]> before = describe();
        boolean hadConsent = consentGiven;
        LocalDate consentBefore = consentDate;
        apply(details, today);
        if (details.consent()) {
            giveConsent(details.consentDate(), today, actor);
        } else if (hadConsent) {
            checkConsentDate(consentBefore);
        }
        List<String[]> after = describe();
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!Objects.equals(before.get(i)[1], after.get(i)[1])) {
                changes.add(before.get(i)[0] + " " + before.get(i)[1] + " → " + after.get(i)[1]);
            }
        }
        return changes;
    }

    /**
     * Amends what puts her at risk (NEC, gut surgery, heart disease); returns the flags that changed, for history,
     * and refuses an amendment that changes nothing.
     */
    List<Said> amendRisks(boolean nec, boolean gut, boolean heart) {
        List<Said> changes = new ArrayList<>();
        if (nec != necRisk) {
            changes.add(Said.of("dispensing.risk.change", Said.code("dispensing.risk.nec"), Said.code(yesNo(nec))));
        }
        if (gut != gutSurgery) {
            changes.add(Said.of("dispensing.risk.change", Said.code("dispensing.risk.gut"), Said.code(yesNo(gut))));
        }
        if (heart != heartDisease) {
            changes.add(Said.of("dispensing.risk.change", Said.code("dispensing.risk.heart"), Said.code(yesNo(heart))));
        }
        if (changes.isEmpty()) {
            throw new RuleViolation("dispensing.infant.correction.nothingChanged", infantCode);
        }
        necRisk = nec;
        gutSurgery = gut;
        heartDisease = heart;
        return changes;
    }

    private static String yesNo(boolean b) {
        return b ? "common.yes" : "common.no";
    }

    boolean priority() {
        return gestationalAgeWeeks < PRIORITY_BELOW_WEEKS || birthWeightGrams < PRIORITY_BELOW_GRAMS;
    }

    /** The gate before any milk leaves the bank for this infant. */
    void checkMayReceiveMilk() {
        if (!consentGiven) {
            throw new RuleViolation("dispensing.consent.missing", infantCode);
        }
    }

    private void apply(NewInfant d, LocalDate today) {
        String code = d.infantCode() == null ? "" : d.infantCode().strip();
        if (code.isEmpty()) {
            throw new RuleViolation("dispensing.infant.code.required").on("infantCode");
        }
        if (!CODE.matcher(code).matches()) {
            throw new RuleViolation("dispensing.infant.code.invalid", code).on("infantCode");
        }
        if (d.familyName() == null || d.familyName().isBlank()) {
            throw new RuleViolation("dispensing.infant.familyName.required").on("familyName");
        }
        if (d.birthDate() == null) {
            throw new RuleViolation("dispensing.infant.birthDate.required").on("birthDate");
        }
        if (d.birthDate().isAfter(today)) {
            throw new RuleViolation("dispensing.infant.birthDate.future", d.birthDate()).on("birthDate");
        }
        if (d.gestationalAgeWeeks() == null
                || d.gestationalAgeWeeks() < MIN_WEEKS
                || d.gestationalAgeWeeks() > MAX_WEEKS) {
            throw new RuleViolation(
                            "dispensing.infant.gestationWeeks.range", d.gestationalAgeWeeks(), MIN_WEEKS, MAX_WEEKS)
                    .on("gestationalAgeWeeks");
        }
        int days = d.gestationalAgeDays() == null ? 0 : d.gestationalAgeDays();
        if (days < 0 || days > 6) {
            throw new RuleViolation("dispensing.infant.gestationDays.range", days).on("gestationalAgeDays");
        }
        if (d.birthWeightGrams() == null
                || d.birthWeightGrams() < MIN_WEIGHT_GRAMS
                || d.birthWeightGrams() > MAX_WEIGHT_GRAMS) {
            throw new RuleViolation(
                            "dispensing.infant.birthWeight.range",
                            d.birthWeightGrams(),
                            MIN_WEIGHT_GRAMS,
                            MAX_WEIGHT_GRAMS)
                    .on("birthWeightGrams");
        }
        if (d.ward() == null || d.ward().isBlank()) {
            throw new RuleViolation("dispensing.infant.ward.required").on("ward");
        }
        if (d.consent()) {
            checkConsentDate(d.consentDate(), d.birthDate(), today);
        }
        infantCode = code;
        familyName = d.familyName().strip();
        givenName = d.givenName() == null || d.givenName().isBlank()
                ? null
                : d.givenName().strip();
        birthDate = d.birthDate();
        gestationalAgeWeeks = d.gestationalAgeWeeks();
        gestationalAgeDays = days;
        birthWeightGrams = d.birthWeightGrams();
        ward = d.ward().strip();
    }

    private void giveConsent(LocalDate date, LocalDate today, String actor) {
        checkConsentDate(date, birthDate, today);
        consentGiven = true;
        consentDate = date;
        consentRecordedBy = actor;
    }

    private void checkConsentDate(LocalDate date) {
        if (date != null && date.isBefore(birthDate)) {
            throw new RuleViolation("dispensing.consent.beforeBirth", date, birthDate).on("consentDate");
        }
    }

    private static void checkConsentDate(LocalDate date, LocalDate birthDate, LocalDate today) {
        if (date == null) {
            throw new RuleViolation("dispensing.consent.date.required").on("consentDate");
        }
        if (date.isAfter(today)) {
            throw new RuleViolation("dispensing.consent.date.future", date).on("consentDate");
        }
        if (date.isBefore(birthDate)) {
            throw new RuleViolation("dispensing.consent.beforeBirth", date, birthDate).on("consentDate");
        }
    }

    private List<String[]> describe() {
        return List.of(
                new String[] {"code", infantCode},
                new String[] {"family name", familyName},
                new String[] {"given name", String.valueOf(givenName)},
                new String[] {"born", String.valueOf(birthDate)},
                new String[] {"gestation", gestationalAgeWeeks + "+" + gestationalAgeDays},
                new String[] {"birth weight", birthWeightGrams + " g"},
                new String[] {"ward", ward},
                new String[] {"consent", consentGiven ? String.valueOf(consentDate) : "none"});
    }

    /** The infant as pages and other modules see her, her name written in the bank's order. */
    InfantView view(NameOrder order) {
        return new InfantView(
                id,
                infantCode,
                familyName,
                givenName,
                birthDate,
                gestationalAgeWeeks,
                gestationalAgeDays,
                birthWeightGrams,
                ward,
                consentGiven,
                consentDate,
                consentRecordedBy,
                registeredAt,
                registeredBy,
                priority(),
                PersonName.of(givenName, familyName, order),
                necRisk,
                gutSurgery,
                heartDisease);
    }

    UUID id() {
        return id;
    }

    String infantCode() {
        return infantCode;
    }

    String familyName() {
        return familyName;
    }

    String givenName() {
        return givenName;
    }

    int birthWeightGrams() {
        return birthWeightGrams;
    }

    boolean consentGiven() {
        return consentGiven;
    }
}
