package org.openmilkbank.storage.cold;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.List;
import org.openmilkbank.equipment.log.LoggerLayout;
import org.openmilkbank.shared.TextLimits;
import org.springframework.web.multipart.MultipartFile;

/**
 * A freezer logger's file and how its model writes it (the layout of the pasteurisation log import): the delimiter,
 * the row of the column names, the time column and its format, the temperature column, °F, a decimal comma.
 */
public record LoggerForm(
        MultipartFile file,
        @NotBlank @Size(min = 1, max = 1) String delimiter,
        @NotNull @Min(1) @Max(50) Integer headerRow,
        @NotBlank @Size(max = TextLimits.NAME) String timeColumn,
        @NotBlank @Size(max = TextLimits.NAME) String timeFormat,
        @NotBlank @Size(max = TextLimits.NAME) String temperatureColumn,
        Boolean fahrenheit,
        Boolean decimalComma) {

    public static final String PROBE = "T";

    /** What a freezer logger writes by default: comma, names on row 1, ISO times, °C. */
    public static LoggerForm blank() {
        return new LoggerForm(null, ",", 1, "Time", LoggerLayout.ISO, "Temperature", false, false);
    }

    LoggerLayout layout(ZoneId zone) {
        return new LoggerLayout(
                "freezer",
                "freezer",
                delimiter.charAt(0),
                headerRow,
                timeColumn.strip(),
                timeFormat.strip(),
                zone,
                List.of(new LoggerLayout.Probe(temperatureColumn.strip(), PROBE)),
                Boolean.TRUE.equals(fahrenheit),
                Boolean.TRUE.equals(decimalComma));
    }
}
