package org.openmilkbank.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The bank's clock in a browser test: real time, moved forward when the test lets time pass (a pasteurisation run
 * takes over an hour after its pool was made). It only ever moves forward, so every time the application saw stays
 * in its past.
 */
public final class TestClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Duration> ahead;

    private TestClock(ZoneId zone, AtomicReference<Duration> ahead) {
        this.zone = zone;
        this.ahead = ahead;
    }

    /** Lets that much time pass for the application. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the bank's clock only moves forward");
        }
        ahead.accumulateAndGet(duration, Duration::plus);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(other, ahead);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock(@Value("${openmilkbank.time-zone:}") String zone) {
            return new TestClock(
                    zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone), new AtomicReference<>(Duration.ZERO));
        }
    }
}
