package org.openmilkbank.lab;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The sampling plan as it stands today: the profile's rule, the last sampled run, runs and days since it, and when
 * the next sample is due ({@code runsLeft}: runs that may still rest on it, {@code null} with no run count;
 * {@code dueOn}: the day a run needs a sample by the days rule, {@code null} with none). {@code nextRun} is what the
 * plan would decide for a run recorded today.
 */
public record PlanState(
        String profileCode,
        SamplingPlan.Rule rule,
        int everyRuns,
        int everyDays,
        boolean preCultureEveryPool,
        UUID lastSampledRunId,
        String lastSampledRunLabel,
        LocalDate lastSampledOn,
        BasisCulture lastSampledCulture,
        Integer runsSince,
        Integer daysSince,
        Integer runsLeft,
        LocalDate dueOn,
        boolean nextRunNeedsSample,
        SamplingReason nextRunReason) {}
