package org.openmilkbank.processing;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.StandardProfile;

/**
 * The pre-pasteurisation culture limits of the active standard (NICE: total 10^5, Enterobacteriaceae and
 * S. aureus 10^4 CFU/mL). A count at the limit passes; one above fails. A limit the profile does not set is not
 * checked; a count the profile limits must be given.
 */
final class PreCulturePolicy {

    /** The outcome: {@code failure} names the organism, its count and the limit when the pool must be discarded. */
    record Verdict(boolean passed, String failure) {}

    private PreCulturePolicy() {}

    static Verdict assess(PreCultureResult result, StandardProfile profile) {
        List<String> failures = Stream.of(
                        over("total count", result.totalCfu(), profile.preCultureMaxTotalCfu()),
                        over(
                                "Enterobacteriaceae",
                                result.enterobacteriaceaeCfu(),
                                profile.preCultureMaxEnterobacteriaceaeCfu()),
                        over("S. aureus", result.staphAureusCfu(), profile.preCultureMaxStaphAureusCfu()))
                .flatMap(Optional::stream)
                .toList();
        return failures.isEmpty()
                ? new Verdict(true, null)
                : new Verdict(false, "pre-pasteurisation culture: " + String.join("; ", failures));
    }

    private static Optional<String> over(String organism, Long count, Optional<Long> limit) {
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        if (count == null) {
            throw new RuleViolation("processing.preCulture.countRequired", organism);
        }
        if (count > limit.get()) {
            return Optional.of(organism + " " + count + " CFU/mL is above the limit of " + limit.get() + " CFU/mL");
        }
        return Optional.empty();
    }
}
