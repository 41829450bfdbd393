package org.openmilkbank.dispensing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NameOrder;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.HoldView;
import org.openmilkbank.traceability.Holds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Infants who receive donor milk, and the dispensing of released bottles to them. The last gate before milk
 * reaches a baby: consent recorded, the right bottle (a valid, known DIN), released, in date, not used before.
 */
@Service
@Transactional
public class DispensingManagement {

    static final String INFANT = "Infant";
    private static final int SEARCH_LIMIT = 200;

    private final Infants infants;
    private final Dispenses dispenses;
    private final Inventory inventory;
    private final History history;
    private final Clock clock;
    private final Holds holds;
    private final ApplicationEventPublisher events;
    private final Standards standards;
    private final ReservedBottles reserved;

    /** Without orders (tests of the one-step dispense): no bottle is reserved. */
    DispensingManagement(
            Infants infants,
            Dispenses dispenses,
            Inventory inventory,
            History history,
            Clock clock,
            Holds holds,
            ApplicationEventPublisher events,
            Standards standards) {
        this(infants, dispenses, inventory, history, clock, holds, events, standards, java.util.Set::of);
    }

    @org.springframework.beans.factory.annotation.Autowired
    DispensingManagement(
            Infants infants,
            Dispenses dispenses,
            Inventory inventory,
            History history,
            Clock clock,
            Holds holds,
            ApplicationEventPublisher events,
            Standards standards,
            ReservedBottles reserved) {
        this.reserved = reserved;
        this.standards = standards;
        this.holds = holds;
        this.events = events;
        this.infants = infants;
        this.dispenses = dispenses;
        this.inventory = inventory;
        this.history = history;
        this.clock = clock;
    }

    public InfantView registerInfant(NewInfant details) {
        String actor = CurrentActor.username();
        Infant infant = Infant.register(details, today(), Instant.now(clock), actor);
        refuseTakenCode(infant.infantCode(), null);
        infants.save(infant);
        history.record(
                INFANT,
                infant.id(),
                Said.of(
                        "dispensing.history.registered",
                        infant.infantCode(),
                        view(infant).gestationalAge(),
                        infant.birthWeightGrams(),
                        Said.code(
                                infant.consentGiven()
                                        ? "dispensing.history.consent.given"
                                        : "dispensing.history.consent.none")));
        return view(infant);
    }

    public InfantView recordConsent(UUID infantId, LocalDate consentDate) {
        Infant infant = load(infantId);
        infant.recordConsent(consentDate, today(), CurrentActor.username());
        history.record(INFANT, infantId, Said.of("dispensing.history.consentRecorded", String.valueOf(consentDate)));
        return view(infant);
    }

    public InfantView correct(UUID infantId, NewInfant details, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        Infant infant = load(infantId);
        if (details.infantCode() != null && !details.infantCode().isBlank()) {
            refuseTakenCode(details.infantCode().strip(), infantId);
        }
        List<String> changes = infant.correct(details, today(), CurrentActor.username());
        if (changes.isEmpty()) {
            throw new RuleViolation("dispensing.infant.correction.nothingChanged", infant.infantCode());
        }
        history.recordCorrection(
                INFANT, infantId, Said.of("dispensing.history.corrected", String.join("; ", changes)), reason);
        return view(infant);
    }

    /** Amends her risks (NEC, gut surgery, heart disease) with a reason; history keeps who, when, what and why. */
    public InfantView amendRisks(
            UUID infantId, boolean necRisk, boolean gutSurgery, boolean heartDisease, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required").on("reason");
        }
        Infant infant = load(infantId);
        List<Said> changes = infant.amendRisks(necRisk, gutSurgery, heartDisease);
        history.recordCorrection(INFANT, infantId, Said.of("dispensing.history.risksAmended", changes), reason);
        return view(infant);
    }

    /** The infant with her name in the bank's order. */
    private InfantView view(Infant infant) {
        return infant.view(standards.activeProfile().namesOrder());
    }

    @Transactional(readOnly = true)
    public Optional<InfantView> find(UUID infantId) {
        return infants.findById(infantId).map(this::view);
    }

    @Transactional(readOnly = true)
    public Optional<InfantView> findByCode(String infantCode) {
        if (infantCode == null || infantCode.isBlank()) {
            return Optional.empty();
        }
        return infants.findByInfantCodeIgnoreCase(infantCode.strip()).map(this::view);
    }

    /** Infants whose hospital number or name contains the query; smallest and sickest first. */
    @Transactional(readOnly = true)
    public List<InfantView> search(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        String pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        NameOrder order = standards.activeProfile().namesOrder();
        return infants.search(pattern).stream()
                .limit(SEARCH_LIMIT)
                .map(i -> i.view(order))
                .sorted(Comparator.comparing((InfantView i) -> !i.priority())
                        .thenComparingInt(InfantView::birthWeightGrams))
                .toList();
    }

    /** Dispenses the scanned bottle, which must be the first to expire (see the three-argument form). */
    public DispenseView dispense(UUID infantId, String bottleDinInput) {
        return dispense(infantId, bottleDinInput, null);
    }

    /**
     * Dispenses the scanned bottle for the infant. Refuses, changing nothing, when the code is not a DIN, the
     * infant has no consent, no bottle has that DIN, the gate refuses it (held, expired, quarantined), or it is not
     * the first to expire of the bottles on offer and no reason is given; with a reason it is dispensed and the
     * reason is kept in the infant's history.
     */
    public DispenseView dispense(UUID infantId, String bottleDinInput, String notFirstReason) {
        Din din = Din.parse(bottleDinInput);
        Infant infant = load(infantId);
        infant.checkMayReceiveMilk();
        BottleView bottle = inventory
                .findByDin(din.value())
                .orElseThrow(() -> new RuleViolation("dispensing.bottle.unknown", din.withCheck()));
        if (reserved.ids().contains(bottle.id())) {
            throw new RuleViolation("dispensing.bottle.reserved", din.withCheck());
        }
        Instant now = Instant.now(clock);
        Optional<BottleView> first = FirstToExpire.passedOver(bottle, offeredBottles(today()));
        boolean reasonGiven = notFirstReason != null && !notFirstReason.isBlank();
        if (first.isPresent() && !reasonGiven) {
            throw new RuleViolation(
                            "dispensing.fefo.reasonRequired",
                            din.withCheck(),
                            Din.parse(first.get().din()).withCheck(),
                            first.get().expiresOn())
                    .on("notFirstReason");
        }
        BottleView taken = inventory.takeForDispense(bottle.id(), now);
        Dispense dispense = dispenses.save(new Dispense(infantId, taken.id(), now, CurrentActor.username()));
        Din firstDin = first.map(b -> Din.parse(b.din())).orElse(null);
        events.publishEvent(new BottleDispensed(taken.id(), infantId, now, firstDin));
        if (firstDin == null) {
            history.record(
                    INFANT,
                    infantId,
                    Said.of(
                            "dispensing.history.dispensed",
                            din,
                            taken.volumeMl(),
                            taken.expiresOn().toString()));
        } else {
            history.recordCorrection(
                    INFANT,
                    infantId,
                    Said.of(
                            "dispensing.history.dispensedNotFirst",
                            din,
                            taken.volumeMl(),
                            taken.expiresOn().toString(),
                            firstDin,
                            first.get().expiresOn().toString()),
                    notFirstReason);
        }
        return view(dispense, infant.infantCode(), taken, List.of());
    }

    /** Released bottles in date today, first to expire first: the order to take them off the shelf. */
    @Transactional(readOnly = true)
    public List<BottleView> offeredBottles(LocalDate today) {
        java.util.Set<UUID> held = reserved.ids();
        return inventory.dispensable(today).stream()
                .filter(b -> !held.contains(b.id()))
                .toList();
    }

    /** The infant's bottles, newest first, each with its active holds (a recalled bottle shows "do not feed"). */
    @Transactional(readOnly = true)
    public List<DispenseView> dispensesOf(UUID infantId) {
        Infant infant = load(infantId);
        List<Dispense> given = dispenses.findByInfantIdOrderByDispensedAtDesc(infantId);
        Map<UUID, List<HoldView>> held =
                holds.activeOn(given.stream().map(Dispense::bottleId).toList());
        return given.stream()
                .map(d -> view(
                        d,
                        infant.infantCode(),
                        inventory
                                .find(d.bottleId())
                                .orElseThrow(() -> new IllegalStateException(
                                        "dispensed bottle " + d.bottleId() + " is missing from inventory")),
                        held.getOrDefault(d.bottleId(), List.of())))
                .toList();
    }

    private static DispenseView view(Dispense d, String infantCode, BottleView bottle, List<HoldView> holds) {
        return new DispenseView(
                d.id(),
                d.infantId(),
                infantCode,
                bottle.id(),
                Din.parse(bottle.din()).withCheck(),
                bottle.poolId(),
                bottle.volumeMl(),
                bottle.expiresOn(),
                d.dispensedAt(),
                d.dispensedBy(),
                holds,
                d.returnedAt());
    }

    private void refuseTakenCode(String code, UUID self) {
        infants.findByInfantCodeIgnoreCase(code)
                .filter(other -> !other.id().equals(self))
                .ifPresent(other -> {
                    throw new RuleViolation("dispensing.infant.code.taken", code).on("infantCode");
                });
    }

    private Infant load(UUID infantId) {
        return infants.findById(infantId).orElseThrow(() -> new NotFound("dispensing.infant.notFound", infantId));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
