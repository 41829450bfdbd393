package org.openmilkbank.storage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.openmilkbank.shared.TextLimits;

/** A place's name, purpose and capacity corrected, with the reason. */
public record PlaceAmendment(
        @NotBlank @Size(max = TextLimits.NAME) String name,
        @NotNull PlacePurpose purpose,
        @Min(1) @Max(100000) Integer capacity,
        @NotBlank @Size(max = TextLimits.REASON) String reason) {}
