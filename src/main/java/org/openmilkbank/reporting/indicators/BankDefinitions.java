package org.openmilkbank.reporting.indicators;

import java.util.List;
import java.util.Map;

/**
 * What makes the bank's indicators comparable with another bank's: the standard profile it follows and the
 * parameters of it that shape the indicators' definitions, as they stand today.
 *
 * @param profileCode the profile in force ({@code HMBANA}, {@code NICE} or one the bank added)
 * @param profileVersion a fingerprint of the profile's parameters in force (the first 12 hex digits of the SHA-256 of
 *     every {@code key=value}, sorted): it changes whenever a parameter changes
 * @param parameters the parameters that shape definitions, by key ({@code orders.criteria.below-weeks} is the
 *     preterm cut-off: donor milk is for infants born before it), values as stored
 * @param gestationalAgeCutOffs the weeks the recipients' gestational-age bands start at ({@code GA_28_31} …)
 */
public record BankDefinitions(
        String profileCode,
        String profileVersion,
        Map<String, String> parameters,
        List<Integer> gestationalAgeCutOffs) {

    /** The parameters of a profile that shape the indicators' definitions. */
    public static final List<String> SHAPING = List.of(
            "orders.criteria.below-weeks",
            "orders.criteria.below-grams",
            "pre-culture.required",
            "pre-culture.limits",
            "pre-culture.max-total-cfu",
            "post-culture.limits",
            "post-culture.max-cfu",
            "raw-qc.dornic.limit",
            "holder.temperature-c",
            "holder.minutes",
            "stock.use-days");

    /** The parameter that says which infants count as preterm for donor milk (born before it, in weeks). */
    public static final String PRETERM_BELOW_WEEKS = "orders.criteria.below-weeks";

    public BankDefinitions {
        parameters = Map.copyOf(parameters);
        gestationalAgeCutOffs = List.copyOf(gestationalAgeCutOffs);
    }
}
