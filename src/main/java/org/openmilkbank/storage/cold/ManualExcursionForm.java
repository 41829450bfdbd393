package org.openmilkbank.storage.cold;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.openmilkbank.shared.TextLimits;
import org.springframework.format.annotation.DateTimeFormat;

/** An excursion a manager opens by hand: from when (until when, if over), how warm, which rule it reached, why. */
public record ManualExcursionForm(
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        LocalDateTime startedAt,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endedAt,
        @NotNull @DecimalMin("-90") @DecimalMax("60") BigDecimal peakC,
        @NotNull ExcursionLevel level,
        @NotBlank @Size(max = TextLimits.REASON) String reason) {}
