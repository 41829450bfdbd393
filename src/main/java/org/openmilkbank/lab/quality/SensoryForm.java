package org.openmilkbank.lab.quality;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The sensory check of a container, each item passed (true) or failed (false); a failure needs a note. {@code
 * reason} is only asked for when it amends a check already recorded.
 */
public record SensoryForm(
        @NotNull Boolean packagingOk,
        @NotNull Boolean dirtOk,
        @NotNull Boolean colourOk,
        @NotNull Boolean flavourOk,
        @Size(max = 1000) String note,
        @Size(max = 1000) String reason) {

    public static SensoryForm blank() {
        return new SensoryForm(null, null, null, null, null, null);
    }
}
