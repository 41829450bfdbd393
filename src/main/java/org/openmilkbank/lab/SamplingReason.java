package org.openmilkbank.lab;

/** Why a pool or a run needs a culture sample of its own, by the profile's sampling plan. */
public enum SamplingReason {
    /** The profile cultures every pool before pasteurisation. */
    EVERY_POOL,
    /** The profile cultures every run after pasteurisation. */
    EVERY_RUN,
    /** No run has been sampled yet: the first run is. */
    FIRST_RUN,
    /** The N-th run since the last sampled run. */
    RUN_COUNT,
    /** The profile's number of days have passed since the last sampled run. */
    DAYS,
    /** The last sampled run's culture was positive: nothing may rest on it. */
    LAST_SAMPLE_POSITIVE
}
