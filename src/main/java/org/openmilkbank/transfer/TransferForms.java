package org.openmilkbank.transfer;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.openmilkbank.shared.TextLimits;

/** The forms (and API bodies) of transfers. */
public final class TransferForms {

    private TransferForms() {}

    /**
     * A new transfer to another bank of the network.
     *
     * @param destination the destination's facility code (5 letters or digits)
     * @param reference an optional free reference, e.g. the request it answers
     */
    public record NewTransfer(
            @NotBlank @Size(max = 5) String destination,
            @Size(max = TextLimits.CODE) String reference) {}

    /** A bottle scanned into a transfer being packed, or on arrival (its DIN as scanned). */
    public record Scan(
            @NotBlank @Size(max = TextLimits.CODE) String din) {}

    /** A bottle taken out of a transfer being packed, and why. */
    public record Removal(
            @NotBlank @Size(max = TextLimits.CODE) String din,
            @NotBlank @Size(max = TextLimits.REASON) String reason) {}

    /** The transfer leaves: why it is sent and who packed it. */
    public record Dispatch(
            @NotBlank @Size(max = TextLimits.REASON) String reason,
            @NotBlank @Size(max = TextLimits.NAME) String packedBy) {}

    /** A bottle scanned on arrival with the temperature it arrived at. */
    public record Arrival(
            @NotBlank @Size(max = TextLimits.CODE) String din,

            @NotNull @DecimalMin("-90.0") @DecimalMax("60.0")
            BigDecimal temperatureC) {}
}
