package org.openmilkbank.pasteurization.curve;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openmilkbank.equipment.log.Reading;

/** Synthetic Holder curves: heating, a plateau, cooling; one reading a minute per probe. */
final class Curves {

    static final Instant START = Instant.parse("2026-03-04T08:00:00Z");

    static final CurveRules HOLDER = new CurveRules(
            "HOLDER",
            new BigDecimal("62.5"),
            30 * 60,
            new BigDecimal("64.0"),
            false,
            70,
            new BigDecimal("4.0"),
            60,
            1,
            5);

    private Curves() {}

    /** 20 min heating from 20 °C, {@code holdMinutes + 1} readings at {@code plateau}, then cooling 6 °C a minute to 3 °C. */
    static List<Reading> holder(String probe, int holdMinutes, String plateau) {
        List<Reading> r = new ArrayList<>();
        int minute = 0;
        for (; minute < 20; minute++) {
            r.add(at(probe, minute, BigDecimal.valueOf(20 + minute * 2)));
        }
        for (int i = 0; i <= holdMinutes; i++, minute++) {
            r.add(at(probe, minute, new BigDecimal(plateau)));
        }
        for (BigDecimal t = new BigDecimal(plateau).subtract(BigDecimal.valueOf(6));
                t.compareTo(new BigDecimal("3")) > 0;
                t = t.subtract(BigDecimal.valueOf(6)), minute++) {
            r.add(at(probe, minute, t));
        }
        r.add(at(probe, minute, new BigDecimal("3.0")));
        return r;
    }

    static Reading at(String probe, int minute, BigDecimal c) {
        return new Reading(probe, START.plusSeconds(minute * 60L), c);
    }

    /** The minutes (from START) at which the plateau of {@link #holder} is read. */
    static int holdStartMinute() {
        return 20;
    }
}
