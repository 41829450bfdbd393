package org.openmilkbank.network;

import java.util.List;

/**
 * The hub's acknowledgement of a batch: accepted now, already received before (stored once), or received with its
 * content refused — the batch and its number are kept, nothing it would have changed at the hub is, and the refusal
 * ({@code refusalCode} with its {@code refusalArgs}, a message key) goes back to the bank. So one entry the hub cannot
 * take never holds back the bank's later ones.
 */
public record BatchReceipt(
        String facilityCode, long sequence, Status status, String refusalCode, List<Object> refusalArgs) {

    public BatchReceipt(String facilityCode, long sequence, Status status) {
        this(facilityCode, sequence, status, null, List.of());
    }

    public BatchReceipt {
        refusalArgs = refusalArgs == null ? List.of() : List.copyOf(refusalArgs);
    }

    public enum Status {
        ACCEPTED,
        ALREADY_RECEIVED,
        /** kept, with its number; its content refused (why: {@code refusalCode}) */
        CONTENT_REFUSED
    }
}
