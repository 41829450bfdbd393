package org.openmilkbank.donor;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A donor as the list shows her: her details and her status today. */
public record DonorListItem(@JsonUnwrapped DonorView donor, DonorStatus status) {}
