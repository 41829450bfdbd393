package org.openmilkbank.donor;

import java.time.LocalDate;
import java.util.UUID;

/** A donor in a work list: her code and name, her status on the list's date, and the date that matters. */
public record WorkListRow(
        UUID donorId,
        String code,
        String fullName,
        DonorStatus status,
        LocalDate due,
        org.openmilkbank.shared.Said detail) {}
