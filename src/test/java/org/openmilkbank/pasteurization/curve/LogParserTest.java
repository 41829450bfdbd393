package org.openmilkbank.pasteurization.curve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openmilkbank.equipment.log.LogParser;
import org.openmilkbank.equipment.log.LoggerLayout;
import org.openmilkbank.equipment.log.Reading;
import org.openmilkbank.shared.RuleViolation;

class LogParserTest {

    @Test
    void readsAControlBottleLoggerWithIsoTimes() {
        LogParser.Parsed p = LogParser.parse(Logs.bytes(Logs.controlBottle(90)), Logs.CONTROL_BOTTLE);

        assertThat(p.rows()).isEqualTo(90);
        assertThat(p.readings()).hasSize(90);
        assertThat(p.readings().get(0))
                .isEqualTo(
                        new Reading("Control bottle", Instant.parse("2026-03-04T08:00:00Z"), new BigDecimal("20.0")));
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void readsATenProbeLoggerWithAPreambleLocalTimesAndDecimalCommas() {
        LogParser.Parsed p = LogParser.parse(Logs.bytes(Logs.tenProbes(90)), Logs.TEN_PROBES);

        assertThat(p.readings()).hasSize(900);
        // 08:00 in São Paulo is 11:00 UTC
        assertThat(p.readings().get(0).at()).isEqualTo(Instant.parse("2026-03-04T11:00:00Z"));
        assertThat(p.readings()).extracting(Reading::probe).contains("Probe 1", "Probe 10");
        CurveVerdict v = CurveJudge.judge(
                p.readings(),
                ReadingSource.LOGGER,
                Curves.HOLDER,
                Map.of(),
                List.of(),
                Optional.empty(),
                new Load(10, 1000));
        assertThat(v.passed()).as("%s", v.rules()).isTrue();
    }

    @Test
    void convertsFahrenheit() {
        LoggerLayout f = new LoggerLayout(
                "F",
                "F",
                ',',
                1,
                "Timestamp",
                LoggerLayout.ISO,
                java.time.ZoneId.of("UTC"),
                List.of(new LoggerLayout.Probe("Temp", "P")),
                true,
                false);

        LogParser.Parsed p = LogParser.parse(Logs.bytes("Timestamp,Temp\n2026-03-04T08:00:00Z,145.4 °F\n"), f);

        assertThat(p.readings().get(0).celsius()).isEqualByComparingTo("63.00");
    }

    @Test
    void refusesAFileWhoseStructureIsWrong() {
        assertRefused(new byte[0], "empty");
        assertRefused(Logs.bytes("  \n\n"), "empty");
        assertRefused(new byte[] {0x50, 0x4b, 0x03, 0x04, 0x00, 0x00}, "notCsv");
        assertRefused(Logs.bytes("Time,Temperature\n2026-03-04T08:00:00Z,63.0\n"), "missingColumns");
        assertRefused(new byte[LogParser.MAX_BYTES + 1], "tooBig");
        assertRefused(Logs.bytes("Timestamp,Temp (°C)\n\"2026-03-04T08:00:00Z,63.0\n"), "notCsv");
        StringBuilder many = new StringBuilder("Timestamp,Temp (°C)\n");
        for (int i = 0; i < LogParser.MAX_ROWS + 5; i++) {
            many.append(Instant.parse("2026-03-04T08:00:00Z").plusSeconds(i)).append(",63.0\n");
        }
        assertRefused(Logs.bytes(many.toString()), "tooManyRows");
        assertRefused(Logs.bytes("Timestamp,Temp (°C)\n\n"), "noReadings");
    }

    @Test
    void refusesUnreadableRowsNamingEachByItsNumber() {
        String file = "Timestamp,Temp (°C)\n"
                + "2026-03-04T08:00:00Z,20.0\n"
                + "yesterday,21.0\n"
                + "2026-03-04T08:02:00Z,hot\n"
                + "2026-03-04T08:03:00Z,400\n"
                + "2026-03-04T08:04:00Z,145 F\n"
                + "2026-03-04T08:04:00Z,63.1\n"
                + "2026-03-04T08:04:00Z,63.4\n";

        assertThatThrownBy(() -> LogParser.parse(Logs.bytes(file), Logs.CONTROL_BOTTLE))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("pasteurization.curve.import.badRows");
                    assertThat(e.reasons())
                            .extracting(r -> ((org.openmilkbank.shared.Said) r).key())
                            .containsExactly(
                                    "pasteurization.curve.import.row.badTime",
                                    "pasteurization.curve.import.row.notNumber",
                                    "pasteurization.curve.import.row.impossible",
                                    "pasteurization.curve.import.row.wrongUnit",
                                    "pasteurization.curve.import.row.conflict");
                    assertThat(((org.openmilkbank.shared.Said) e.reasons().get(0)).args())
                            .startsWith(3L);
                });
    }

    @Test
    void warnsOfRepeatedRowsRowsOutOfOrderAndEmptyCells() {
        String file = "Timestamp,Temp (°C)\n"
                + "2026-03-04T08:01:00Z,21.0\n"
                + "2026-03-04T08:00:00Z,20.0\n"
                + "2026-03-04T08:00:00Z,20.0\n"
                + "2026-03-04T08:02:00Z,\n"
                + "2026-03-04T08:03:00Z,23.0\n";

        LogParser.Parsed p = LogParser.parse(Logs.bytes(file), Logs.CONTROL_BOTTLE);

        assertThat(p.readings()).extracting(Reading::at).isSorted().hasSize(3);
        assertThat(p.warnings())
                .extracting(s -> s.key())
                .containsExactly(
                        "pasteurization.curve.import.warn.duplicates",
                        "pasteurization.curve.import.warn.outOfOrder",
                        "pasteurization.curve.import.warn.emptyCells");
    }

    @Test
    void aCommaIsNotADecimalPointUnlessTheLayoutSaysSo() {
        assertRefused(Logs.bytes("Timestamp,Temp (°C)\n2026-03-04T08:00:00Z,\"63,2\"\n"), "badRows");
    }

    private static void assertRefused(byte[] file, String code) {
        assertThatThrownBy(() -> LogParser.parse(file, Logs.CONTROL_BOTTLE))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("pasteurization.curve.import." + code));
    }
}
