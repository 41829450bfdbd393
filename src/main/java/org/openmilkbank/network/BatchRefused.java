package org.openmilkbank.network;

import org.openmilkbank.shared.RuleViolation;

/** The hub refused a batch; nothing of it was stored, and the refusal itself was recorded. */
public final class BatchRefused extends RuleViolation {

    /**
     * Why: an unknown bank and a bad signature are not authenticated (401); a gap and a conflict are 409; a signed
     * payload that is no JSON object is 422.
     */
    public enum Reason {
        UNKNOWN_BANK,
        BAD_SIGNATURE,
        GAP,
        CONFLICT,
        PAYLOAD_INVALID
    }

    private final Reason reason;
    private final String facilityCode;
    private final Long sequence;
    private final Long expected;

    private BatchRefused(
            Reason reason, String code, String facilityCode, Long sequence, Long expected, Object... args) {
        super(code, args);
        this.reason = reason;
        this.facilityCode = facilityCode;
        this.sequence = sequence;
        this.expected = expected;
    }

    static BatchRefused unknownBank(String facilityCode, Long sequence) {
        return new BatchRefused(
                Reason.UNKNOWN_BANK, "network.batch.unknownBank", facilityCode, sequence, null, facilityCode);
    }

    static BatchRefused badSignature(String facilityCode, Long sequence) {
        return new BatchRefused(
                Reason.BAD_SIGNATURE, "network.batch.badSignature", facilityCode, sequence, null, sequence);
    }

    static BatchRefused gap(String facilityCode, long sequence, long expected) {
        return new BatchRefused(Reason.GAP, "network.batch.gap", facilityCode, sequence, expected, sequence, expected);
    }

    static BatchRefused conflict(String facilityCode, long sequence) {
        return new BatchRefused(Reason.CONFLICT, "network.batch.conflict", facilityCode, sequence, null, sequence);
    }

    static BatchRefused payloadInvalid(String facilityCode, long sequence) {
        return new BatchRefused(
                Reason.PAYLOAD_INVALID, "network.batch.payloadInvalid", facilityCode, sequence, null, sequence);
    }

    public Reason reason() {
        return reason;
    }

    public String facilityCode() {
        return facilityCode;
    }

    public Long sequence() {
        return sequence;
    }

    /** The number the hub expects next, for a gap. */
    public Long expected() {
        return expected;
    }
}
