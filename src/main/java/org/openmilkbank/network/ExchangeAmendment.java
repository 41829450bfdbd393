package org.openmilkbank.network;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A change to an open request or offer: its volume and its day (needed-by or use-before), and why. */
public record ExchangeAmendment(
        @NotNull @Positive @Max(1_000_000) Integer volumeMl,
        @NotNull LocalDate day,
        @NotBlank @Size(max = 500) String reason) {}
