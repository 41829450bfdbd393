package org.openmilkbank.standards;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmilkbank.shared.NameOrder;

/**
 * A standard's rules as typed values: what every other module asks instead of hard-coding a number.
 * Immutable; a change of profile is a new instance.
 */
public final class StandardProfile {

    private final String code;
    private final String name;
    private final String description;
    private final Map<Parameter, String> values;
    /** The built-in standard a bank's own profile was derived from; null for a built-in standard. */
    private final String derivedFrom;

    StandardProfile(String code, String name, String description, Map<Parameter, String> values) {
        this(code, name, description, values, null);
    }

    StandardProfile(String code, String name, String description, Map<Parameter, String> values, String derivedFrom) {
        this.derivedFrom = derivedFrom;
        this.code = code;
        this.name = name;
        this.description = description;
        this.values = values.isEmpty() ? new EnumMap<>(Parameter.class) : new EnumMap<>(values);
        this.values.forEach(Parameter::checkType);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** A bank's own profile, derived from a built-in standard (read-only) and edited by the bank. */
    public boolean bankOwn() {
        return derivedFrom != null;
    }

    /** The built-in standard this profile was derived from, if it is a bank's own. */
    public Optional<String> derivedFrom() {
        return Optional.ofNullable(derivedFrom);
    }

    /**
     * The built-in standard behind this profile: itself, or the one a bank's own profile came from (whose seeded
     * questionnaires and rules it follows).
     */
    public String standardCode() {
        return derivedFrom == null ? code : derivedFrom;
    }

    /** The raw text of every parameter this profile sets, in declaration order (for display). */
    public Map<Parameter, String> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public Optional<String> raw(Parameter p) {
        return Optional.ofNullable(values.get(p));
    }

    private String required(Parameter p) {
        String v = values.get(p);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("Standard profile " + code + " does not set " + p.key());
        }
        return v.strip();
    }

    public int integer(Parameter p) {
        return Integer.parseInt(required(p));
    }

    public Optional<Long> optionalLong(Parameter p) {
        return raw(p).filter(v -> !v.isBlank()).map(v -> Long.parseLong(v.strip()));
    }

    public BigDecimal decimal(Parameter p) {
        return new BigDecimal(required(p));
    }

    public boolean flag(Parameter p) {
        return Boolean.parseBoolean(required(p));
    }

    public List<String> list(Parameter p) {
        return Arrays.stream(required(p).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    // Named accessors for the rules the milk's path needs.

    public List<String> serologyPanel() {
        return list(Parameter.SEROLOGY_PANEL);
    }

    public int serologyValidDaysBeforeFirstDonation() {
        return integer(Parameter.SEROLOGY_VALID_DAYS_BEFORE_FIRST_DONATION);
    }

    public boolean preCultureRequired() {
        return flag(Parameter.PRE_CULTURE_REQUIRED);
    }

    public Optional<Long> preCultureMaxTotalCfu() {
        return optionalLong(Parameter.PRE_CULTURE_MAX_TOTAL_CFU);
    }

    public Optional<Long> preCultureMaxEnterobacteriaceaeCfu() {
        return optionalLong(Parameter.PRE_CULTURE_MAX_ENTEROBACTERIACEAE_CFU);
    }

    public Optional<Long> preCultureMaxStaphAureusCfu() {
        return optionalLong(Parameter.PRE_CULTURE_MAX_STAPH_AUREUS_CFU);
    }

    /** Colony count above which a post-pasteurisation culture fails; 0 means any growth fails. */
    public long postCultureMaxCfu() {
        return Long.parseLong(required(Parameter.POST_CULTURE_MAX_CFU));
    }

    public int rawMaxAgeDays() {
        return integer(Parameter.RAW_MAX_AGE_DAYS);
    }

    public int pasteurisedExpiryMonths() {
        return integer(Parameter.PASTEURISED_EXPIRY_MONTHS);
    }

    public ExpiryFrom pasteurisedExpiryFrom() {
        return ExpiryFrom.valueOf(required(Parameter.PASTEURISED_EXPIRY_FROM));
    }

    /** Hours a bottle thawed in a fridge stays usable. */
    public int thawedLifeHours() {
        return integer(Parameter.THAWED_LIFE_HOURS);
    }

    /** Hours a bottle thawed at room temperature stays usable; 4 h (reference section 8) when the profile is silent. */
    public int thawedRoomLifeHours() {
        return optionalLong(Parameter.THAWED_ROOM_LIFE_HOURS)
                .map(Long::intValue)
                .orElse(4);
    }

    /** Hours warmed milk stays usable; 1 h (reference section 8) when the profile is silent. */
    public int warmedLifeHours() {
        return optionalLong(Parameter.WARMED_LIFE_HOURS).map(Long::intValue).orElse(1);
    }

    /** Days ahead the expiry work list looks; 7 when the profile is silent (a bank parameter). */
    public int expiryWarningDays() {
        return optionalLong(Parameter.EXPIRY_WARNING_DAYS).map(Long::intValue).orElse(7);
    }

    /** Days of dispensing averaged for days of supply; 30 when the profile is silent (a bank parameter). */
    public int stockUseDays() {
        return optionalLong(Parameter.STOCK_USE_DAYS).map(Long::intValue).orElse(30);
    }

    public int poolMaxDonors() {
        return integer(Parameter.POOL_MAX_DONORS);
    }

    public BigDecimal holderTemperatureC() {
        return decimal(Parameter.HOLDER_TEMPERATURE_C);
    }

    public int holderMinutes() {
        return integer(Parameter.HOLDER_MINUTES);
    }

    // Cold chain from the donor to the bank.

    public int transportMaxHours() {
        return integer(Parameter.TRANSPORT_MAX_HOURS);
    }

    public BigDecimal transportFrozenMaxC() {
        return decimal(Parameter.TRANSPORT_FROZEN_MAX_C);
    }

    public boolean transportLiquidAllowed() {
        return flag(Parameter.TRANSPORT_LIQUID_ALLOWED);
    }

    public BigDecimal transportLiquidMinC() {
        return decimal(Parameter.TRANSPORT_LIQUID_MIN_C);
    }

    public BigDecimal transportLiquidMaxC() {
        return decimal(Parameter.TRANSPORT_LIQUID_MAX_C);
    }

    public int transportLiquidMaxHours() {
        return integer(Parameter.TRANSPORT_LIQUID_MAX_HOURS);
    }

    /** Different staff members who must approve a donor's screening (1 when the profile does not say). */
    public int screeningApprovalsRequired() {
        return raw(Parameter.SCREENING_APPROVALS_REQUIRED)
                .map(v -> Integer.parseInt(v.strip()))
                .orElse(1);
    }

    /** Days a negative serology result stays current while donating; 0 means no re-test. */
    public int serologyRetestIntervalDays() {
        return raw(Parameter.SEROLOGY_RETEST_INTERVAL_DAYS)
                .map(v -> Integer.parseInt(v.strip()))
                .orElse(0);
    }

    /** Age of the donor's own infant, in months, after which her milk is no longer accepted. */
    public Optional<Integer> donorInfantMaxAgeMonths() {
        return raw(Parameter.DONOR_INFANT_MAX_AGE_MONTHS).map(v -> Integer.parseInt(v.strip()));
    }

    /** The order every page, API and PDF shows a person's names in; given name first when not set. */
    public NameOrder namesOrder() {
        return raw(Parameter.NAMES_ORDER).map(v -> NameOrder.valueOf(v.strip())).orElse(NameOrder.GIVEN_FIRST);
    }

    /** The same profile with the bank's own choice of name order. */
    StandardProfile withNamesOrder(NameOrder order) {
        Map<Parameter, String> changed = new EnumMap<>(Parameter.class);
        changed.putAll(values);
        changed.put(Parameter.NAMES_ORDER, order.name());
        return new StandardProfile(code, name, description, changed, derivedFrom);
    }

    /**
     * How far back before a deferral of this category her milk is unsafe: days, {@code ALL} for all her milk, or
     * empty when the category makes no earlier milk unsafe.
     */
    public Optional<String> deferralRiskLookback(String category) {
        return raw(Parameter.DEFERRAL_RISK_LOOKBACK).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(e -> e.startsWith(category + "="))
                .map(e -> e.substring(category.length() + 1).strip())
                .findFirst();
    }

    /** Hours a culture incubates before a result without growth may be read (48 unless the profile says). */
    public int cultureMinIncubationHours() {
        return raw(Parameter.CULTURE_MIN_INCUBATION_HOURS)
                .filter(v -> !v.isBlank())
                .map(v -> Integer.parseInt(v.strip()))
                .orElse(48);
    }

    /** The temperature a culture's plates incubate at (36 °C unless the profile says). */
    public BigDecimal cultureIncubationTemperatureC() {
        return raw(Parameter.CULTURE_INCUBATION_TEMPERATURE_C)
                .filter(v -> !v.isBlank())
                .map(v -> new BigDecimal(v.strip()))
                .orElse(new BigDecimal("36"));
    }

    /** How far from the incubation temperature a recorded one may be (1 °C unless the profile says). */
    public BigDecimal cultureIncubationToleranceC() {
        return raw(Parameter.CULTURE_INCUBATION_TOLERANCE_C)
                .filter(v -> !v.isBlank())
                .map(v -> new BigDecimal(v.strip()))
                .orElse(BigDecimal.ONE);
    }

    /** The hours after the incubation starts at which plates are read, in order. */
    public List<Integer> cultureReadHours() {
        return raw(Parameter.CULTURE_READ_HOURS).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Integer::parseInt)
                .sorted()
                .toList();
    }

    /** Per organism code (or {@code ANY}), the count in CFU/mL above which a culture before pasteurisation fails. */
    public Map<String, Long> preCultureLimits() {
        return limits(Parameter.PRE_CULTURE_LIMITS);
    }

    /** Per organism code (or {@code ANY}), the count in CFU/mL above which a culture after pasteurisation fails. */
    public Map<String, Long> postCultureLimits() {
        return limits(Parameter.POST_CULTURE_LIMITS);
    }

    /** Runs counted from the last sampled run at which a run needs its own post-culture; 1: every run (the default). */
    public int postCultureEveryRuns() {
        return raw(Parameter.POST_CULTURE_EVERY_RUNS)
                .filter(v -> !v.isBlank())
                .map(v -> Integer.parseInt(v.strip()))
                .orElse(1);
    }

    /** Days after the last sampled run at which a run needs its own post-culture; 0: no day limit (the default). */
    public int postCultureEveryDays() {
        return raw(Parameter.POST_CULTURE_EVERY_DAYS)
                .filter(v -> !v.isBlank())
                .map(v -> Integer.parseInt(v.strip()))
                .orElse(0);
    }

    private Map<String, Long> limits(Parameter p) {
        Map<String, Long> limits = new java.util.LinkedHashMap<>();
        raw(p).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(e -> e.contains("="))
                .forEach(e -> limits.put(
                        e.substring(0, e.indexOf('=')).strip(),
                        Long.parseLong(e.substring(e.indexOf('=') + 1).strip())));
        return java.util.Collections.unmodifiableMap(limits);
    }

    public static StandardProfile of(String code, String name, Map<Parameter, String> values) {
        return new StandardProfile(code, name, "", values);
    }

    // Raw milk quality control; a profile that does not set them requires no check (no Dornic limit, Lucas).

    public boolean rawQcSensoryRequired() {
        return raw(Parameter.RAW_QC_SENSORY_REQUIRED)
                .map(v -> Boolean.parseBoolean(v.strip()))
                .orElse(false);
    }

    public boolean rawQcDornicRequired() {
        return raw(Parameter.RAW_QC_DORNIC_REQUIRED)
                .map(v -> Boolean.parseBoolean(v.strip()))
                .orElse(false);
    }

    /** The mean Dornic acidity a container must stay under; empty when the profile sets no limit. */
    public Optional<BigDecimal> rawQcDornicLimit() {
        return raw(Parameter.RAW_QC_DORNIC_LIMIT).filter(v -> !v.isBlank()).map(v -> new BigDecimal(v.strip()));
    }

    public CrematocritFormula rawQcCrematocritFormula() {
        return raw(Parameter.RAW_QC_CREMATOCRIT_FORMULA)
                .filter(v -> !v.isBlank())
                .map(v -> CrematocritFormula.valueOf(v.strip()))
                .orElse(CrematocritFormula.LUCAS);
    }

    /** Energy (kcal/L) below which milk is hypocaloric; empty when the profile does not class milk. */
    public Optional<Long> rawQcHypocaloricBelow() {
        return optionalLong(Parameter.RAW_QC_HYPOCALORIC_BELOW);
    }

    /** Energy (kcal/L) above which milk is hypercaloric; empty when the profile does not class milk. */
    public Optional<Long> rawQcHypercaloricAbove() {
        return optionalLong(Parameter.RAW_QC_HYPERCALORIC_ABOVE);
    }

    // Equipment: calibration and heat penetration; a profile that does not set them takes dairy practice
    // (every 182 days, ±0.5 °C) and requires no heat-penetration study.

    /** Days from a calibration to the next one due. */
    public int calibrationIntervalDays() {
        return optionalLong(Parameter.CALIBRATION_INTERVAL_DAYS)
                .map(Long::intValue)
                .orElse(182);
    }

    /** Largest error (°C, either way) a calibration test point may show. */
    public BigDecimal calibrationToleranceC() {
        return raw(Parameter.CALIBRATION_TOLERANCE_C)
                .filter(v -> !v.isBlank())
                .map(v -> new BigDecimal(v.strip()))
                .orElse(new BigDecimal("0.5"));
    }

    /** Cycles a heat-penetration study stays valid for; 0 means no study is required. */
    public int heatPenetrationEveryCycles() {
        return optionalLong(Parameter.HEAT_PENETRATION_EVERY_CYCLES)
                .map(Long::intValue)
                .orElse(0);
    }

    /** A recorded deviation above this percentage voids the heat-penetration study. */
    public int heatPenetrationMaxDeviationPercent() {
        return optionalLong(Parameter.HEAT_PENETRATION_MAX_DEVIATION_PERCENT)
                .map(Long::intValue)
                .orElse(10);
    }

    // HTST (high temperature, short time); a profile that does not set them allows no HTST run.

    /** Whether HTST runs are allowed. */
    public boolean htstAllowed() {
        return raw(Parameter.HTST_ALLOWED)
                .map(v -> Boolean.parseBoolean(v.strip()))
                .orElse(false);
    }

    /**
     * Whether a run must name a registered pasteuriser (true when the profile does not say: a device whose
     * calibration cannot be known cannot accept a run).
     */
    public boolean registeredPasteuriserRequired() {
        return raw(Parameter.REGISTERED_PASTEURISER_REQUIRED)
                .map(v -> Boolean.parseBoolean(v.strip()))
                .orElse(true);
    }

    /** The lowest hold temperature of an HTST run (72 °C when the profile does not say). */
    public BigDecimal htstTemperatureC() {
        return raw(Parameter.HTST_TEMPERATURE_C)
                .filter(v -> !v.isBlank())
                .map(v -> new BigDecimal(v.strip()))
                .orElse(new BigDecimal("72.0"));
    }

    /** The shortest hold of an HTST run in seconds (15 when the profile does not say). */
    public int htstMinSeconds() {
        return raw(Parameter.HTST_MIN_SECONDS)
                .filter(v -> !v.isBlank())
                .map(v -> Integer.parseInt(v.strip()))
                .orElse(15);
    }

    // The measured curve of a pasteuriser cycle (pasteurization.curve).

    public BigDecimal holderCeilingC() {
        return decimal(Parameter.HOLDER_CEILING_C);
    }

    /** Whether a dip below the holder temperature during the hold restarts the count (else it fails the run). */
    public boolean holderDipRestarts() {
        return flag(Parameter.HOLDER_DIP_RESTARTS);
    }

    public int holderMaxHeatingMinutes() {
        return integer(Parameter.HOLDER_MAX_HEATING_MINUTES);
    }

    public BigDecimal holderCoolingTargetC() {
        return decimal(Parameter.HOLDER_COOLING_TARGET_C);
    }

    public int holderCoolingMinutes() {
        return integer(Parameter.HOLDER_COOLING_MINUTES);
    }

    public int curveMaxGapLoggerMinutes() {
        return integer(Parameter.CURVE_MAX_GAP_LOGGER_MINUTES);
    }

    public int curveMaxGapSheetMinutes() {
        return integer(Parameter.CURVE_MAX_GAP_SHEET_MINUTES);
    }
}
