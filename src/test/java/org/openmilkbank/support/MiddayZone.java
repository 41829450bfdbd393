package org.openmilkbank.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.TimeZone;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs the tests in a time zone where it is about noon when they start. The fixtures date a day's work back from now
 * (milk expressed today, received four hours ago, pooled three hours ago): run in the first hours after midnight,
 * "received four hours ago" would fall on yesterday while "today" is today, and tests would fail for the hour they
 * ran at, not for what they test. The suite takes well under six hours, so no test crosses midnight. Set before any
 * application context starts, so the bank's clock and the database session take the same zone.
 */
public class MiddayZone implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("openmilkbank.test.keep-zone") != null) {
            return;
        }
        int utcHour = ZonedDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).getHour();
        // an offset from -12 h to +14 h that puts the local hour near noon
        int offset = 12 - utcHour;
        if (offset < -12) {
            offset += 24;
        }
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.ofHours(offset)));
    }
}
