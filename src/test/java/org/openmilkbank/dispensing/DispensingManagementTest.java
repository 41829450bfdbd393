package org.openmilkbank.dispensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.Holds;
import org.springframework.context.ApplicationEventPublisher;

/** The dispensing gate, against an in-memory stock of bottles. */
class DispensingManagementTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    FakeInventory inventory = new FakeInventory();
    FakeInfants infants = new FakeInfants();
    FakeDispenses dispenses = new FakeDispenses();
    History history = mock(History.class);
    Holds holds = mock(Holds.class);
    ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    DispensingManagement dispensing;
    InfantView consented;
    InfantView withoutConsent;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        Standards standards = mock(Standards.class);
        when(standards.activeProfile())
                .thenReturn(StandardProfile.of("TEST", "Test", Map.of(Parameter.NAMES_ORDER, "FAMILY_FIRST")));
        dispensing = new DispensingManagement(infants, dispenses, inventory, history, clock, holds, events, standards);
        consented = dispensing.registerInfant(new NewInfant(
                "H-1", "Tran", "Binh", TODAY.minusDays(3), 29, 4, 1100, "NICU", true, TODAY.minusDays(2)));
        withoutConsent = dispensing.registerInfant(
                new NewInfant("H-2", "Le", null, TODAY.minusDays(3), 33, 0, 1900, "NICU", null, null));
    }

    private String refusal(UUID infantId, String input) {
        int before = dispenses.all.size();
        Map<UUID, BottleState> states = inventory.states();
        clearInvocations(history, events);
        try {
            dispensing.dispense(infantId, input);
        } catch (RuleViolation e) {
            assertThat(dispenses.all).hasSize(before);
            assertThat(inventory.states()).isEqualTo(states);
            verify(history, never()).record(eq("Infant"), eq(infantId), any(Said.class));
            verify(history, never()).recordCorrection(eq("Infant"), eq(infantId), any(Said.class), any());
            verify(events, never()).publishEvent(any(Object.class));
            return e.code();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void dispensesAReleasedBottleInDateAndRecordsWhoAndWhen() {
        BottleView bottle = inventory.add(BottleState.RELEASED, TODAY.plusDays(20));
        DispenseView done =
                dispensing.dispense(consented.id(), Din.parse(bottle.din()).withCheck());
        assertThat(done.bottleId()).isEqualTo(bottle.id());
        assertThat(done.infantCode()).isEqualTo("H-1");
        assertThat(done.dispensedBy()).isEqualTo("system");
        assertThat(done.dispensedAt()).isEqualTo(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC));
        assertThat(inventory.find(bottle.id()).orElseThrow().state()).isEqualTo(BottleState.DISPENSED);
        assertThat(dispensing.dispensesOf(consented.id()))
                .extracting(DispenseView::bottleId)
                .containsExactly(bottle.id());
        verify(history)
                .record(
                        eq("Infant"),
                        eq(consented.id()),
                        eq(Said.of("dispensing.history.dispensed", Din.parse(bottle.din()), 100, "2026-03-30")));
        verify(events)
                .publishEvent(new BottleDispensed(
                        bottle.id(), consented.id(), TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), null));
    }

    @Test
    void refusesAnInfantWithoutConsent() {
        BottleView bottle = inventory.add(BottleState.RELEASED, TODAY.plusDays(20));
        assertThat(refusal(withoutConsent.id(), bottle.din())).isEqualTo("dispensing.consent.missing");
    }

    @Test
    void refusesQuarantinedDiscardedDispensedAndExpiredBottles() {
        assertThat(refusal(
                        consented.id(),
                        inventory
                                .add(BottleState.QUARANTINE, TODAY.plusDays(20))
                                .din()))
                .isEqualTo("fake.quarantine");
        assertThat(refusal(
                        consented.id(),
                        inventory.add(BottleState.DISCARDED, TODAY.plusDays(20)).din()))
                .isEqualTo("fake.discarded");
        assertThat(refusal(
                        consented.id(),
                        inventory.add(BottleState.DISPENSED, TODAY.plusDays(20)).din()))
                .isEqualTo("fake.dispensed");
        assertThat(refusal(
                        consented.id(),
                        inventory.add(BottleState.RELEASED, TODAY.minusDays(1)).din()))
                .isEqualTo("fake.expired");
    }

    @Test
    void aBottleIsDispensedOnlyOnce() {
        BottleView bottle = inventory.add(BottleState.RELEASED, TODAY.plusDays(20));
        dispensing.dispense(consented.id(), bottle.din());
        assertThat(refusal(consented.id(), bottle.din())).isEqualTo("fake.dispensed");
    }

    @Test
    void refusesAnUnknownDinAndAMalformedCode() {
        inventory.add(BottleState.RELEASED, TODAY.plusDays(20));
        assertThat(refusal(consented.id(), Din.of("A0001", 26, 999_999).withCheck()))
                .isEqualTo("dispensing.bottle.unknown");
        assertThat(refusal(consented.id(), "A00012600000")).isEqualTo("din.invalid.length");
        assertThat(refusal(consented.id(), "A000126000001X")).isEqualTo("din.invalid.check");
        assertThat(refusal(consented.id(), "")).isEqualTo("din.invalid.empty");
    }

    @Test
    void anUnknownInfantIsNotFound() {
        BottleView bottle = inventory.add(BottleState.RELEASED, TODAY.plusDays(20));
        try {
            dispensing.dispense(UUID.randomUUID(), bottle.din());
            throw new AssertionError("expected not found");
        } catch (NotFound e) {
            assertThat(e.code()).isEqualTo("dispensing.infant.notFound");
        }
        assertThat(inventory.find(bottle.id()).orElseThrow().state()).isEqualTo(BottleState.RELEASED);
    }

    @Test
    void offersReleasedBottlesInDateFirstToExpireFirst() {
        BottleView later = inventory.add(BottleState.RELEASED, TODAY.plusDays(40));
        BottleView soonest = inventory.add(BottleState.RELEASED, TODAY);
        BottleView middle = inventory.add(BottleState.RELEASED, TODAY.plusDays(3));
        inventory.add(BottleState.RELEASED, TODAY.minusDays(1));
        inventory.add(BottleState.QUARANTINE, TODAY.plusDays(1));
        assertThat(dispensing.offeredBottles(TODAY))
                .extracting(BottleView::id)
                .containsExactly(soonest.id(), middle.id(), later.id());
    }

    @Test
    void refusesADuplicateHospitalNumberIgnoringCase() {
        try {
            dispensing.registerInfant(new NewInfant("h-1", "Other", null, TODAY, 38, 0, 3200, "Postnatal", null, null));
            throw new AssertionError("expected a refusal");
        } catch (RuleViolation e) {
            assertThat(e.code()).isEqualTo("dispensing.infant.code.taken");
        }
        assertThat(dispensing.search("")).hasSize(2);
    }

    @Test
    void searchPutsTheSmallestAndSickestFirst() {
        dispensing.registerInfant(new NewInfant("H-3", "Pham", null, TODAY, 27, 0, 800, "NICU", null, null));
        assertThat(dispensing.search("")).extracting(InfantView::infantCode).containsExactly("H-3", "H-1", "H-2");
        assertThat(dispensing.findByCode(" h-2 ")).map(InfantView::id).contains(withoutConsent.id());
    }

    @Test
    void aCorrectionNeedsAReason() {
        NewInfant fixed = new NewInfant("H-2", "Le", null, TODAY.minusDays(3), 33, 0, 1950, "NICU", null, null);
        try {
            dispensing.correct(withoutConsent.id(), fixed, " ");
            throw new AssertionError("expected a refusal");
        } catch (RuleViolation e) {
            assertThat(e.code()).isEqualTo("history.reason.required");
        }
        assertThat(dispensing
                        .correct(withoutConsent.id(), fixed, "weighed again")
                        .birthWeightGrams())
                .isEqualTo(1950);
    }

    @Test
    void refusesABottleThatIsNotTheFirstToExpireWithoutAReason() {
        BottleView first = inventory.add(BottleState.RELEASED, TODAY.plusDays(5));
        BottleView later = inventory.add(BottleState.RELEASED, TODAY.plusDays(20));
        assertThat(refusal(consented.id(), Din.parse(later.din()).withCheck()))
                .isEqualTo("dispensing.fefo.reasonRequired");
        assertThat(inventory.find(first.id()).orElseThrow().state()).isEqualTo(BottleState.RELEASED);
    }

    @Test
    void dispensesABottleThatIsNotTheFirstToExpireWithTheReasonLoggedInHistory() {
        BottleView first = inventory.add(BottleState.RELEASED, TODAY.plusDays(5));
        BottleView later = inventory.add(BottleState.RELEASED, TODAY.plusDays(20));

        DispenseView done = dispensing.dispense(
                consented.id(), Din.parse(later.din()).withCheck(), "first bottle's seal looks damaged");

        assertThat(done.bottleId()).isEqualTo(later.id());
        verify(history)
                .recordCorrection(
                        eq("Infant"),
                        eq(consented.id()),
                        org.mockito.ArgumentMatchers.argThat((Said said) -> said.key()
                                        .equals("dispensing.history.dispensedNotFirst")
                                && said.args().contains(Din.parse(first.din()).withCheck())),
                        eq("first bottle's seal looks damaged"));
        verify(events)
                .publishEvent(new BottleDispensed(
                        later.id(),
                        consented.id(),
                        TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC),
                        Din.parse(first.din())));
    }

    @Test
    void aBottleExpiringTheSameDayAsTheFirstIsFirstToo() {
        inventory.add(BottleState.RELEASED, TODAY.plusDays(5));
        BottleView sameDay = inventory.add(BottleState.RELEASED, TODAY.plusDays(5));
        assertThat(dispensing
                        .dispense(consented.id(), Din.parse(sameDay.din()).withCheck())
                        .bottleId())
                .isEqualTo(sameDay.id());
    }

    static final class FakeInventory implements Inventory {
        private final Map<UUID, BottleView> bottles = new LinkedHashMap<>();
        private int sequence;

        BottleView add(BottleState state, LocalDate expiresOn) {
            BottleView b = new BottleView(
                    UUID.randomUUID(),
                    Din.of("A0001", 26, ++sequence).value(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    100,
                    expiresOn,
                    state);
            bottles.put(b.id(), b);
            return b;
        }

        Map<UUID, BottleState> states() {
            Map<UUID, BottleState> states = new LinkedHashMap<>();
            bottles.values().forEach(b -> states.put(b.id(), b.state()));
            return states;
        }

        @Override
        public Optional<BottleView> findByDin(String din) {
            return bottles.values().stream().filter(b -> b.din().equals(din)).findFirst();
        }

        @Override
        public Optional<BottleView> find(UUID bottleId) {
            return Optional.ofNullable(bottles.get(bottleId));
        }

        @Override
        public List<BottleView> dispensable(LocalDate today) {
            return bottles.values().stream()
                    .filter(b ->
                            b.state() == BottleState.RELEASED && !b.expiresOn().isBefore(today))
                    .sorted(Comparator.comparing(BottleView::expiresOn))
                    .toList();
        }

        @Override
        public BottleView takeForDispense(UUID bottleId, Instant at) {
            LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
            BottleView b = bottles.get(bottleId);
            switch (b.state()) {
                case QUARANTINE -> throw new RuleViolation("fake.quarantine");
                case DISCARDED -> throw new RuleViolation("fake.discarded");
                case DISPENSED -> throw new RuleViolation("fake.dispensed");
                case RELEASED -> {}
            }
            if (b.expiresOn().isBefore(today)) {
                throw new RuleViolation("fake.expired");
            }
            BottleView taken = new BottleView(
                    b.id(), b.din(), b.runId(), b.poolId(), b.volumeMl(), b.expiresOn(), BottleState.DISPENSED);
            bottles.put(b.id(), taken);
            return taken;
        }

        // the rest of the stock's API belongs to pasteurisation and the lab; a call from dispensing fails the test
        private static AssertionError notCalledByDispensing() {
            return new AssertionError("dispensing called a part of the stock it must not use");
        }

        @Override
        public List<BottleView> stockQuarantined(UUID runId, UUID poolId, int count, int volumeMl, LocalDate e) {
            throw notCalledByDispensing();
        }

        @Override
        public List<BottleView> releaseRun(UUID runId, Instant at) {
            throw notCalledByDispensing();
        }

        @Override
        public List<BottleView> discardRun(UUID runId, String reason) {
            throw notCalledByDispensing();
        }

        @Override
        public List<BottleView> bottlesOfRun(UUID runId) {
            throw notCalledByDispensing();
        }

        @Override
        public BottleView discardBottle(String din, String reason) {
            throw notCalledByDispensing();
        }

        @Override
        public BottleView takeBack(UUID bottleId, Instant at) {
            throw notCalledByDispensing();
        }

        @Override
        public BottleView discardReturned(UUID bottleId, String reasonCode, Instant at) {
            throw notCalledByDispensing();
        }

        @Override
        public BottleView transferOut(UUID bottleId, String destination, UUID transferId, Instant at) {
            throw notCalledByDispensing();
        }

        @Override
        public BottleView receiveFromAnotherBank(
                ArrivingBottle bottle, Map<String, Object> sourceLineage, String discardCode) {
            throw notCalledByDispensing();
        }

        @Override
        public List<BottleView> inState(BottleState state) {
            throw notCalledByDispensing();
        }
    }

    static final class FakeInfants implements Infants {
        final Map<UUID, Infant> all = new LinkedHashMap<>();

        @Override
        public Infant save(Infant infant) {
            all.put(infant.id(), infant);
            return infant;
        }

        @Override
        public Optional<Infant> findById(UUID id) {
            return Optional.ofNullable(all.get(id));
        }

        @Override
        public Optional<Infant> findByInfantCodeIgnoreCase(String infantCode) {
            return all.values().stream()
                    .filter(i -> i.infantCode().equalsIgnoreCase(infantCode))
                    .findFirst();
        }

        @Override
        public List<Infant> search(String pattern) {
            String q = pattern.replace("%", "");
            return all.values().stream()
                    .filter(i -> i.infantCode().toLowerCase().contains(q)
                            || i.familyName().toLowerCase().contains(q))
                    .toList();
        }
    }

    static final class FakeDispenses implements Dispenses {
        final List<Dispense> all = new ArrayList<>();

        @Override
        public Dispense save(Dispense dispense) {
            all.add(dispense);
            return dispense;
        }

        @Override
        public List<Dispense> findByInfantIdOrderByDispensedAtDesc(UUID infantId) {
            return all.stream().filter(d -> d.infantId().equals(infantId)).toList();
        }

        @Override
        public java.util.Optional<Dispense> findByBottleIdAndReturnedAtIsNull(UUID bottleId) {
            return all.stream()
                    .filter(d -> d.bottleId().equals(bottleId) && d.returnedAt() == null)
                    .findFirst();
        }
    }
}
