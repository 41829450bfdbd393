package org.openmilkbank.storage.cold;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A reading typed from a storage unit's thermometer: the current temperature, the minimum and maximum it kept, and
 * when it was read (empty: now).
 */
public record ReadingForm(
        @NotNull @DecimalMin("-90") @DecimalMax("60") @Digits(integer = 3, fraction = 2)
        BigDecimal currentC,

        @DecimalMin("-90") @DecimalMax("60") @Digits(integer = 3, fraction = 2)
        BigDecimal minC,

        @DecimalMin("-90") @DecimalMax("60") @Digits(integer = 3, fraction = 2)
        BigDecimal maxC,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime readAt) {}
