package org.openmilkbank.reporting.dhis2.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The page forms that are not settings. */
final class Dhis2Bodies {

    private Dhis2Bodies() {}

    /** A month pushed, as a dry run or for real. */
    record PushForm(
            @NotBlank @Size(max = 7) String month, @NotNull Boolean dryRun) {}
}
