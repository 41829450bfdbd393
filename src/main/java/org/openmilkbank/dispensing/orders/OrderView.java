package org.openmilkbank.dispensing.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.inventory.EnergyClass;

/** An order as pages, the API and the ward see it, with the who-should-get criteria and the bottles it holds. */
public record OrderView(
        UUID id,
        UUID infantId,
        String infantCode,
        String infantName,
        String ward,
        int volumePerDayMl,
        int volumePerFeedMl,
        int feedsPerDay,
        LocalDate startsOn,
        LocalDate endsOn,
        EnergyClass energyBand,
        AcidityBand acidityBand,
        String clinician,
        OrderState state,
        String cancelReason,
        Instant requestedAt,
        String requestedBy,
        /** The volume the order covers: per day times its days. */
        int neededMl,
        List<Criterion> criteria,
        boolean candidate,
        List<OrderBottleView> bottles,
        /** Unused bottles the ward sent back, oldest first. */
        List<ReturnView> returns) {

    public OrderView {
        bottles = List.copyOf(bottles);
        returns = returns == null ? List.of() : List.copyOf(returns);
    }

    /** Whether the order is in force on the day: neither fulfilled nor cancelled, and the day within its dates. */
    public boolean inForceOn(LocalDate day) {
        return state.open() && !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }

    public long allocatedMl() {
        return bottles.stream().mapToLong(OrderBottleView::volumeMl).sum();
    }

    /** A bottle reserved for (or proposed to) an order; the DIN with its check character. */
    public record OrderBottleView(
            UUID bottleId, String din, UUID poolId, int volumeMl, LocalDate expiresOn, EnergyClass energy) {}
}
