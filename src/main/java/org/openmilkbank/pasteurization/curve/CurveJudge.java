package org.openmilkbank.pasteurization.curve;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openmilkbank.equipment.log.Reading;
import org.openmilkbank.shared.Said;

/**
 * Judges a run by its measured curve, every rule of the profile for its method (pure: no clock, no database). The milk
 * is as cold as its coldest probe and as hot as its warmest: at each moment a probe reads, every probe counts with its
 * latest reading (a probe that has not read yet counts as cold). The hold is a run of moments at which the coldest
 * probe is at or above the holder temperature; its length is from the first to the last of those moments.
 */
public final class CurveJudge {

    static final String K = "pasteurization.curve.rule.";
    /** A passed hold shorter than the rule plus this deserves a second look. */
    static final long NARROW_HOLD_SECONDS = 120;
    /** A passed hold whose coldest reading is this close to the holder temperature deserves a second look. */
    static final BigDecimal NARROW_TEMPERATURE_C = new BigDecimal("0.2");

    private CurveJudge() {}

    /**
     * @param offsetsC per probe label, °C added to each of its readings (e.g. minus an instrument's as-found error),
     *     none for a probe not named
     * @param instruments the instruments the run relied on; empty: the rule is not checked
     * @param heatPenetration the pasteuriser's study in force; empty: the rule is not checked
     */
    public static CurveVerdict judge(
            List<Reading> readings,
            ReadingSource source,
            CurveRules rules,
            Map<String, BigDecimal> offsetsC,
            List<InstrumentCheck> instruments,
            Optional<HeatPenetrationCheck> heatPenetration,
            Load load) {
        List<RuleResult> results = new ArrayList<>();
        List<Said> secondLook = new ArrayList<>();
        Curve curve = Curve.of(readings, offsetsC == null ? Map.of() : offsetsC);
        Instant holdFrom = null;
        Instant holdUntil = null;
        BigDecimal holdColdest = null;
        long heldSeconds = 0;
        if (curve.moments.size() < 2) {
            results.add(new RuleResult(
                    CurveRule.READINGS, RuleOutcome.FAILED, Said.of(K + "readings.tooFew", readings.size())));
            for (CurveRule r : List.of(
                    CurveRule.HEATING,
                    CurveRule.HOLD,
                    CurveRule.DIP,
                    CurveRule.CEILING,
                    CurveRule.COOLING,
                    CurveRule.GAP)) {
                results.add(new RuleResult(r, RuleOutcome.NOT_CHECKED, Said.of(K + "noCurve")));
            }
        } else {
            results.add(new RuleResult(
                    CurveRule.READINGS,
                    RuleOutcome.PASSED,
                    Said.of(
                            K + "readings",
                            readings.size(),
                            curve.probes.size(),
                            minutes(curve.first(), curve.last()))));
            BigDecimal t = rules.holdTemperatureC();
            List<Segment> segments = curve.segmentsAtOrAbove(t);
            // heating: from the first reading to the coldest probe's first moment at the temperature
            if (segments.isEmpty()) {
                results.add(new RuleResult(
                        CurveRule.HEATING,
                        RuleOutcome.FAILED,
                        Said.of(K + "heating.neverReached", t, curve.warmestColdest())));
            } else {
                long heating = minutes(curve.first(), segments.get(0).from);
                results.add(new RuleResult(
                        CurveRule.HEATING,
                        heating <= rules.maxHeatingMinutes() ? RuleOutcome.PASSED : RuleOutcome.FAILED,
                        Said.of(K + "heating", heating, t, rules.maxHeatingMinutes())));
            }
            // the hold, and what a dip does
            Segment hold = null;
            int dips = 0;
            if (!segments.isEmpty()) {
                if (rules.dipRestarts()) {
                    for (Segment s : segments) {
                        if (s.seconds() >= rules.holdSeconds()) {
                            hold = s;
                            break;
                        }
                        dips++;
                    }
                    if (hold == null) {
                        dips = Math.max(0, segments.size() - 1);
                    }
                } else {
                    hold = segments.get(0);
                    dips = hold.seconds() >= rules.holdSeconds() ? 0 : segments.size() - 1;
                }
            }
            Segment shown = hold != null
                    ? hold
                    : segments.stream()
                            .max(Comparator.comparingLong(Segment::seconds))
                            .orElse(null);
            boolean held = hold != null && hold.seconds() >= rules.holdSeconds();
            if (shown == null) {
                results.add(new RuleResult(CurveRule.HOLD, RuleOutcome.FAILED, holdSaid(rules, 0, t)));
            } else {
                holdFrom = shown.from;
                holdUntil = shown.until;
                holdColdest = shown.coldest;
                heldSeconds = shown.seconds();
                results.add(new RuleResult(
                        CurveRule.HOLD,
                        held ? RuleOutcome.PASSED : RuleOutcome.FAILED,
                        holdSaid(rules, shown.seconds(), t)));
                if (held && shown.seconds() < rules.holdSeconds() + (rules.htst() ? 3 : NARROW_HOLD_SECONDS)) {
                    secondLook.add(Said.of(K + "secondLook.narrowHold"));
                }
                if (held && shown.coldest.subtract(t).compareTo(NARROW_TEMPERATURE_C) < 0) {
                    secondLook.add(Said.of(K + "secondLook.nearTemperature", shown.coldest, t));
                }
            }
            if (segments.isEmpty()) {
                results.add(new RuleResult(CurveRule.DIP, RuleOutcome.NOT_CHECKED, Said.of(K + "noHold")));
            } else if (rules.dipRestarts()) {
                results.add(new RuleResult(
                        CurveRule.DIP,
                        RuleOutcome.PASSED,
                        dips == 0 ? Said.of(K + "dip.none", t) : Said.of(K + "dip.restarted", dips, t)));
            } else {
                Segment first = segments.get(0);
                results.add(
                        dips == 0
                                ? new RuleResult(CurveRule.DIP, RuleOutcome.PASSED, Said.of(K + "dip.none", t))
                                : new RuleResult(
                                        CurveRule.DIP,
                                        RuleOutcome.FAILED,
                                        Said.of(
                                                K + "dip.failed",
                                                curve.coldestAfter(first.until),
                                                t,
                                                first.seconds() / 60)));
            }
            // the quality ceiling: the warmest reading of any probe
            Reading peak = curve.peak();
            if (rules.ceilingC() == null) {
                results.add(new RuleResult(
                        CurveRule.CEILING, RuleOutcome.NOT_CHECKED, Said.of(K + "ceiling.none", peak.celsius())));
            } else {
                boolean ok = peak.celsius().compareTo(rules.ceilingC()) <= 0;
                results.add(new RuleResult(
                        CurveRule.CEILING,
                        ok ? RuleOutcome.PASSED : RuleOutcome.FAILED,
                        Said.of(K + "ceiling", peak.celsius(), peak.probe(), rules.ceilingC())));
                if (ok && rules.ceilingC().subtract(peak.celsius()).compareTo(NARROW_TEMPERATURE_C) < 0) {
                    secondLook.add(Said.of(K + "secondLook.nearCeiling", peak.celsius(), rules.ceilingC()));
                }
            }
            // cooling: from the end of the hold until the warmest probe is at the target
            BigDecimal target = rules.coolingTargetC();
            if (shown == null) {
                results.add(new RuleResult(CurveRule.COOLING, RuleOutcome.NOT_CHECKED, Said.of(K + "noHold")));
            } else {
                Optional<Instant> cooled = curve.firstWarmestAtOrBelow(target, shown.until);
                if (cooled.isEmpty()) {
                    results.add(new RuleResult(
                            CurveRule.COOLING,
                            RuleOutcome.FAILED,
                            Said.of(K + "cooling.notReached", target, curve.lastWarmest(), rules.coolingMinutes())));
                } else {
                    long took = minutesUp(shown.until, cooled.get());
                    boolean ok = took <= rules.coolingMinutes();
                    results.add(new RuleResult(
                            CurveRule.COOLING,
                            ok ? RuleOutcome.PASSED : RuleOutcome.FAILED,
                            Said.of(K + "cooling", took, target, rules.coolingMinutes())));
                    if (ok && took * 10 > rules.coolingMinutes() * 8L) {
                        secondLook.add(Said.of(K + "secondLook.slowCooling", took, rules.coolingMinutes()));
                    }
                }
            }
            // the largest gap between two readings of one probe
            long gapSeconds = curve.largestGapSeconds();
            int limit = rules.maxGapMinutes(source);
            results.add(new RuleResult(
                    CurveRule.GAP,
                    gapSeconds <= limit * 60L ? RuleOutcome.PASSED : RuleOutcome.FAILED,
                    Said.of(K + "gap", gapSeconds, limit, Said.label(source))));
        }
        results.add(instruments(instruments));
        results.add(heatPenetration(heatPenetration, load));
        boolean passed = results.stream().noneMatch(RuleResult::failed);
        return new CurveVerdict(
                passed,
                List.copyOf(results),
                holdFrom,
                holdUntil,
                holdColdest,
                heldSeconds,
                passed ? List.copyOf(secondLook) : List.of());
    }

    private static Said holdSaid(CurveRules rules, long seconds, BigDecimal t) {
        return rules.htst()
                ? Said.of(K + "hold.htst", seconds, t, rules.holdSeconds())
                : Said.of(K + "hold", seconds / 60, t, rules.holdSeconds() / 60);
    }

    /** The rule "instruments calibrated" alone, as a typed run is judged by it too. */
    public static RuleResult instrumentsRule(List<InstrumentCheck> instruments) {
        return instruments(instruments);
    }

    /** The rule "heat-penetration study valid for this load" alone, as a typed run is judged by it too. */
    public static RuleResult heatPenetrationRule(Optional<HeatPenetrationCheck> check, Load load) {
        return heatPenetration(check, load);
    }

    private static RuleResult instruments(List<InstrumentCheck> instruments) {
        if (instruments == null || instruments.isEmpty()) {
            return new RuleResult(CurveRule.INSTRUMENTS, RuleOutcome.NOT_CHECKED, Said.of(K + "instruments.none"));
        }
        List<Said> bad = instruments.stream()
                .filter(i -> !i.good())
                .map(i -> Said.of(K + "instruments.item", i.label(), Said.code(K + "standing." + i.standing())))
                .toList();
        return bad.isEmpty()
                ? new RuleResult(
                        CurveRule.INSTRUMENTS, RuleOutcome.PASSED, Said.of(K + "instruments.good", instruments.size()))
                : new RuleResult(CurveRule.INSTRUMENTS, RuleOutcome.FAILED, Said.of(K + "instruments.bad", bad));
    }

    private static RuleResult heatPenetration(Optional<HeatPenetrationCheck> check, Load load) {
        if (check == null || check.isEmpty()) {
            return new RuleResult(
                    CurveRule.HEAT_PENETRATION, RuleOutcome.NOT_CHECKED, Said.of(K + "heatPenetration.none"));
        }
        HeatPenetrationCheck c = check.get();
        List<Said> problems = new ArrayList<>();
        if (!c.valid()) {
            problems.add(Said.of(K + "heatPenetration.invalid"));
        }
        if (c.redoEveryCycles() > 0 && c.cyclesSince() >= c.redoEveryCycles()) {
            problems.add(Said.of(K + "heatPenetration.cycles", c.cyclesSince(), c.redoEveryCycles()));
        }
        if (load != null && c.maxBottles() != null && load.bottles() > c.maxBottles()) {
            problems.add(Said.of(K + "heatPenetration.bottles", load.bottles(), c.maxBottles()));
        }
        if (load != null && c.maxVolumeMl() != null && load.volumeMl() > c.maxVolumeMl()) {
            problems.add(Said.of(K + "heatPenetration.volume", load.volumeMl(), c.maxVolumeMl()));
        }
        return problems.isEmpty()
                ? new RuleResult(CurveRule.HEAT_PENETRATION, RuleOutcome.PASSED, Said.of(K + "heatPenetration.good"))
                : new RuleResult(
                        CurveRule.HEAT_PENETRATION, RuleOutcome.FAILED, Said.of(K + "heatPenetration.bad", problems));
    }

    private static long minutes(Instant from, Instant to) {
        return Duration.between(from, to).toMinutes();
    }

    /** Whole minutes, a part minute counted as a whole one (a time limit is never met by rounding down). */
    private static long minutesUp(Instant from, Instant to) {
        long s = Duration.between(from, to).getSeconds();
        return (s + 59) / 60;
    }

    /** A stretch of moments at which the coldest probe was at or above a temperature, and its coldest reading. */
    record Segment(Instant from, Instant until, BigDecimal coldest) {
        long seconds() {
            return Duration.between(from, until).getSeconds();
        }
    }

    /** The readings as moments: at each, every probe's latest reading (with its offset); coldest and warmest. */
    static final class Curve {
        final TreeMap<String, List<Reading>> probes = new TreeMap<>();
        final List<Instant> moments = new ArrayList<>();
        final List<BigDecimal> coldest = new ArrayList<>();
        final List<BigDecimal> warmest = new ArrayList<>();
        private Reading peak;

        static Curve of(List<Reading> readings, Map<String, BigDecimal> offsets) {
            Curve c = new Curve();
            TreeSet<Instant> times = new TreeSet<>();
            for (Reading r : readings) {
                BigDecimal offset = offsets.getOrDefault(r.probe(), BigDecimal.ZERO);
                Reading shifted = new Reading(r.probe(), r.at(), r.celsius().add(offset));
                c.probes.computeIfAbsent(r.probe(), k -> new ArrayList<>()).add(shifted);
                times.add(r.at());
                if (c.peak == null || shifted.celsius().compareTo(c.peak.celsius()) > 0) {
                    c.peak = shifted;
                }
            }
            c.probes.values().forEach(l -> l.sort(Comparator.comparing(Reading::at)));
            int n = c.probes.size();
            List<List<Reading>> lists = new ArrayList<>(c.probes.values());
            int[] next = new int[n];
            BigDecimal[] latest = new BigDecimal[n];
            for (Instant t : times) {
                BigDecimal cold = null;
                BigDecimal warm = null;
                boolean everyProbe = true;
                for (int i = 0; i < n; i++) {
                    List<Reading> l = lists.get(i);
                    while (next[i] < l.size() && !l.get(next[i]).at().isAfter(t)) {
                        latest[i] = l.get(next[i]).celsius();
                        next[i]++;
                    }
                    if (latest[i] == null) {
                        everyProbe = false;
                        continue;
                    }
                    cold = cold == null || latest[i].compareTo(cold) < 0 ? latest[i] : cold;
                    warm = warm == null || latest[i].compareTo(warm) > 0 ? latest[i] : warm;
                }
                c.moments.add(t);
                // a probe that has not read yet counts as cold: the milk is not known to be hot
                c.coldest.add(everyProbe ? cold : null);
                c.warmest.add(warm);
            }
            return c;
        }

        Instant first() {
            return moments.get(0);
        }

        Instant last() {
            return moments.get(moments.size() - 1);
        }

        Reading peak() {
            return peak;
        }

        List<Segment> segmentsAtOrAbove(BigDecimal t) {
            List<Segment> segments = new ArrayList<>();
            Instant from = null;
            Instant until = null;
            BigDecimal low = null;
            for (int i = 0; i < moments.size(); i++) {
                BigDecimal c = coldest.get(i);
                if (c != null && c.compareTo(t) >= 0) {
                    if (from == null) {
                        from = moments.get(i);
                        low = c;
                    }
                    until = moments.get(i);
                    low = c.compareTo(low) < 0 ? c : low;
                } else if (from != null) {
                    segments.add(new Segment(from, until, low));
                    from = null;
                }
            }
            if (from != null) {
                segments.add(new Segment(from, until, low));
            }
            return segments;
        }

        BigDecimal warmestColdest() {
            return coldest.stream()
                    .filter(x -> x != null)
                    .max(Comparator.naturalOrder())
                    .orElse(warmest.get(0));
        }

        BigDecimal coldestAfter(Instant t) {
            int i = moments.indexOf(t) + 1;
            BigDecimal c = i < coldest.size() ? coldest.get(i) : null;
            return c == null ? warmest.get(Math.min(i, warmest.size() - 1)) : c;
        }

        Optional<Instant> firstWarmestAtOrBelow(BigDecimal target, Instant after) {
            for (int i = 0; i < moments.size(); i++) {
                if (moments.get(i).isAfter(after) && warmest.get(i).compareTo(target) <= 0) {
                    return Optional.of(moments.get(i));
                }
            }
            return Optional.empty();
        }

        BigDecimal lastWarmest() {
            return warmest.get(warmest.size() - 1);
        }

        long largestGapSeconds() {
            long largest = 0;
            for (List<Reading> l : probes.values()) {
                for (int i = 1; i < l.size(); i++) {
                    largest = Math.max(
                            largest,
                            Duration.between(l.get(i - 1).at(), l.get(i).at()).getSeconds());
                }
            }
            return largest;
        }
    }
}
