package org.openmilkbank.network;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a bank sends its hub to enrol, signed with the key it carries: its facility code, its public key (X.509,
 * base64) and the one-time code the coordinator gave it.
 */
public record EnrolmentRequest(
        @NotBlank @Size(max = 32) String facilityCode,
        @NotBlank @Size(max = 200) String publicKey,
        @NotBlank @Size(max = 64) String code) {}
