package org.openmilkbank.donor;

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

    /** Applies corrected details and describes each change as "field: before → after". */
    String correct(NewDonor details) {
        List<String> changes = new ArrayList<>();
        diff(changes, "given name", givenName, details.givenName());
        diff(changes, "family name", familyName, details.familyName());
        diff(changes, "birth date", birthDate, details.birthDate());
        diff(changes, "phone", phone, details.phone());
        diff(changes, "address", address, details.address());
        apply(details);
        return String.join("; ", changes);
    }

    private static void diff(List<String> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + (before == null ? "—" : before) + " → " + (after == null ? "—" : after));
        }
    }

    private void apply(NewDonor details) {
        this.givenName = details.givenName();
        this.familyName = details.familyName();
        this.birthDate = details.birthDate();
        this.phone = details.phone();
        this.address = details.address();
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

    DonorView view() {
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
                registeredBy);
    }
}
