package org.openmilkbank.dispensing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.Said;
import org.openmilkbank.traceability.GateUse;
import org.openmilkbank.traceability.MilkGate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bottles of an allocated order leaving the bank for the infant's ward: each through the safety gate for
 * dispatch, taken out of stock and recorded as dispensed to her (the same record and lineage event as the one-step
 * dispense, so {@code /api/v1/infants/{id}/dispenses} lists them). The allocation already chose them, so no
 * first-to-expire reason is asked here.
 */
@Service
@Transactional
public class DispatchedBottles {

    private final Infants infants;
    private final Dispenses dispenses;
    private final Inventory inventory;
    private final MilkGate gate;
    private final ApplicationEventPublisher events;
    private final History history;
    private final Clock clock;

    DispatchedBottles(
            Infants infants,
            Dispenses dispenses,
            Inventory inventory,
            MilkGate gate,
            ApplicationEventPublisher events,
            History history,
            Clock clock) {
        this.infants = infants;
        this.dispenses = dispenses;
        this.inventory = inventory;
        this.gate = gate;
        this.events = events;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Dispatches the bottles to the infant; refuses, changing nothing, without consent or when the gate refuses any
     * one of them (held, recalled, expired since it was allocated).
     */
    public List<DispenseView> dispatch(UUID infantId, List<UUID> bottleIds) {
        Infant infant =
                infants.findById(infantId).orElseThrow(() -> new NotFound("dispensing.infant.notFound", infantId));
        infant.checkMayReceiveMilk();
        Instant now = Instant.now(clock);
        String actor = CurrentActor.username();
        return bottleIds.stream()
                .map(bottleId -> {
                    gate.require(bottleId, GateUse.DISPATCH, now);
                    BottleView taken = inventory.takeForDispense(bottleId, now);
                    Dispense d = dispenses.save(new Dispense(infantId, taken.id(), now, actor));
                    events.publishEvent(new BottleDispensed(taken.id(), infantId, now, null));
                    Din din = Din.parse(taken.din());
                    history.record(
                            DispensingManagement.INFANT,
                            infantId,
                            Said.of(
                                    "dispensing.history.dispatched",
                                    din,
                                    taken.volumeMl(),
                                    taken.expiresOn().toString()));
                    return new DispenseView(
                            d.id(),
                            infantId,
                            infant.infantCode(),
                            taken.id(),
                            din.withCheck(),
                            taken.poolId(),
                            taken.volumeMl(),
                            taken.expiresOn(),
                            d.dispensedAt(),
                            d.dispensedBy(),
                            List.of(),
                            null);
                })
                .toList();
    }

    /** When the bottle's dispense in force was made, if it is dispensed. */
    @Transactional(readOnly = true)
    public java.util.Optional<Instant> dispensedAt(UUID bottleId) {
        return dispenses.findByBottleIdAndReturnedAtIsNull(bottleId).map(Dispense::dispensedAt);
    }

    /**
     * The ward returned the dispensed bottle unused at {@code at}: its dispense is marked returned (the infant's page
     * says so) and the lineage records a RETURNED event, with whether it goes back into stock or is discarded by
     * {@code reasonCode}. The caller then takes the bottle back into stock or discards it.
     */
    public void returned(UUID bottleId, Instant at, boolean toStock, String reasonCode) {
        Dispense d = dispenses
                .findByBottleIdAndReturnedAtIsNull(bottleId)
                .orElseThrow(() -> new NotFound("dispensing.return.notDispensed", bottleId));
        d.returned(at, CurrentActor.username());
        events.publishEvent(new BottleReturned(bottleId, d.infantId(), at, toStock, reasonCode));
        BottleView bottle = inventory.find(bottleId).orElseThrow();
        history.record(
                DispensingManagement.INFANT,
                d.infantId(),
                Said.of(
                        toStock ? "dispensing.history.returnedToStock" : "dispensing.history.returnedDiscarded",
                        Din.parse(bottle.din())));
    }
}
