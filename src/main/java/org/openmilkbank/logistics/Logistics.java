package org.openmilkbank.logistics;

import java.util.Optional;
import java.util.UUID;

/** What reception asks of logistics: the box a container travelled in, and whether its cold chain held. */
public interface Logistics {

    /**
     * The verdict recorded when the box arrived at the bank.
     *
     * @throws org.openmilkbank.shared.NotFound when there is no such box
     * @throws org.openmilkbank.shared.RuleViolation when the box has not arrived yet
     */
    ColdChainVerdict coldChainOf(UUID boxId);

    /**
     * The box with this scanned code: the shipment still open (planned or in transit) when there is one,
     * otherwise the latest one that arrived.
     */
    Optional<BoxView> findBox(String code);
}
