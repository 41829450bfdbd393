package org.openmilkbank.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A moment the database turns into the bank's local time is the local time the bank's clock names, in any zone. */
class DatabaseZoneTests {

    @TempDir
    Path dataDir;

    @Test
    void theDatabaseAndTheClockNameTheSameLocalTimeForOffsetsAndRegions() throws Exception {
        Instant evening = Instant.parse("2026-12-04T21:14:41Z");
        List<String> zones = List.of(
                "GMT-09:00",
                "GMT+09:00",
                "+07:00",
                "-03:30",
                "+05:45",
                "UTC+14",
                "Z",
                "UTC",
                "Asia/Vientiane",
                "America/St_Johns");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, false, 0);
                Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement s = c.prepareStatement("select cast(? as timestamptz) at time zone ?")) {
            for (String id : zones) {
                ZoneId zone = ZoneId.of(id);
                s.setTimestamp(1, Timestamp.from(evening));
                s.setString(2, DatabaseZone.of(zone));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    assertThat(r.getTimestamp(1).toLocalDateTime())
                            .as(id)
                            .isEqualTo(LocalDateTime.ofInstant(evening, zone));
                }
            }
        }
    }
}
