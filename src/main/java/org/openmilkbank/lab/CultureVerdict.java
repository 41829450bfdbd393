package org.openmilkbank.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.StandardProfile;

/**
 * A culture's verdict by the profile's per-organism limits: a count at its limit passes, one above fails. A limit
 * on {@code ANY} applies to the largest count of anything (HMBANA "any growth fails" is {@code ANY=0}, NICE
 * "more than 10 CFU/mL of anything" is {@code ANY=10}); an organism the profile limits must be counted.
 */
public final class CultureVerdict {

    /** The limit key that applies to every organism. */
    public static final String ANY = "ANY";

    /** {@code failures}: each a code ({@code lab.culture.failure}) with the organism, its count and its limit. */
    public record Result(boolean passed, List<Said> failures) {}

    private CultureVerdict() {}

    public static Result judge(SamplePurpose purpose, List<CultureCount> counts, StandardProfile profile) {
        return judge(
                counts,
                purpose == SamplePurpose.PRE_CULTURE ? profile.preCultureLimits() : profile.postCultureLimits());
    }

    public static Result judge(List<CultureCount> counts, Map<String, Long> limits) {
        if (counts == null || counts.isEmpty()) {
            throw new RuleViolation("lab.culture.count.required").on("counts");
        }
        List<Said> failures = new ArrayList<>();
        for (Map.Entry<String, Long> limit : limits.entrySet()) {
            if (ANY.equals(limit.getKey())) {
                CultureCount largest = counts.stream()
                        .max(java.util.Comparator.comparingLong(CultureCount::cfuPerMl))
                        .orElseThrow();
                if (largest.cfuPerMl() > limit.getValue()) {
                    failures.add(failure(largest, limit.getValue()));
                }
                continue;
            }
            Organism organism = Organism.valueOf(limit.getKey());
            List<CultureCount> of =
                    counts.stream().filter(c -> c.organism() == organism).toList();
            if (of.isEmpty()) {
                throw new RuleViolation("lab.culture.count.missing", Said.label(organism)).on("counts");
            }
            of.stream()
                    .filter(c -> c.cfuPerMl() > limit.getValue())
                    .forEach(c -> failures.add(failure(c, limit.getValue())));
        }
        return new Result(failures.isEmpty(), List.copyOf(failures));
    }

    /** Whether anything grew above the limits: a read that shows growth may be read before the minimum incubation. */
    static boolean grewAnything(List<CultureCount> counts) {
        return counts.stream().anyMatch(c -> c.cfuPerMl() > 0);
    }

    private static Said failure(CultureCount count, long limit) {
        Object organism = count.organism() == Organism.OTHER ? count.otherName() : Said.label(count.organism());
        return Said.of("lab.culture.failure", organism, count.cfuPerMl(), limit);
    }
}
