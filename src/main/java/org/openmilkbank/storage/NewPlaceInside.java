package org.openmilkbank.storage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.openmilkbank.shared.TextLimits;

/** A shelf (or rack), box or position inside a place; its purpose is its parent's unless given (and must match). */
public record NewPlaceInside(
        @NotBlank @Size(max = TextLimits.CODE) String code,
        @Size(max = TextLimits.NAME) String name,
        @NotNull PlaceLevel level,
        PlacePurpose purpose,
        @Min(1) @Max(100000) Integer capacity) {}
