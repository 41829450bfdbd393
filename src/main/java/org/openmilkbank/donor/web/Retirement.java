package org.openmilkbank.donor.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.openmilkbank.shared.TextLimits;

/** She stops donating from {@code on} (today when empty): the page's form and the API's body. */
public record Retirement(
        LocalDate on,
        @NotBlank @Size(max = TextLimits.REASON) String reason) {}
