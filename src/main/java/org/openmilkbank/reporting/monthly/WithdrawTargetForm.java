package org.openmilkbank.reporting.monthly;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Withdraw the target of an indicator (its total when {@code breakdown} is blank), with the reason. */
public record WithdrawTargetForm(
        @Size(max = 60) String breakdown,
        @NotBlank @Size(max = 500) String reason) {}
