package org.openmilkbank.pasteurization.curve;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.openmilkbank.equipment.log.LoggerLayout;
import org.openmilkbank.shared.TextLimits;

/**
 * A logger model's layout as a person types it; {@code probes} one a line, {@code column=label}. An amendment says
 * why ({@code reason}); a new layout needs none.
 */
public record LayoutForm(
        @NotBlank @Size(max = TextLimits.CODE) String name,
        @NotBlank @Size(max = TextLimits.CODE) String model,
        @NotBlank @Size(max = 1) String delimiter,
        @Min(1) @Max(50) int headerRow,
        @NotBlank @Size(max = TextLimits.CODE) String timeColumn,
        @NotBlank @Size(max = TextLimits.CODE) String timeFormat,
        @NotBlank @Size(max = TextLimits.CODE) String timeZone,
        @NotBlank @Size(max = 4000) String probes,
        boolean fahrenheit,
        boolean decimalComma,
        @Size(max = TextLimits.REASON) String reason) {

    public static LayoutForm blank() {
        return new LayoutForm("", "", ",", 1, "", LoggerLayout.ISO, "UTC", "", false, false, "");
    }
}
