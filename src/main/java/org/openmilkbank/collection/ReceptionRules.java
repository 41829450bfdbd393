package org.openmilkbank.collection;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.openmilkbank.donor.AcceptanceDecision;
import org.openmilkbank.donor.MilkAcceptance;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;

/**
 * The rules of reception for one container line. A line that cannot be true (no volume, a negative weight, an
 * expression in the future) is an input error: the whole reception is refused and nothing is saved. A real
 * container that cannot be used is a reject with its reason; milk whose donor is still pending is held.
 */
final class ReceptionRules {

    /** No single container a donor brings holds more than this; a larger number is a typing error. */
    static final int MAX_VOLUME_ML = CollectionManagement.MAX_CONTAINER_VOLUME_ML;
    /** Milk expressed before this is a mistyped year, refused rather than rejected as too old. */
    static final LocalDate EARLIEST_PLAUSIBLE_EXPRESSION = LocalDate.of(1900, 1, 1);
    /** The heaviest full container, in grams (the volume limit at milk's density, rounded up). */
    static final int MAX_WEIGHT_G = (int) Math.ceil(MAX_VOLUME_ML * ContainerIntake.MILK_DENSITY_G_PER_ML);

    /** What a donor-label barcode may hold: letters, digits and a few separators, never spaces or control codes. */
    private static final java.util.regex.Pattern LABEL_CODE =
            java.util.regex.Pattern.compile("[A-Z0-9][A-Z0-9./_-]{0,39}");

    private ReceptionRules() {}

    /**
     * The name of an input of container line {@code number} (1-based) in a reception request, as a refusal names it:
     * {@code containers[0].volumeMl}.
     */
    static String line(int number, String field) {
        return "containers[" + (number - 1) + "]." + field;
    }

    /** Refuses a line that cannot describe a real container; {@code number} is its 1-based line. */
    static void checkInput(int number, ContainerIntake intake, LocalDateTime now) {
        if (intake == null) {
            throw new RuleViolation("collection.container.missing", number);
        }
        if (intake.volumeMl() != null && intake.weightG() != null) {
            throw new RuleViolation("collection.container.volumeOrWeight", number).on(line(number, "volumeMl"));
        }
        if (intake.volumeMl() == null && intake.weightG() == null) {
            throw new RuleViolation("collection.container.volumeRequired", number).on(line(number, "volumeMl"));
        }
        if (intake.weightG() != null && (intake.weightG() <= 0 || intake.weightG() > MAX_WEIGHT_G)) {
            throw new RuleViolation("collection.container.weight", number, intake.weightG(), MAX_WEIGHT_G)
                    .on(line(number, "weightG"));
        }
        int volume = intake.resolvedVolumeMl();
        if (volume <= 0 || volume > MAX_VOLUME_ML) {
            throw new RuleViolation("collection.container.volume", number, volume, MAX_VOLUME_ML)
                    .on(line(number, intake.volumeMl() == null ? "weightG" : "volumeMl"));
        }
        String labelCode = intake.cleanLabelCode();
        if (labelCode != null && !LABEL_CODE.matcher(labelCode).matches()) {
            throw new RuleViolation("collection.container.labelCodeMalformed", number, intake.labelCode())
                    .on(line(number, "labelCode"));
        }
        LocalDate expressedOn = intake.expressedOn();
        if (expressedOn == null) {
            throw new RuleViolation("collection.container.expressedOnRequired", number).on(line(number, "expressedOn"));
        }
        if (expressedOn.isBefore(EARLIEST_PLAUSIBLE_EXPRESSION)) {
            throw new RuleViolation(
                            "collection.container.expressedOnImplausible",
                            number,
                            expressedOn,
                            EARLIEST_PLAUSIBLE_EXPRESSION)
                    .on(line(number, "expressedOn"));
        }
        LocalDate today = now.toLocalDate();
        boolean laterToday = expressedOn.equals(today)
                && intake.expressedAt() != null
                && intake.expressedAt().isAfter(now.toLocalTime());
        if (expressedOn.isAfter(today) || laterToday) {
            throw new RuleViolation(
                            "collection.container.expressedInFuture",
                            number,
                            intake.expressedAt() == null ? expressedOn : expressedOn + " " + intake.expressedAt())
                    .on(line(number, laterToday ? "expressedAt" : "expressedOn"));
        }
    }

    /**
     * What the donor's risk windows say about milk she expressed on one day, as the gate answered: a window that
     * blocks it for good, or reasons it is held until she is cleared.
     */
    record Windows(boolean blocked, List<Said> holding) {

        static final Windows NONE = new Windows(false, List.of());

        Windows {
            holding = List.copyOf(holding);
        }
    }

    /**
     * Decides a valid line, the first reason winning: a broken cold chain spoils the whole box; then the
     * container's own condition; then its age; then a risk window of the donor that blocks milk of that day;
     * then what the donor's status on the expression day allows, and a window that holds it until she is cleared.
     * The donor is asked only when the container itself could be used.
     */
    static ReceptionOutcome decide(
            ContainerIntake intake,
            LocalDate today,
            int rawMaxAgeDays,
            boolean coldChainBroken,
            Supplier<Windows> windows,
            Supplier<AcceptanceDecision> donorAcceptance) {
        if (coldChainBroken) {
            return ReceptionOutcome.rejected(RejectReason.COLD_CHAIN_BROKEN);
        }
        RejectReason byCondition = intake.conditionOrIntact().rejectReason();
        if (byCondition != null) {
            return ReceptionOutcome.rejected(byCondition);
        }
        if (!RawContainer.withinAgeLimit(intake.expressedOn(), today, rawMaxAgeDays)) {
            return ReceptionOutcome.rejected(RejectReason.TOO_OLD);
        }
        Windows window = windows.get();
        if (window.blocked()) {
            return ReceptionOutcome.rejected(RejectReason.DONOR_BLOCKED);
        }
        AcceptanceDecision decision = donorAcceptance.get();
        if (decision.decision() == MilkAcceptance.REJECT) {
            return ReceptionOutcome.rejected(RejectReason.DONOR_NOT_ELIGIBLE);
        }
        List<Said> held = new ArrayList<>();
        if (decision.decision() == MilkAcceptance.HOLD) {
            held.addAll(reasons(decision));
        }
        held.addAll(window.holding());
        return held.isEmpty() ? ReceptionOutcome.accepted() : ReceptionOutcome.held(held);
    }

    /** The donor's reasons as codes with their arguments, to be rendered in the reader's language. */
    static List<Said> reasons(AcceptanceDecision decision) {
        return decision.reasons().stream()
                .map(r -> Said.of(r.code(), r.args().toArray()))
                .toList();
    }
}
