package org.openmilkbank.storage.cold;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.openmilkbank.shared.TextLimits;
import org.springframework.format.annotation.DateTimeFormat;

/** A manager ends an excursion by hand: when it ended and why she knows. */
public record EndExcursionForm(
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        LocalDateTime endedAt,

        @NotBlank @Size(max = TextLimits.REASON) String reason) {}
