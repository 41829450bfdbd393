package org.openmilkbank.dispensing.orders;

import java.util.List;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.shared.Said;

/**
 * One reason an infant should get donor milk (reference section 9), met or not: born before the profile's weeks,
 * under its weight, at risk of NEC, after gut surgery, with heart disease. {@code said} names it with its threshold.
 */
public record Criterion(String code, Said said, boolean met) {

    /** The profile's criteria for this infant, thresholds from {@code orders.criteria.*}. */
    public static List<Criterion> of(InfantView infant, int belowWeeks, int belowGrams) {
        return List.of(
                new Criterion(
                        "weeks",
                        Said.of("dispensing.criteria.weeks", belowWeeks),
                        infant.gestationalAgeWeeks() < belowWeeks),
                new Criterion(
                        "grams",
                        Said.of("dispensing.criteria.grams", belowGrams),
                        infant.birthWeightGrams() < belowGrams),
                new Criterion("nec", Said.of("dispensing.criteria.nec"), infant.necRisk()),
                new Criterion("gut", Said.of("dispensing.criteria.gut"), infant.gutSurgery()),
                new Criterion("heart", Said.of("dispensing.criteria.heart"), infant.heartDisease()));
    }

    /** Whether any criterion is met: the infant is a candidate for donor milk. */
    public static boolean anyMet(List<Criterion> criteria) {
        return criteria.stream().anyMatch(Criterion::met);
    }
}
