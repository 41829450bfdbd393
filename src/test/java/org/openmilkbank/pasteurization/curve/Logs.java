package org.openmilkbank.pasteurization.curve;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openmilkbank.equipment.log.LoggerLayout;

/** The two seeded logger layouts and real-looking files they read. */
final class Logs {

    static final LoggerLayout CONTROL_BOTTLE = new LoggerLayout(
            "Control-bottle logger",
            "CB-1",
            ',',
            1,
            "Timestamp",
            LoggerLayout.ISO,
            ZoneId.of("UTC"),
            List.of(new LoggerLayout.Probe("Temp (°C)", "Control bottle")),
            false,
            false);

    static final LoggerLayout TEN_PROBES = new LoggerLayout(
            "10-probe logger",
            "TL-10",
            ';',
            3,
            "Date/Time",
            "dd/MM/yyyy HH:mm",
            ZoneId.of("America/Sao_Paulo"),
            tenProbes(),
            false,
            true);

    private Logs() {}

    static List<LoggerLayout.Probe> tenProbes() {
        List<LoggerLayout.Probe> p = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            p.add(new LoggerLayout.Probe("T" + i, "Probe " + i));
        }
        return p;
    }

    /** The temperature of a good Holder cycle at a minute: 20 min heating, 40 min at 63 °C, cooling to 3 °C. */
    static double holder(int minute, int probe) {
        if (minute < 21) {
            return 20 + minute * 2.1 - probe * 0.05;
        }
        if (minute <= 61) {
            return 63.0 + probe * 0.05;
        }
        return Math.max(3.0, 63.0 - (minute - 61) * 6);
    }

    static String controlBottle(int minutes) {
        StringBuilder s = new StringBuilder("Timestamp,Temp (°C)\r\n");
        ZonedDateTime t0 = ZonedDateTime.parse("2026-03-04T08:00:00Z");
        for (int m = 0; m < minutes; m++) {
            s.append(t0.plusMinutes(m).toOffsetDateTime())
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.1f", holder(m, 0)))
                    .append("\r\n");
        }
        return s.toString();
    }

    /** A control-bottle file from a start, the plateau at the temperature given. */
    static String controlBottle(java.time.Instant start, int minutes, double plateau) {
        StringBuilder s = new StringBuilder("Timestamp,Temp (°C)\r\n");
        for (int m = 0; m < minutes; m++) {
            double c = m >= 21 && m <= 61 ? plateau : holder(m, 0);
            s.append(start.plusSeconds(m * 60L))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.1f", c))
                    .append("\r\n");
        }
        return s.toString();
    }

    static String tenProbes(int minutes) {
        StringBuilder s = new StringBuilder("Logger TL-10 serial 4471\nExported 04/03/2026 12:00\nDate/Time");
        for (int i = 1; i <= 10; i++) {
            s.append(";T").append(i);
        }
        s.append('\n');
        ZonedDateTime t0 = ZonedDateTime.of(2026, 3, 4, 8, 0, 0, 0, ZoneId.of("America/Sao_Paulo"));
        DateTimeFormatter f = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
        for (int m = 0; m < minutes; m++) {
            s.append(t0.plusMinutes(m).format(f));
            for (int i = 1; i <= 10; i++) {
                s.append(';')
                        .append(String.format(Locale.ROOT, "%.2f", holder(m, i)).replace('.', ','));
            }
            s.append('\n');
        }
        return s.toString();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
