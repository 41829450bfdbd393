package org.openmilkbank.equipment.log;

import java.time.ZoneId;
import java.util.List;

/**
 * How one logger model writes its CSV: the delimiter, the row of the column names (rows above it are the logger's
 * preamble), the time column and how its times are written, in which time zone, and one column per probe.
 *
 * @param timeFormat {@code ISO}, {@code EPOCH_SECONDS} or a pattern such as {@code dd/MM/yyyy HH:mm:ss}
 * @param fahrenheit the logger writes °F (converted to °C on import)
 * @param decimalComma numbers are written {@code 63,2}
 */
public record LoggerLayout(
        String name,
        String model,
        char delimiter,
        int headerRow,
        String timeColumn,
        String timeFormat,
        ZoneId zone,
        List<Probe> probes,
        boolean fahrenheit,
        boolean decimalComma) {

    public static final String ISO = "ISO";
    public static final String EPOCH_SECONDS = "EPOCH_SECONDS";

    /** A probe's column in the file and the label the run's readings carry. */
    public record Probe(String column, String label) {}
}
