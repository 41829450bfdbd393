package org.openmilkbank.reporting.monthly;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * Set or amend the monthly target of an indicator (its total when {@code breakdown} is blank), with the reason.
 * The page's form and the API's body.
 */
public record TargetForm(
        @Size(max = 60) String breakdown,

        @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 3)
        BigDecimal value,

        @NotNull TargetDirection direction,
        @NotBlank @Size(max = 500) String reason) {}
