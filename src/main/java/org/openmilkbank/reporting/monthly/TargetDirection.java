package org.openmilkbank.reporting.monthly;

/** Whether a target is met by reaching it (volume dispensed) or by staying under it (discards, near misses). */
public enum TargetDirection {
    AT_LEAST,
    AT_MOST;

    /** Whether the value meets the target; {@code null} when there is no value to judge. */
    public Boolean met(java.math.BigDecimal value, java.math.BigDecimal target) {
        if (value == null || target == null) {
            return null;
        }
        int c = value.compareTo(target);
        return this == AT_LEAST ? c >= 0 : c <= 0;
    }
}
