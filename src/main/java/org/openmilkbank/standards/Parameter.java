package org.openmilkbank.standards;

import java.math.BigDecimal;
import org.openmilkbank.shared.NameOrder;
import org.openmilkbank.shared.RuleViolation;

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
    /** A thawed bottle kept in a fridge is usable this long from its thaw (never past its frozen expiry). */
    THAWED_LIFE_HOURS("thawed.life-hours", Type.INTEGER, "hours"),
    /** A bottle thawed or kept at room temperature is usable this long from its thaw. */
    THAWED_ROOM_LIFE_HOURS("thawed.room-life-hours", Type.INTEGER, "hours"),
    /** Warmed milk is usable this long from its warming, then discarded. */
    WARMED_LIFE_HOURS("warmed.life-hours", Type.INTEGER, "hours"),
    /**
     * The bedside refusals the bank lets two nurses override with a reason (codes of {@code ward.BedsideRefusal});
     * {@code NONE}: none. A held or recalled unit, the wrong baby or expired milk is never overridden whatever it says.
     */
    BEDSIDE_OVERRIDE_REASONS("bedside.override-reasons", Type.LIST, null),
    /** The expiry work list shows units expiring within this many days (besides the expired ones). */
    EXPIRY_WARNING_DAYS("expiry.warning-days", Type.INTEGER, "days"),
    /** Days of supply divide the stock by the mean milk dispensed per day over this many days. */
    STOCK_USE_DAYS("stock.use-days", Type.INTEGER, "days"),
    /** Donor milk is for infants born before this many weeks (or under the weight below, or at risk). */
    ORDERS_CRITERIA_BELOW_WEEKS("orders.criteria.below-weeks", Type.INTEGER, "weeks"),
    /** ... or born weighing less than this. */
    ORDERS_CRITERIA_BELOW_GRAMS("orders.criteria.below-grams", Type.INTEGER, "g"),
    /** Shortage mode starts by itself when days of supply fall under this (0: only the manager's switch). */
    ORDERS_SHORTAGE_BELOW_DAYS("orders.shortage.below-days", Type.INTEGER, "days"),
    /**
     * An unused bottle the ward returns goes back into stock only when it is back within this many hours of its
     * dispatch, never thawed, in date and still frozen on arrival ({@code transport.frozen-max-c}); else it is
     * discarded. 0: returned milk is always discarded.
     */
    RETURNS_MAX_HOURS_OUT("returns.max-hours-out", Type.INTEGER, "hours"),
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
    /** Whether every received container has the sensory check (packaging, dirt, colour, off-flavour). */
    RAW_QC_SENSORY_REQUIRED("raw-qc.sensory.required", Type.BOOLEAN, null),
    /** Whether every received container has its Dornic acidity titrated. */
    RAW_QC_DORNIC_REQUIRED("raw-qc.dornic.required", Type.BOOLEAN, null),
    /** The mean Dornic acidity must be under this; a mean at or above it discards the container. */
    RAW_QC_DORNIC_LIMIT("raw-qc.dornic.limit", Type.DECIMAL, "°D"),
    /** How a crematocrit becomes fat and energy: LUCAS, WANG_FRESH or WANG_FROZEN. */
    RAW_QC_CREMATOCRIT_FORMULA("raw-qc.crematocrit.formula", Type.CREMATOCRIT_FORMULA, null),
    /** Milk below this energy is hypocaloric. */
    RAW_QC_HYPOCALORIC_BELOW("raw-qc.caloric.hypocaloric-below", Type.INTEGER, "kcal/L"),
    /** Milk above this energy is hypercaloric. */
    RAW_QC_HYPERCALORIC_ABOVE("raw-qc.caloric.hypercaloric-above", Type.INTEGER, "kcal/L"),
    /** Shortest incubation of a culture before a result without growth may be read as negative. */
    CULTURE_MIN_INCUBATION_HOURS("culture.min-incubation-hours", Type.INTEGER, "hours"),
    /** The hours after the incubation starts at which the plates are read, e.g. {@code 24,48}. */
    CULTURE_READ_HOURS("culture.read-hours", Type.LIST, "hours"),
    /** The temperature a culture's plates incubate at. */
    CULTURE_INCUBATION_TEMPERATURE_C("culture.incubation-temperature-c", Type.DECIMAL, "°C"),
    /** How far from {@link #CULTURE_INCUBATION_TEMPERATURE_C} a recorded incubation temperature may be. */
    CULTURE_INCUBATION_TOLERANCE_C("culture.incubation-tolerance-c", Type.DECIMAL, "°C"),
    /**
     * Per organism, the count above which a culture before pasteurisation fails: {@code ORGANISM=CFU/mL}, e.g.
     * {@code TOTAL_VIABLE_COUNT=100000}; {@code ANY} limits the largest count of anything; empty: no limits.
     */
    PRE_CULTURE_LIMITS("pre-culture.limits", Type.LIST, "CFU/mL"),
    /** As {@link #PRE_CULTURE_LIMITS}, after pasteurisation: {@code ANY=0} is "any growth fails". */
    POST_CULTURE_LIMITS("post-culture.limits", Type.LIST, "CFU/mL"),
    /**
     * A run needs its own post-pasteurisation culture when it is the N-th run since the last sampled run; 1 means
     * every run; 0 sets no run count (then only {@link #POST_CULTURE_EVERY_DAYS} decides, or every run if that is 0).
     */
    POST_CULTURE_EVERY_RUNS("post-culture.every-runs", Type.INTEGER, "runs"),
    /** A run needs its own post-pasteurisation culture this many days after the last sampled run; 0 sets no days. */
    POST_CULTURE_EVERY_DAYS("post-culture.every-days", Type.INTEGER, "days"),
    /** Days from a calibration to the next one due, unless the instrument sets its own interval. */
    CALIBRATION_INTERVAL_DAYS("calibration.interval-days", Type.INTEGER, "days"),
    /** Largest error (°C, either way) a test point may show against the reference, unless the instrument sets its own. */
    CALIBRATION_TOLERANCE_C("calibration.tolerance-c", Type.DECIMAL, "°C"),
    /** A pasteuriser's heat-penetration study is valid for this many cycles; 0 means no study is required. */
    HEAT_PENETRATION_EVERY_CYCLES("heat-penetration.every-cycles", Type.INTEGER, "cycles"),
    /** A recorded deviation above this percentage voids the heat-penetration study. */
    HEAT_PENETRATION_MAX_DEVIATION_PERCENT("heat-penetration.max-deviation-percent", Type.INTEGER, "%"),
    /** The lowest temperature an HTST run holds its milk at. */
    HTST_TEMPERATURE_C("htst.temperature-c", Type.DECIMAL, "°C"),
    /** The shortest time an HTST run holds its milk at that temperature. */
    HTST_MIN_SECONDS("htst.min-seconds", Type.INTEGER, "s"),
    /** Whether the profile allows HTST runs at all (the built-in standards prescribe Holder). */
    HTST_ALLOWED("htst.allowed", Type.BOOLEAN, null),
    /**
     * Whether a run must name a pasteuriser of the equipment register: only then can the calibration of what
     * measured it be known at the time of the run.
     */
    REGISTERED_PASTEURISER_REQUIRED("pasteurization.registered-pasteuriser-required", Type.BOOLEAN, null),
    /** The warmest a Holder cycle's probes may read (quality: proteins and cells suffer above it). */
    HOLDER_CEILING_C("holder.ceiling-c", Type.DECIMAL, "°C"),
    /** What a dip of the coldest probe below the holder temperature during the hold does: restart the count (true) or fail the run (false). */
    HOLDER_DIP_RESTARTS("holder.dip-restarts", Type.BOOLEAN, null),
    /** Longest the coldest probe may take from the log's first reading to reach the holder temperature. */
    HOLDER_MAX_HEATING_MINUTES("holder.max-heating-minutes", Type.INTEGER, "min"),
    /** After the hold, every probe must read at or below this ... */
    HOLDER_COOLING_TARGET_C("holder.cooling-target-c", Type.DECIMAL, "°C"),
    /** ... within this many minutes of the hold's end. */
    HOLDER_COOLING_MINUTES("holder.cooling-minutes", Type.INTEGER, "min"),
    /** Largest gap between two readings of a probe in a logger's file. */
    CURVE_MAX_GAP_LOGGER_MINUTES("curve.max-gap-logger-minutes", Type.INTEGER, "min"),
    /** Largest gap between two readings typed on the 5-minute sheet. */
    CURVE_MAX_GAP_SHEET_MINUTES("curve.max-gap-sheet-minutes", Type.INTEGER, "min"),
    /** How many times a day each freezer and fridge has its temperature read (Brazil: twice). */
    STORAGE_READINGS_PER_DAY("storage.readings-per-day", Type.INTEGER, "readings"),
    /** The hour the first reading of the day is due; the others follow evenly over the day. */
    STORAGE_FIRST_READING_HOUR("storage.first-reading-hour", Type.INTEGER, "h"),
    /** How long after it was due a reading not taken is missed. */
    STORAGE_READING_GRACE_MINUTES("storage.reading-grace-minutes", Type.INTEGER, "min"),
    /** A freezer warmer than this raises an alarm and opens an excursion. */
    STORAGE_FREEZER_ALARM_ABOVE_C("storage.freezer.alarm-above-c", Type.DECIMAL, "°C"),
    /** A freezer warmer than this ... */
    STORAGE_FREEZER_HOLD_ABOVE_C("storage.freezer.hold-above-c", Type.DECIMAL, "°C"),
    /** ... for longer than this holds everything that was inside. */
    STORAGE_FREEZER_HOLD_AFTER_MINUTES("storage.freezer.hold-after-minutes", Type.INTEGER, "min"),
    /** Any freezer reading at or above this treats the milk inside as thawed: it is discarded. */
    STORAGE_FREEZER_THAWED_AT_C("storage.freezer.thawed-at-c", Type.DECIMAL, "°C"),
    STORAGE_FRIDGE_ALARM_ABOVE_C("storage.fridge.alarm-above-c", Type.DECIMAL, "°C"),
    STORAGE_FRIDGE_HOLD_ABOVE_C("storage.fridge.hold-above-c", Type.DECIMAL, "°C"),
    STORAGE_FRIDGE_HOLD_AFTER_MINUTES("storage.fridge.hold-after-minutes", Type.INTEGER, "min"),
    /** Any fridge reading at or above this spoils the milk inside: it is discarded. */
    STORAGE_FRIDGE_DISCARD_AT_C("storage.fridge.discard-at-c", Type.DECIMAL, "°C");

    public enum Type {
        INTEGER,
        DECIMAL,
        BOOLEAN,
        LIST,
        EXPIRY_FROM,
        NAME_ORDER,
        CREMATOCRIT_FORMULA
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

    /**
     * Throws IllegalArgumentException when the text is not a value of this parameter's type (a stored value that
     * cannot be read); a value a person enters is checked by {@link #validate}.
     */
    void checkType(String value) {
        if (value == null) {
            throw new IllegalArgumentException(key + " has no value");
        }
        switch (type) {
            case INTEGER -> Long.parseLong(value.strip());
            case DECIMAL -> new BigDecimal(value.strip());
            case BOOLEAN -> {
                if (!value.strip().equals("true") && !value.strip().equals("false")) {
                    throw new IllegalArgumentException(key + " must be true or false");
                }
            }
            case EXPIRY_FROM -> ExpiryFrom.valueOf(value.strip());
            case NAME_ORDER -> NameOrder.valueOf(value.strip());
            case CREMATOCRIT_FORMULA -> CrematocritFormula.valueOf(value.strip());
            case LIST -> {}
        }
    }

    /**
     * Refuses (on the field {@code value}) a value that is not of this parameter's type or lies outside its
     * sensible range, with a message in the reader's language; returns the value as it is stored.
     */
    public String validate(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw refusal("standards.value.required");
        }
        switch (type) {
            case INTEGER -> {
                long n;
                try {
                    n = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw refusal("standards.value.notInteger", v);
                }
                inRange(BigDecimal.valueOf(n), v);
            }
            case DECIMAL -> {
                BigDecimal n;
                try {
                    n = new BigDecimal(v);
                } catch (NumberFormatException e) {
                    throw refusal("standards.value.notDecimal", v);
                }
                inRange(n, v);
                v = n.toPlainString();
            }
            case BOOLEAN -> {
                if (!v.equals("true") && !v.equals("false")) {
                    throw refusal("standards.value.notBoolean", v);
                }
            }
            case EXPIRY_FROM -> oneOf(v, ExpiryFrom.values());
            case NAME_ORDER -> oneOf(v, NameOrder.values());
            case CREMATOCRIT_FORMULA -> oneOf(v, CrematocritFormula.values());
            case LIST -> v = list(v);
        }
        return v;
    }

    /** The smallest and largest sensible value of a number parameter; empty where none is known. */
    public java.util.Optional<BigDecimal[]> range() {
        BigDecimal[] r = switch (this) {
            case HOLDER_TEMPERATURE_C -> decimals("56", "75");
            case HOLDER_MINUTES -> decimals("1", "180");
            case POOL_MAX_DONORS -> decimals("1", "100");
            case SCREENING_APPROVALS_REQUIRED -> decimals("1", "2");
            case PASTEURISED_EXPIRY_MONTHS -> decimals("1", "24");
            case RAW_MAX_AGE_DAYS -> decimals("1", "730");
            case THAWED_LIFE_HOURS -> decimals("1", "72");
            case ORDERS_CRITERIA_BELOW_WEEKS -> decimals("22", "44");
            case ORDERS_CRITERIA_BELOW_GRAMS -> decimals("300", "6000");
            case ORDERS_SHORTAGE_BELOW_DAYS -> decimals("0", "365");
            case RETURNS_MAX_HOURS_OUT -> decimals("0", "168");
            case TRANSPORT_MAX_HOURS, TRANSPORT_LIQUID_MAX_HOURS -> decimals("1", "168");
            case TRANSPORT_FROZEN_MAX_C -> decimals("-80", "0");
            case TRANSPORT_LIQUID_MIN_C, TRANSPORT_LIQUID_MAX_C -> decimals("0", "10");
            case DONOR_INFANT_MAX_AGE_MONTHS -> decimals("1", "60");
            case POST_CULTURE_EVERY_RUNS -> decimals("0", "1000");
            case POST_CULTURE_EVERY_DAYS -> decimals("0", "366");
            case CALIBRATION_INTERVAL_DAYS -> decimals("1", "1830");
            case CALIBRATION_TOLERANCE_C -> decimals("0.01", "5");
            case HEAT_PENETRATION_EVERY_CYCLES -> decimals("0", "1000");
            case HEAT_PENETRATION_MAX_DEVIATION_PERCENT -> decimals("1", "100");
            case HTST_MIN_SECONDS -> decimals("1", "300");
            case HOLDER_CEILING_C -> decimals("60", "80");
            case HOLDER_MAX_HEATING_MINUTES -> decimals("1", "240");
            case HOLDER_COOLING_TARGET_C -> decimals("0", "10");
            case HOLDER_COOLING_MINUTES -> decimals("1", "240");
            case CURVE_MAX_GAP_LOGGER_MINUTES, CURVE_MAX_GAP_SHEET_MINUTES -> decimals("1", "30");
            case HTST_TEMPERATURE_C -> decimals("65", "90");
            case CULTURE_INCUBATION_TEMPERATURE_C -> decimals("20", "45");
            case CULTURE_INCUBATION_TOLERANCE_C -> decimals("0", "5");
            case STORAGE_READINGS_PER_DAY -> decimals("1", "24");
            case STORAGE_FIRST_READING_HOUR -> decimals("0", "23");
            case STORAGE_READING_GRACE_MINUTES -> decimals("0", "720");
            case STORAGE_FREEZER_ALARM_ABOVE_C, STORAGE_FREEZER_HOLD_ABOVE_C, STORAGE_FREEZER_THAWED_AT_C ->
                decimals("-40", "0");
            case STORAGE_FRIDGE_ALARM_ABOVE_C, STORAGE_FRIDGE_HOLD_ABOVE_C, STORAGE_FRIDGE_DISCARD_AT_C ->
                decimals("0", "25");
            case STORAGE_FREEZER_HOLD_AFTER_MINUTES, STORAGE_FRIDGE_HOLD_AFTER_MINUTES -> decimals("0", "1440");
            default -> byUnit();
        };
        return java.util.Optional.ofNullable(r);
    }

    private BigDecimal[] byUnit() {
        if (unit == null) {
            return type == Type.INTEGER ? decimals("0", String.valueOf(Integer.MAX_VALUE)) : null;
        }
        return switch (unit) {
            case "days" -> decimals("0", "3650");
            case "months" -> decimals("0", "120");
            case "hours" -> decimals("0", "720");
            case "min" -> decimals("0", "600");
            case "CFU/mL" -> decimals("0", "1000000000");
            case "°C" -> decimals("-90", "150");
            default -> type == Type.INTEGER ? decimals("0", String.valueOf(Integer.MAX_VALUE)) : null;
        };
    }

    private static BigDecimal[] decimals(String min, String max) {
        return new BigDecimal[] {new BigDecimal(min), new BigDecimal(max)};
    }

    private void inRange(BigDecimal n, String typed) {
        range().ifPresent(r -> {
            if (n.compareTo(r[0]) < 0 || n.compareTo(r[1]) > 0) {
                throw refusal("standards.value.outOfRange", n, r[0], r[1]);
            }
        });
    }

    private void oneOf(String v, Enum<?>[] choices) {
        for (Enum<?> c : choices) {
            if (c.name().equals(v)) {
                return;
            }
        }
        throw refusal(
                "standards.value.notChoice",
                v,
                String.join(
                        ", ", java.util.Arrays.stream(choices).map(Enum::name).toList()));
    }

    /** Items separated by commas: codes in capitals; the risk look-back's items read CATEGORY=days or CATEGORY=ALL. */
    private String list(String v) {
        java.util.List<String> items = new java.util.ArrayList<>();
        for (String raw : v.split(",")) {
            String item = raw.strip();
            if (item.isEmpty()) {
                continue;
            }
            boolean ok = this == DEFERRAL_RISK_LOOKBACK
                    ? item.matches("[A-Z][A-Z_]*=(ALL|[0-9]{1,4})")
                    : item.matches("[A-Z0-9][A-Z0-9_-]*");
            if (!ok) {
                throw refusal(
                        this == DEFERRAL_RISK_LOOKBACK ? "standards.value.lookbackItem" : "standards.value.listItem",
                        item);
            }
            items.add(item);
        }
        if (items.isEmpty()) {
            throw refusal("standards.value.required");
        }
        return String.join(",", items);
    }

    private static RuleViolation refusal(String code, Object... args) {
        return new RuleViolation(code, args).on("value");
    }
}
