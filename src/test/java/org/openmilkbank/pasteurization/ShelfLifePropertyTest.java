package org.openmilkbank.pasteurization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;

/** Pasteurised milk's expiry: from expression (NICE, HMBANA) or from pasteurisation (Brazil), over dates. */
class ShelfLifePropertyTest {

    static StandardProfile profile(String from, int months) {
        Map<Parameter, String> v = new EnumMap<>(Parameter.class);
        v.put(Parameter.PASTEURISED_EXPIRY_FROM, from);
        v.put(Parameter.PASTEURISED_EXPIRY_MONTHS, String.valueOf(months));
        return StandardProfile.of(from, from, v);
    }

    @Property
    void fromExpressionTheDayOfPasteurisationDoesNotMatter(
            @ForAll @IntRange(min = 0, max = 3650) int expressedDay,
            @ForAll @IntRange(min = 0, max = 365) int daysToPasteurise,
            @ForAll @IntRange(min = 1, max = 12) int months) {
        LocalDate expressed = LocalDate.of(2020, 1, 1).plusDays(expressedDay);
        LocalDate pasteurised = expressed.plusDays(daysToPasteurise);
        StandardProfile p = profile("EXPRESSION", months);
        assertThat(ShelfLife.expiresOn(expressed, pasteurised, p)).isEqualTo(expressed.plusMonths(months));
        assertThat(ShelfLife.expiresOn(expressed, expressed, p))
                .isEqualTo(ShelfLife.expiresOn(expressed, pasteurised, p));
    }

    @Property
    void fromPasteurisationItIsNeverEarlierThanFromExpression(
            @ForAll @IntRange(min = 0, max = 3650) int expressedDay,
            @ForAll @IntRange(min = 0, max = 365) int daysToPasteurise,
            @ForAll @IntRange(min = 1, max = 12) int months) {
        LocalDate expressed = LocalDate.of(2020, 1, 1).plusDays(expressedDay);
        LocalDate pasteurised = expressed.plusDays(daysToPasteurise);
        LocalDate fromPasteurisation = ShelfLife.expiresOn(expressed, pasteurised, profile("PASTEURISATION", months));
        assertThat(fromPasteurisation).isEqualTo(pasteurised.plusMonths(months));
        assertThat(fromPasteurisation)
                .isAfterOrEqualTo(ShelfLife.expiresOn(expressed, pasteurised, profile("EXPRESSION", months)));
    }
}
