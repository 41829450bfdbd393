package org.openmilkbank.logistics;

import java.util.List;

/** Whether a box's cold chain held from departure to arrival, with every reason when it did not. */
public record ColdChainVerdict(boolean intact, List<ColdChainReason> reasons) {

    public ColdChainVerdict {
        reasons = List.copyOf(reasons);
        if (intact != reasons.isEmpty()) {
            throw new IllegalArgumentException("A cold-chain verdict lists reasons exactly when it is broken");
        }
    }

    public static ColdChainVerdict of(List<ColdChainReason> reasons) {
        return new ColdChainVerdict(reasons.isEmpty(), reasons);
    }
}
