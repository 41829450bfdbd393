package org.openmilkbank.donor;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The clinical record behind a hold on a donor's milk, for clinical staff only: a serology result (test, outcome,
 * sample date) or a deferral (category and the coordinator's words).
 *
 * @param ref the hold's detail reference ({@code serology:<id>}, {@code deferral:<id>})
 */
public record MilkBlockDetail(
        String ref,
        UUID donorId,
        String test,
        SerologyOutcome outcome,
        LocalDate sampleDate,
        DeferralCategory category,
        String words) {}
