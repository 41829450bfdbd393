package org.openmilkbank.logistics;

import java.util.List;

/** Why a box's cold chain is broken: a message key of the logistics bundle and its arguments. */
public record ColdChainReason(String code, List<Object> args) {

    public static final String DEPARTURE_TOO_WARM = "logistics.coldChain.departureTooWarm";
    public static final String ARRIVAL_TOO_WARM = "logistics.coldChain.arrivalTooWarm";
    public static final String LIQUID_NOT_ALLOWED = "logistics.coldChain.liquidNotAllowed";
    public static final String DEPARTURE_OUT_OF_RANGE = "logistics.coldChain.departureOutOfRange";
    public static final String ARRIVAL_OUT_OF_RANGE = "logistics.coldChain.arrivalOutOfRange";
    public static final String TRANSIT_TOO_LONG = "logistics.coldChain.transitTooLong";
    public static final String INDICATOR_TRIGGERED = "logistics.coldChain.indicatorTriggered";
    public static final String SEAL_BROKEN = "logistics.coldChain.sealBroken";

    public ColdChainReason {
        args = List.copyOf(args);
    }

    public static ColdChainReason of(String code, Object... args) {
        return new ColdChainReason(code, List.of(args));
    }
}
