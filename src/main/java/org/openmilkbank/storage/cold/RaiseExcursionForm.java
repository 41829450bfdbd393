package org.openmilkbank.storage.cold;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.openmilkbank.shared.TextLimits;

/**
 * A manager raises an excursion to a stricter rule than its readings reached (a min/max thermometer's maximum whose
 * duration nobody knows, milk found soft): the rule and why.
 */
public record RaiseExcursionForm(
        @NotNull ExcursionLevel level,
        @NotBlank @Size(max = TextLimits.REASON) String reason) {}
