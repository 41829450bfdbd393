package org.openmilkbank.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.openmilkbank.standards.StandardProfile;

/**
 * For every profile and purpose, and every organism it limits: a count exactly at the limit passes, one above fails,
 * whatever the other counts within their limits.
 */
class CultureVerdictPropertyTest {

    record Case(StandardProfile profile, SamplePurpose purpose, String limited) {}

    @Provide
    Arbitrary<Case> limitedOrganisms() {
        List<Case> cases = new ArrayList<>();
        for (StandardProfile p : List.of(
                LabProfiles.nice(),
                LabProfiles.italy(),
                LabProfiles.france(),
                LabProfiles.hmbana(),
                LabProfiles.brazil())) {
            for (SamplePurpose purpose : SamplePurpose.values()) {
                limits(p, purpose).keySet().forEach(k -> cases.add(new Case(p, purpose, k)));
            }
        }
        return Arbitraries.of(cases);
    }

    static Map<String, Long> limits(StandardProfile p, SamplePurpose purpose) {
        return purpose == SamplePurpose.PRE_CULTURE ? p.preCultureLimits() : p.postCultureLimits();
    }

    /** Counts of every limited organism, each at {@code fraction} of its limit, the one examined at {@code its}. */
    static List<CultureCount> counts(Case c, double fraction, long its) {
        Map<String, Long> limits = limits(c.profile(), c.purpose());
        long anyLimit = limits.getOrDefault(CultureVerdict.ANY, Long.MAX_VALUE);
        List<CultureCount> counts = new ArrayList<>();
        for (Map.Entry<String, Long> e : limits.entrySet()) {
            if (e.getKey().equals(CultureVerdict.ANY)) {
                continue;
            }
            long count = e.getKey().equals(c.limited()) ? its : (long) (Math.min(e.getValue(), anyLimit) * fraction);
            counts.add(CultureCount.of(Organism.valueOf(e.getKey()), count));
        }
        if (c.limited().equals(CultureVerdict.ANY)) {
            counts.add(new CultureCount(Organism.OTHER, "CoNS", its));
        }
        return counts;
    }

    @Property
    void aCountAtItsLimitPasses(@ForAll("limitedOrganisms") Case c, @ForAll("fractions") double fraction) {
        long limit = limits(c.profile(), c.purpose()).get(c.limited());
        assertThat(CultureVerdict.judge(c.purpose(), counts(c, fraction, limit), c.profile())
                        .passed())
                .isTrue();
    }

    @Property
    void aCountOneAboveItsLimitFails(@ForAll("limitedOrganisms") Case c, @ForAll("fractions") double fraction) {
        long limit = limits(c.profile(), c.purpose()).get(c.limited());
        CultureVerdict.Result result = CultureVerdict.judge(c.purpose(), counts(c, fraction, limit + 1), c.profile());
        assertThat(result.passed()).isFalse();
        assertThat(result.failures()).isNotEmpty();
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }
}
