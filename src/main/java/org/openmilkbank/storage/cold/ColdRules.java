package org.openmilkbank.storage.cold;

import java.math.BigDecimal;
import java.util.Optional;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;

/**
 * The excursion rules of one kind of storage unit, from the profile: an alarm above one temperature, a hold when
 * above another for longer than a time, a discard at or above a third. A room has none.
 */
public record ColdRules(BigDecimal alarmAboveC, BigDecimal holdAboveC, int holdAfterMinutes, BigDecimal discardAtC) {

    /** Whether the rules make sense together: the alarm comes first, then the hold, then the discard. */
    boolean inOrder() {
        return alarmAboveC.compareTo(holdAboveC) <= 0 && holdAboveC.compareTo(discardAtC) <= 0 && holdAfterMinutes >= 0;
    }

    /** The rules of the profile in force, refused (never half-applied) when a bank set them out of order. */
    static Optional<ColdRules> inForce(StandardProfile profile, String unitType) {
        Optional<ColdRules> rules = of(profile, unitType);
        rules.filter(r -> !r.inOrder()).ifPresent(r -> {
            throw new org.openmilkbank.shared.RuleViolation(
                    "storage.cold.rules.outOfOrder", r.alarmAboveC(), r.holdAboveC(), r.discardAtC());
        });
        return rules;
    }

    /** The rules of a storage unit of that type ({@code FREEZER}, {@code FRIDGE}); none for a room. */
    public static Optional<ColdRules> of(StandardProfile profile, String unitType) {
        return switch (unitType) {
            case "FREEZER" ->
                Optional.of(new ColdRules(
                        profile.decimal(Parameter.STORAGE_FREEZER_ALARM_ABOVE_C),
                        profile.decimal(Parameter.STORAGE_FREEZER_HOLD_ABOVE_C),
                        profile.integer(Parameter.STORAGE_FREEZER_HOLD_AFTER_MINUTES),
                        profile.decimal(Parameter.STORAGE_FREEZER_THAWED_AT_C)));
            case "FRIDGE" ->
                Optional.of(new ColdRules(
                        profile.decimal(Parameter.STORAGE_FRIDGE_ALARM_ABOVE_C),
                        profile.decimal(Parameter.STORAGE_FRIDGE_HOLD_ABOVE_C),
                        profile.integer(Parameter.STORAGE_FRIDGE_HOLD_AFTER_MINUTES),
                        profile.decimal(Parameter.STORAGE_FRIDGE_DISCARD_AT_C)));
            default -> Optional.empty();
        };
    }
}
