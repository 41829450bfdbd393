package org.openmilkbank.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final SignInThrottle throttle =
            new SignInThrottle(new SignInThrottle.Limits(3, 5, Duration.ofMinutes(1), Duration.ofMinutes(10)), clock);

    @Test
    void locksAnAccountAfterARunOfFailures() {
        throttle.failed("lan", "10.0.0.1");
        throttle.failed("lan", "10.0.0.2");
        assertThat(throttle.lockedUntil("lan", "10.0.0.3")).isEmpty();
        throttle.failed("LAN", "10.0.0.3");
        assertThat(throttle.lockedUntil("lan", "10.0.0.9")).contains(clock.now.plus(Duration.ofMinutes(1)));
        assertThat(throttle.lockedAccounts()).extracting(SignInLock::username).containsExactly("lan");
    }

    @Test
    void eachFurtherLockLastsTwiceAsLongUpToTheCeiling() {
        for (int lock = 1; lock <= 6; lock++) {
            for (int i = 0; i < 3; i++) {
                throttle.failed("lan", "10.0.0." + lock);
            }
            Duration expected = Duration.ofMinutes(Math.min(10, 1L << (lock - 1)));
            assertThat(throttle.lockedUntil("lan", null)).contains(clock.now.plus(expected));
            clock.now = clock.now.plus(expected);
            assertThat(throttle.lockedUntil("lan", null)).isEmpty();
        }
    }

    @Test
    void locksAnAddressThatTriesManyAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.9.9.9");
        }
        assertThat(throttle.lockedUntil("someone-else", "10.9.9.9")).isPresent();
        assertThat(throttle.lockedUntil("someone-else", "10.9.9.8")).isEmpty();
    }

    @Test
    void aSuccessForgetsTheFailuresAndAnUnlockLiftsTheLock() {
        throttle.failed("lan", "10.0.0.1");
        throttle.failed("lan", "10.0.0.1");
        throttle.succeeded("lan", "10.0.0.1");
        throttle.failed("lan", "10.0.0.1");
        assertThat(throttle.lockedUntil("lan", "10.0.0.1")).isEmpty();

        throttle.failed("lan", "10.0.0.1");
        throttle.failed("lan", "10.0.0.1");
        assertThat(throttle.lockedUntil("lan", null)).isPresent();
        assertThat(throttle.unlock("lan")).isTrue();
        assertThat(throttle.lockedUntil("lan", null)).isEmpty();
        assertThat(throttle.lockedAccounts()).isEmpty();
    }
}
