package org.openmilkbank.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.Said;

/**
 * The lab's day: units that wait for a culture and have no sample yet, samples incubating with the time left
 * before a negative read is allowed, samples with a set read today, and samples whose last read time has passed.
 */
public record LabWorkList(List<Due> due, List<Open> incubating, List<Open> toReadToday, List<Open> overdue) {

    /**
     * A unit under a culture hold without a sample: what to sample, since when it waits, and why the sampling plan
     * asks for it (every pool, every run, the N-th run or N days since the last sample).
     */
    public record Due(UUID unitId, String unitLabel, SamplePurpose purpose, Instant waitingSince, Said reason) {}

    /** An open sample; {@code timeLeft} is zero once a negative read is allowed; {@code nextReadAt} its next set read. */
    public record Open(SampleView sample, Duration timeLeft, Instant nextReadAt) {

        public long hoursLeft() {
            return timeLeft.toHours();
        }

        public long minutesLeft() {
            return timeLeft.toMinutesPart();
        }
    }
}
