package org.openmilkbank.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.openmilkbank.traceability.ExpiryMoment;

/**
 * Raw frozen milk's clock ({@code raw.max-age-days}: NICE 90, HMBANA 365 as Arkansas and Washington, Brazil 15) counts
 * from expression, and the expiry sweep and work list (which hold a container from the day after its last usable day)
 * agree with what reception and pooling accept.
 */
class RawFrozenClockPropertyTest {

    @Property
    void theSweepHoldsAContainerExactlyWhenReceptionWouldNoLongerAcceptIt(
            @ForAll @IntRange(min = 0, max = 3650) int expressedDay,
            @ForAll @IntRange(min = 0, max = 800) int ageDays,
            @ForAll("rawDays") int rawMaxAgeDays) {
        LocalDate expressed = LocalDate.of(2020, 1, 1).plusDays(expressedDay);
        LocalDate today = expressed.plusDays(ageDays);
        boolean expired = ExpiryMoment.passed(
                expressed.plusDays(rawMaxAgeDays),
                null,
                today.atStartOfDay(ZoneOffset.UTC).toInstant(),
                ZoneOffset.UTC);
        assertThat(expired).isEqualTo(!RawContainer.withinAgeLimit(expressed, today, rawMaxAgeDays));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> rawDays() {
        return net.jqwik.api.Arbitraries.of(90, 365, 15);
    }
}
