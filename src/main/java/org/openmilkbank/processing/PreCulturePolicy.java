package org.openmilkbank.processing;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.StandardProfile;

/**
 * The pre-pasteurisation culture limits of the active standard (NICE: total 10^5, Enterobacteriaceae and
 * S. aureus 10^4 CFU/mL). A count at the limit passes; one above fails. A limit the profile does not set is not
 * checked; a count the profile limits must be given.
 */
final class PreCulturePolicy {

    /** The outcome: each failure is a code ({@code processing.discard.pre-culture.total}) with its count and limit. */
    record Verdict(boolean passed, List<Said> failures) {}

    static final String PRE_CULTURE = "processing.discard.pre-culture.";

    private PreCulturePolicy() {}

    static Verdict assess(PreCultureResult result, StandardProfile profile) {
        List<Said> failures = Stream.of(
                        over("total", "total count", result.totalCfu(), profile.preCultureMaxTotalCfu()),
                        over(
                                "enterobacteriaceae",
                                "Enterobacteriaceae",
                                result.enterobacteriaceaeCfu(),
                                profile.preCultureMaxEnterobacteriaceaeCfu()),
                        over(
                                "staphAureus",
                                "S. aureus",
                                result.staphAureusCfu(),
                                profile.preCultureMaxStaphAureusCfu()))
                .flatMap(Optional::stream)
                .toList();
        return failures.isEmpty() ? new Verdict(true, List.of()) : new Verdict(false, failures);
    }

    private static Optional<Said> over(String code, String organism, Long count, Optional<Long> limit) {
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        if (count == null) {
            throw new RuleViolation("processing.preCulture.countRequired", organism);
        }
        if (count > limit.get()) {
            return Optional.of(Said.of(PRE_CULTURE + code, count, limit.get()));
        }
        return Optional.empty();
    }
}
