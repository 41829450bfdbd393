package org.openmilkbank.network;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A bank the coordinator registers at the hub, waiting for enrolment: its facility code, country (ISO 3166 alpha-2),
 * region, size (litres of milk a month) and, if any, the name peers may see when the bank agrees to be named.
 */
public record NewNetworkBank(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+")
        String facilityCode,

        @NotBlank @Pattern(regexp = "[A-Za-z]{2}") String country,
        @Size(max = 200) String region,
        @NotNull @PositiveOrZero Integer sizeLitresPerMonth,
        @Size(max = 200) String displayName) {}
