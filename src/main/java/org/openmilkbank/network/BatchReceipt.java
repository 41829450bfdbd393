package org.openmilkbank.network;

/** The hub's acknowledgement of a batch: accepted now, or already received before (stored once). */
public record BatchReceipt(String facilityCode, long sequence, Status status) {

    public enum Status {
        ACCEPTED,
        ALREADY_RECEIVED
    }
}
