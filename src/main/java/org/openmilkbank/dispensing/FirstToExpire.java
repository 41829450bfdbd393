package org.openmilkbank.dispensing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openmilkbank.inventory.BottleView;

/** First to expire, first out: the rule that milk about to expire is used before fresher milk. */
final class FirstToExpire {

    private FirstToExpire() {}

    /**
     * The bottle on offer that expires before the scanned one, if any: then the dispenser passes it over and must
     * say why. A bottle that expires on the same day as the first is first too. A bottle not on offer (held,
     * quarantined, expired) is left to the gate, which names why it may not go.
     */
    static Optional<BottleView> passedOver(BottleView scanned, List<BottleView> offered) {
        if (offered.stream().noneMatch(b -> b.id().equals(scanned.id()))) {
            return Optional.empty();
        }
        return offered.stream()
                .filter(b -> !b.id().equals(scanned.id()))
                .min(Comparator.comparing(BottleView::expiresOn).thenComparing(BottleView::din))
                .filter(first -> first.expiresOn().isBefore(scanned.expiresOn()));
    }
}
