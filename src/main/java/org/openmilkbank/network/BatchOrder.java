package org.openmilkbank.network;

import java.util.Optional;

/**
 * The hub's ordering rule for one bank's batches: only the next number is accepted; a number already accepted is
 * answered "already received" when it is the same batch (same digest) and refused when its content differs; a
 * number further on is a gap, refused with the number expected.
 */
final class BatchOrder {

    enum Decision {
        ACCEPT,
        ALREADY_RECEIVED
    }

    private BatchOrder() {}

    /**
     * @param lastAccepted the highest number accepted from the bank, 0 when none
     * @param acceptedDigest the digest of the batch accepted under this number, when there is one
     */
    static Decision decide(long lastAccepted, Optional<String> acceptedDigest, Batch incoming) {
        long sequence = incoming.sequence();
        if (sequence <= lastAccepted) {
            if (acceptedDigest.filter(incoming.sha256()::equals).isPresent()) {
                return Decision.ALREADY_RECEIVED;
            }
            throw BatchRefused.conflict(incoming.facilityCode(), sequence);
        }
        if (sequence != lastAccepted + 1) {
            throw BatchRefused.gap(incoming.facilityCode(), sequence, lastAccepted + 1);
        }
        return Decision.ACCEPT;
    }
}
