package org.openmilkbank.donor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.openmilkbank.shared.NameOrder;
import org.openmilkbank.shared.PersonName;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;

/** A registered donor. Details are corrected with a reason, never deleted. */
@Entity
@Table(name = "donor")
class Donor {

    @Id
    private UUID id;

    @Column(name = "donor_code", nullable = false, unique = true)
    private String donorCode;

    @Column(name = "given_name", nullable = false)
    private String givenName;

    @Column(name = "family_name", nullable = false)
    private String familyName;

    /** Written by the database (V13): her names without accents or case, for search; never set here. */
    @Column(name = "name_key", insertable = false, updatable = false)
    private String nameKey;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    private String phone;

    private String address;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "registered_by", nullable = false)
    private String registeredBy;

    @Column(name = "first_donation_on")
    private LocalDate firstDonationOn;

    @Column(name = "preferred_language")
    private String preferredLanguage;

    @Column(name = "infant_birth_date")
    private LocalDate infantBirthDate;

    @Column(name = "infant_gestation_weeks")
    private Integer infantGestationWeeks;

    @Enumerated(EnumType.STRING)
    @Column(name = "recruited_in")
    private Recruitment recruitedIn;

    @Column(name = "consent_on")
    private LocalDate consentOn;

    @Column(name = "consent_scope")
    private String consentScope;

    @Column(name = "retired_on")
    private LocalDate retiredOn;

    @Column(name = "retire_reason")
    private String retireReason;

    @Version
    private long version;

    protected Donor() {}

    Donor(String donorCode, NewDonor details, Instant now, String actor) {
        this.id = UUID.randomUUID();
        this.donorCode = donorCode;
        this.registeredAt = now;
        this.registeredBy = actor;
        apply(details);
    }

    /** Applies corrected details and says each change as data: field, before, after. */
    List<Said> correct(NewDonor details) {
        List<Said> changes = new ArrayList<>();
        diff(changes, "givenName", givenName, details.givenName());
        diff(changes, "familyName", familyName, details.familyName());
        diff(changes, "birthDate", birthDate, details.birthDate());
        diff(changes, "phone", phone, details.phone());
        diff(changes, "address", address, details.address());
        apply(details);
        return changes;
    }

    private static void diff(List<Said> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(Said.of("donor.history.change", Said.code("donor.history.field." + field), before, after));
        }
    }

    private void apply(NewDonor details) {
        this.givenName = details.givenName();
        this.familyName = details.familyName();
        this.birthDate = details.birthDate();
        this.phone = details.phone();
        this.address = details.address();
    }

    /** Records her background and says each change as data: field, before, after. */
    List<Said> background(DonorBackground b) {
        List<Said> changes = new ArrayList<>();
        diff(changes, "preferredLanguage", preferredLanguage, b.preferredLanguage());
        diff(changes, "infantBirthDate", infantBirthDate, b.infantBirthDate());
        diff(changes, "gestationWeeks", infantGestationWeeks, b.infantGestationWeeks());
        diff(changes, "recruitedIn", recruitedIn, b.recruitedIn());
        diff(changes, "consentOn", consentOn, b.consentOn());
        diff(changes, "consentScope", consentScope, b.consentScope());
        this.preferredLanguage = b.preferredLanguage();
        this.infantBirthDate = b.infantBirthDate();
        this.infantGestationWeeks = b.infantGestationWeeks();
        this.recruitedIn = b.recruitedIn();
        this.consentOn = b.consentOn();
        this.consentScope = b.consentScope();
        return changes;
    }

    void retire(LocalDate on, String reason) {
        if (retiredOn != null) {
            throw new RuleViolation("donor.retire.already", retiredOn);
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        this.retiredOn = on;
        this.retireReason = reason.strip();
    }

    LocalDate retiredOn() {
        return retiredOn;
    }

    LocalDate infantBirthDate() {
        return infantBirthDate;
    }

    /** Keeps the earliest expression date of any milk received; true when it changed. */
    boolean donated(LocalDate expressedOn) {
        if (firstDonationOn == null || expressedOn.isBefore(firstDonationOn)) {
            firstDonationOn = expressedOn;
            return true;
        }
        return false;
    }

    UUID id() {
        return id;
    }

    LocalDate firstDonationOn() {
        return firstDonationOn;
    }

    String code() {
        return donorCode;
    }

    String retireReason() {
        return retireReason;
    }

    /** Her record as pages and other modules see it, her name written in the bank's order. */
    DonorView view(NameOrder order) {
        return new DonorView(
                id,
                donorCode,
                givenName,
                familyName,
                birthDate,
                phone,
                address,
                firstDonationOn,
                registeredAt,
                registeredBy,
                preferredLanguage,
                infantBirthDate,
                infantGestationWeeks,
                recruitedIn,
                consentOn,
                consentScope,
                retiredOn,
                retireReason,
                PersonName.of(givenName, familyName, order));
    }
}
