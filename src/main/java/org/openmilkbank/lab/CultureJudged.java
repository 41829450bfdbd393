package org.openmilkbank.lab;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.Said;

/**
 * The lab judged a culture of a unit (a pool before pasteurisation, a run after): the module that owns the unit
 * moves it on in the same transaction (a passed pool is ready, a failed one discarded; a failed run's bottles are
 * discarded). {@code failures} say why it failed, as codes with their counts and limits.
 */
public record CultureJudged(
        UUID sampleId,
        UUID unitId,
        SamplePurpose purpose,
        boolean passed,
        List<Said> failures,
        List<CultureCount> counts,
        Instant sampledAt,
        Instant judgedAt,
        String profileCode) {

    /** The end reason of a culture hold when the culture failed. */
    public static final String FAILED = "lab.culture.hold.failed";

    /** The end reason of a culture hold when the culture passed. */
    public static final String PASSED = "lab.culture.hold.passed";

    /** The largest count of the read (for summaries of a result). */
    public long largestCount() {
        return counts.stream().mapToLong(CultureCount::cfuPerMl).max().orElse(0);
    }
}
