package org.openmilkbank.standards;

import org.openmilkbank.shared.NameOrder;

/**
 * Every rule that differs between standards. Values live in the database per profile; this enum only says
 * what each parameter is, its type and unit, so that values are validated when read or edited.
 */
public enum Parameter {
    SEROLOGY_PANEL("serology.panel", Type.LIST, null),
    SEROLOGY_VALID_DAYS_BEFORE_FIRST_DONATION("serology.valid-days-before-first-donation", Type.INTEGER, "days"),
    PRE_CULTURE_REQUIRED("pre-culture.required", Type.BOOLEAN, null),
    PRE_CULTURE_MAX_TOTAL_CFU("pre-culture.max-total-cfu", Type.INTEGER, "CFU/mL"),
    PRE_CULTURE_MAX_ENTEROBACTERIACEAE_CFU("pre-culture.max-enterobacteriaceae-cfu", Type.INTEGER, "CFU/mL"),
    PRE_CULTURE_MAX_STAPH_AUREUS_CFU("pre-culture.max-staph-aureus-cfu", Type.INTEGER, "CFU/mL"),
    /** 0 means any growth fails. */
    POST_CULTURE_MAX_CFU("post-culture.max-cfu", Type.INTEGER, "CFU/mL"),
    RAW_MAX_AGE_DAYS("raw.max-age-days", Type.INTEGER, "days"),
    PASTEURISED_EXPIRY_MONTHS("pasteurised.expiry-months", Type.INTEGER, "months"),
    PASTEURISED_EXPIRY_FROM("pasteurised.expiry-from", Type.EXPIRY_FROM, null),
    THAWED_LIFE_HOURS("thawed.life-hours", Type.INTEGER, "hours"),
    POOL_MAX_DONORS("pool.max-donors", Type.INTEGER, "donors"),
    HOLDER_TEMPERATURE_C("holder.temperature-c", Type.DECIMAL, "°C"),
    HOLDER_MINUTES("holder.minutes", Type.INTEGER, "min"),
    /** Longest journey from pick-up to arrival at the bank for frozen milk. */
    TRANSPORT_MAX_HOURS("transport.max-hours", Type.INTEGER, "hours"),
    /** Warmest temperature a box of frozen milk may show at departure and on arrival. */
    TRANSPORT_FROZEN_MAX_C("transport.frozen-max-c", Type.DECIMAL, "°C"),
    TRANSPORT_LIQUID_ALLOWED("transport.liquid-allowed", Type.BOOLEAN, null),
    /** Only read when liquid transport is allowed. */
    TRANSPORT_LIQUID_MIN_C("transport.liquid-min-c", Type.DECIMAL, "°C"),
    TRANSPORT_LIQUID_MAX_C("transport.liquid-max-c", Type.DECIMAL, "°C"),
    TRANSPORT_LIQUID_MAX_HOURS("transport.liquid-max-hours", Type.INTEGER, "hours"),
    /** How many different staff members approve a donor's screening: 1 or 2. */
    SCREENING_APPROVALS_REQUIRED("screening.approvals-required", Type.INTEGER, "staff"),
    /** 0 means no re-test while donating. */
    SEROLOGY_RETEST_INTERVAL_DAYS("serology.retest-interval-days", Type.INTEGER, "days"),
    DONOR_INFANT_MAX_AGE_MONTHS("donor.infant-max-age-months", Type.INTEGER, "months"),
    /**
     * Per deferral category, how far back before the deferral her milk is unsafe: {@code CATEGORY=days} or
     * {@code CATEGORY=ALL}; a category not listed makes no earlier milk unsafe (only milk during it is held).
     */
    DEFERRAL_RISK_LOOKBACK("deferral.risk-lookback", Type.LIST, "days"),
    /** The order names are shown in: FAMILY_FIRST (Vietnamese, Lao) or GIVEN_FIRST; a bank may choose its own. */
    NAMES_ORDER("names.order", Type.NAME_ORDER, null),
    /** Shortest incubation of a culture before a result without growth may be read as negative. */
    CULTURE_MIN_INCUBATION_HOURS("culture.min-incubation-hours", Type.INTEGER, "hours"),
    /** The hours after the incubation starts at which the plates are read, e.g. {@code 24,48}. */
    CULTURE_READ_HOURS("culture.read-hours", Type.LIST, "hours"),
    /**
     * Per organism, the count above which a culture before pasteurisation fails: {@code ORGANISM=CFU/mL}, e.g.
     * {@code TOTAL_VIABLE_COUNT=100000}; {@code ANY} limits the largest count of anything; empty: no limits.
     */
    PRE_CULTURE_LIMITS("pre-culture.limits", Type.LIST, "CFU/mL"),
    /** As {@link #PRE_CULTURE_LIMITS}, after pasteurisation: {@code ANY=0} is "any growth fails". */
    POST_CULTURE_LIMITS("post-culture.limits", Type.LIST, "CFU/mL");

    public enum Type {
        INTEGER,
        DECIMAL,
        BOOLEAN,
        LIST,
        EXPIRY_FROM,
        NAME_ORDER
    }

    private final String key;
    private final Type type;
    private final String unit;

    Parameter(String key, Type type, String unit) {
        this.key = key;
        this.type = type;
        this.unit = unit;
    }

    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    public String unit() {
        return unit;
    }

    public static Parameter ofKey(String key) {
        for (Parameter p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown standard parameter: " + key);
    }

    /** Throws IllegalArgumentException when the text is not a value of this parameter's type. */
    void validate(String value) {
        if (value == null) {
            throw new IllegalArgumentException(key + " has no value");
        }
        switch (type) {
            case INTEGER -> {
                if (Long.parseLong(value.strip()) < 0) {
                    throw new IllegalArgumentException(key + " must not be negative");
                }
            }
            case DECIMAL -> new java.math.BigDecimal(value.strip());
            case BOOLEAN -> {
                if (!value.strip().equals("true") && !value.strip().equals("false")) {
                    throw new IllegalArgumentException(key + " must be true or false");
                }
            }
            case EXPIRY_FROM -> ExpiryFrom.valueOf(value.strip());
            case NAME_ORDER -> NameOrder.valueOf(value.strip());
            case LIST -> {}
        }
    }
}
