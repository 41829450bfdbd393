package org.openmilkbank.network;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A request for milk or an offer of it on the network's board. It names the bank that posted it (it is meant to be
 * answered) but only by facility code, country and region.
 *
 * @param neededBy for a request, the day the milk is needed by
 * @param useBefore for an offer, the day the milk must be used before
 * @param reason the posting bank's own words (why it needs the milk, what it offers)
 * @param withdrawnReason why it was withdrawn, {@code null} while open
 * @param replies the answers of other banks, oldest first
 */
public record ExchangeEntry(
        String facilityCode,
        String country,
        String region,
        UUID id,
        Type type,
        int volumeMl,
        ProductClass productClass,
        LocalDate neededBy,
        LocalDate useBefore,
        String reason,
        Status status,
        String withdrawnReason,
        Instant postedAt,
        List<Reply> replies) {

    public enum Type {
        REQUEST,
        OFFER
    }

    /** What milk: for preterm infants, term infants, or of high energy (a bank's energy class). */
    public enum ProductClass {
        PRETERM,
        TERM,
        HIGH_ENERGY
    }

    public enum Status {
        OPEN,
        WITHDRAWN
    }

    /** Another bank's answer ("we can send 2 L"). */
    public record Reply(String facilityCode, int volumeMl, String note, Instant repliedAt) {}

    public boolean open() {
        return status == Status.OPEN;
    }

    /** The day that bounds it: a request's needed-by, an offer's use-before. */
    public LocalDate day() {
        return type == Type.REQUEST ? neededBy : useBefore;
    }
}
