package org.openmilkbank.storage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.openmilkbank.shared.TextLimits;

/** A place taken out of use, with the reason. */
public record PlaceRetirement(
        @NotBlank @Size(max = TextLimits.REASON) String reason) {}
