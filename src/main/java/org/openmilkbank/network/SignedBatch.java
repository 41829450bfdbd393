package org.openmilkbank.network;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A batch as it travels to the hub: its fields and the bank's Ed25519 signature (base64) over its canonical bytes. */
public record SignedBatch(
        @NotBlank @Size(max = 32) String facilityCode,
        @NotNull @Positive Long sequence,
        @NotNull Instant createdAt,
        @NotNull String payload,
        @NotBlank @Size(max = 64) String sha256,
        @NotBlank @Size(max = 200) String signature) {

    public static SignedBatch of(Batch batch, String signature) {
        return new SignedBatch(
                batch.facilityCode(), batch.sequence(), batch.createdAt(), batch.payload(), batch.sha256(), signature);
    }

    public Batch batch() {
        return new Batch(facilityCode, sequence, createdAt, payload, sha256);
    }
}
