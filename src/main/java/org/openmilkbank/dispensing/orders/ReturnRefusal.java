package org.openmilkbank.dispensing.orders;

/**
 * Why a returned bottle cannot go back into stock (the profile's cold-chain rule for returns); any one of them
 * discards it. Each is also a lineage reason code, {@code return.<VALUE>}.
 */
public enum ReturnRefusal {
    /** The profile takes no returned milk back ({@code returns.max-hours-out} is 0). */
    RETURNS_NOT_ACCEPTED,
    /** Back later than {@code returns.max-hours-out} after its dispatch. */
    AWAY_TOO_LONG,
    /** Thawed (or divided) on the ward: thawed milk is never frozen again. */
    THAWED,
    /** Past its expiry on return. */
    EXPIRED,
    /** Warmer on arrival than frozen milk may be ({@code transport.frozen-max-c}). */
    NOT_FROZEN_ON_ARRIVAL;

    public String lineageCode() {
        return "return." + name();
    }
}
