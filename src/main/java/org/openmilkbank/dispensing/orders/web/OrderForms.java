package org.openmilkbank.dispensing.orders.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.dispensing.orders.AcidityBand;
import org.openmilkbank.dispensing.orders.OrderReturns;
import org.openmilkbank.dispensing.orders.OrderTerms;
import org.openmilkbank.dispensing.orders.OrderView;
import org.openmilkbank.dispensing.orders.ReturnReason;
import org.openmilkbank.inventory.EnergyClass;
import org.openmilkbank.shared.TextLimits;

/** The orders' forms and API bodies, one record per action. */
final class OrderForms {

    private OrderForms() {}

    /** The API's new order: for which infant, on what terms. */
    record NewOrder(@NotNull UUID infantId, @NotNull @Valid OrderTerms terms) {}

    /** The API's amendment: the new terms and why. */
    record Amendment(
            @NotNull @Valid OrderTerms terms,
            @NotBlank @Size(max = TextLimits.REASON) String reason) {}

    /** The page's amendment: the terms' fields and why. */
    record AmendmentForm(
            @NotNull @Min(1) @Max(3000) Integer volumePerDayMl,
            @NotNull @Min(1) @Max(500) Integer volumePerFeedMl,
            @NotNull @Min(1) @Max(24) Integer feedsPerDay,
            @NotNull LocalDate startsOn,
            LocalDate endsOn,
            EnergyClass energyBand,
            AcidityBand acidityBand,
            @NotBlank @Size(max = TextLimits.NAME) String clinician,
            @NotBlank @Size(max = TextLimits.REASON) String reason) {

        static AmendmentForm of(OrderView o) {
            return new AmendmentForm(
                    o.volumePerDayMl(),
                    o.volumePerFeedMl(),
                    o.feedsPerDay(),
                    o.startsOn(),
                    o.endsOn(),
                    o.energyBand(),
                    o.acidityBand(),
                    o.clinician(),
                    null);
        }

        OrderTerms terms() {
            return new OrderTerms(
                    volumePerDayMl, volumePerFeedMl, feedsPerDay, startsOn, endsOn, energyBand, acidityBand, clinician);
        }
    }

    /** Why an order is cancelled. */
    record Cancellation(
            @NotBlank @Size(max = TextLimits.REASON) String reason) {}

    /** The bottles accepted for an order (the proposal's or changed), and why they differ from the proposal. */
    record Acceptance(
            List<@Size(max = TextLimits.CODE) String> dins,
            @Size(max = TextLimits.REASON) String changeReason) {}

    /** A bottle swapped by scanning: the list so far, the bottle taken out and the one scanned in. */
    record Swap(
            List<@Size(max = TextLimits.CODE) String> dins,
            @Size(max = TextLimits.CODE) String outDin,
            @NotBlank @Size(max = TextLimits.CODE) String inDin,
            @Size(max = TextLimits.REASON) String changeReason) {}

    /** The bottles the ward scanned on receiving an order: one DIN a line (or separated by spaces). */
    record Receipt(@Size(max = TextLimits.NOTE) String scanned) {

        List<String> dins() {
            return scanned == null ? List.of() : List.of(scanned.strip().split("\\s+"));
        }
    }

    /**
     * The unused bottles the ward sent back, as the bank takes them in: scanned one DIN a line (or separated by
     * spaces), why, a note (needed for OTHER) and the temperature they showed on arrival.
     */
    record ReturnForm(
            @Size(max = TextLimits.NOTE) String scanned,
            @NotNull ReturnReason reason,
            @Size(max = TextLimits.REASON) String note,
            @NotNull @DecimalMin("-90") @DecimalMax("40") BigDecimal arrivalTemperatureC) {

        OrderReturns.ReturnRequest request() {
            List<String> dins = scanned == null || scanned.isBlank()
                    ? List.of()
                    : List.of(scanned.strip().split("\\s+"));
            return new OrderReturns.ReturnRequest(dins, reason, note, arrivalTemperatureC);
        }
    }

    /** The API's return: the DINs scanned, why, a note (needed for OTHER) and the temperature on arrival. */
    record ReturnedBottles(
            @NotNull List<@Size(max = TextLimits.CODE) String> dins,
            @NotNull ReturnReason reason,
            @Size(max = TextLimits.REASON) String note,
            @NotNull @DecimalMin("-90") @DecimalMax("40") BigDecimal arrivalTemperatureC) {

        OrderReturns.ReturnRequest request() {
            return new OrderReturns.ReturnRequest(dins, reason, note, arrivalTemperatureC);
        }
    }

    /** The API's receipt: the DINs scanned. */
    record ScannedBottles(@NotNull List<@Size(max = TextLimits.CODE) String> dins) {}

    /** A manager's shortage switch. */
    record ShortageSwitch(
            @NotNull Boolean on,
            @NotBlank @Size(max = TextLimits.REASON) String reason) {}
}
