package org.openmilkbank.inventory;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.ExpiryMoment;
import org.openmilkbank.traceability.MilkEventType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The thaw and warming of bottles: the bottle's row is locked, so a thaw racing a dispense or a discard waits. */
@Service
@Transactional
class BottleThaws implements Thawing {

    private final BottleRepository bottles;
    private final Standards standards;
    private final History history;
    private final Clock clock;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;

    BottleThaws(
            BottleRepository bottles,
            Standards standards,
            History history,
            Clock clock,
            EntityManager entityManager,
            ApplicationEventPublisher events) {
        this.bottles = bottles;
        this.standards = standards;
        this.history = history;
        this.clock = clock;
        this.entityManager = entityManager;
        this.events = events;
    }

    @Override
    public BottleView thaw(String din, ThawMethod method, Instant at) {
        Instant now = Instant.now(clock);
        Instant when = at == null ? now : at;
        ZoneId zone = clock.getZone();
        Bottle bottle = locked(din);
        bottle.thaw(method, when, now, standards.activeProfile(), zone);
        Instant end = bottle.endsAt(zone);
        history.record(
                BottleStock.RECORD_TYPE,
                bottle.id(),
                Said.of(
                        "inventory.history.thawed",
                        Said.label(method),
                        when.atZone(zone).toLocalDate().toString(),
                        ExpiryMoment.time(when, zone),
                        end.atZone(zone).toLocalDate().toString(),
                        ExpiryMoment.time(end, zone)));
        events.publishEvent(new BottleThawed(bottle.id(), MilkEventType.THAWED, method, when, bottle.expiresOn(), end));
        return bottle.view();
    }

    @Override
    public BottleView warm(String din, Instant at) {
        Instant now = Instant.now(clock);
        Instant when = at == null ? now : at;
        ZoneId zone = clock.getZone();
        Bottle bottle = locked(din);
        bottle.warm(when, now, standards.activeProfile(), zone);
        Instant end = bottle.endsAt(zone);
        history.record(
                BottleStock.RECORD_TYPE,
                bottle.id(),
                Said.of(
                        "inventory.history.warmed",
                        when.atZone(zone).toLocalDate().toString(),
                        ExpiryMoment.time(when, zone),
                        end.atZone(zone).toLocalDate().toString(),
                        ExpiryMoment.time(end, zone)));
        events.publishEvent(new BottleThawed(bottle.id(), MilkEventType.WARMED, null, when, bottle.expiresOn(), end));
        return bottle.view();
    }

    private Bottle locked(String din) {
        String value = Din.parse(din).value();
        Bottle bottle = bottles.findByDin(value).orElseThrow(() -> new NotFound("inventory.bottle.notFound", din));
        // reloaded as committed under the lock: a dispense or discard committed meanwhile is seen
        entityManager.refresh(bottle, LockModeType.PESSIMISTIC_WRITE);
        return bottle;
    }
}
