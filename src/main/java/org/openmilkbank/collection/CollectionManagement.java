package org.openmilkbank.collection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.Eligibility;
import org.openmilkbank.labeling.DinIssuer;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Standards;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reception of donations into the raw store, and the raw store itself as processing takes milk from it. */
@Service
@Transactional
public class CollectionManagement implements RawMilk {

    public static final String DONATION = "Donation";
    public static final String CONTAINER = "RawContainer";
    /** No single container a donor brings holds more than this; a larger number is a typing error. */
    public static final int MAX_CONTAINER_VOLUME_ML = 1000;

    static final int MAX_NOTE = 1000;
    private static final int LIST_LIMIT = 500;

    private final DonationRepository donations;
    private final RawContainerRepository containers;
    private final DonorManagement donors;
    private final Standards standards;
    private final DinIssuer dinIssuer;
    private final History history;
    private final MessageSource messages;
    private final Clock clock;

    CollectionManagement(
            DonationRepository donations,
            RawContainerRepository containers,
            DonorManagement donors,
            Standards standards,
            DinIssuer dinIssuer,
            History history,
            MessageSource messages,
            Clock clock) {
        this.donations = donations;
        this.containers = containers;
        this.donors = donors;
        this.standards = standards;
        this.dinIssuer = dinIssuer;
        this.history = history;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Receives a donation: every container is checked before anything is written, so a refusal leaves the
     * raw store, the DIN counter and the donor exactly as they were.
     */
    public DonationView receive(UUID donorId, List<ContainerIntake> intakes, String note) {
        DonorView donor = donors.find(donorId)
                .orElseThrow(() -> new RuleViolation("collection.donor.unknown", donorId == null ? "—" : donorId));
        if (intakes == null || intakes.isEmpty()) {
            throw new RuleViolation("collection.containers.required");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            throw new RuleViolation("collection.note.tooLong", MAX_NOTE);
        }
        LocalDate today = LocalDate.now(clock);
        int rawMaxAgeDays = standards.activeProfile().rawMaxAgeDays();
        Map<LocalDate, Eligibility> eligibility = new HashMap<>();
        for (int i = 0; i < intakes.size(); i++) {
            int number = i + 1;
            ContainerIntake intake = intakes.get(i);
            if (intake == null) {
                throw new RuleViolation("collection.container.missing", number);
            }
            if (intake.volumeMl() <= 0 || intake.volumeMl() > MAX_CONTAINER_VOLUME_ML) {
                throw new RuleViolation(
                        "collection.container.volume", number, intake.volumeMl(), MAX_CONTAINER_VOLUME_ML);
            }
            LocalDate expressedOn = intake.expressedOn();
            if (expressedOn == null) {
                throw new RuleViolation("collection.container.expressedOnRequired", number);
            }
            if (expressedOn.isAfter(today)) {
                throw new RuleViolation("collection.container.expressedInFuture", number, expressedOn);
            }
            if (!RawContainer.withinAgeLimit(expressedOn, today, rawMaxAgeDays)) {
                throw new RuleViolation("collection.container.tooOldAtReception", number, expressedOn, rawMaxAgeDays);
            }
            Eligibility onThatDay = eligibility.computeIfAbsent(expressedOn, d -> donors.eligibilityOn(donor.id(), d));
            if (!onThatDay.eligible()) {
                throw new RuleViolation(
                        "collection.container.donorNotEligible",
                        number,
                        donor.code(),
                        expressedOn,
                        translatedReasons(onThatDay));
            }
        }

        Donation donation = donations.save(new Donation(donor.id(), now(), CurrentActor.username(), cleanNote));
        List<RawContainer> saved = new ArrayList<>();
        for (ContainerIntake intake : intakes) {
            Din din = dinIssuer.next();
            RawContainer container = containers.save(
                    new RawContainer(din.value(), donation.id(), donor.id(), intake.volumeMl(), intake.expressedOn()));
            history.record(
                    CONTAINER,
                    container.id(),
                    "received",
                    din.withCheck() + ", " + intake.volumeMl() + " mL expressed " + intake.expressedOn() + ", donor "
                            + donor.code());
            saved.add(container);
        }
        history.record(
                DONATION,
                donation.id(),
                "received",
                saved.size() + " container(s), "
                        + saved.stream().mapToInt(RawContainer::volumeMl).sum() + " mL from donor " + donor.code());
        saved.stream()
                .map(RawContainer::expressedOn)
                .min(Comparator.naturalOrder())
                .ifPresent(first -> donors.recordDonation(donor.id(), first));
        return view(donation, saved, donor.code());
    }

    @Transactional(readOnly = true)
    public Optional<DonationView> findDonation(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return donations.findById(id).map(d -> view(d, containers.findByDonationIdOrderByDin(d.id()), null));
    }

    @Transactional(readOnly = true)
    public List<DonationView> donationsOf(UUID donorId) {
        String code = donors.find(donorId).map(DonorView::code).orElse(null);
        return donations.findByDonorIdOrderByReceivedAtDesc(donorId).stream()
                .map(d -> view(d, containers.findByDonationIdOrderByDin(d.id()), code))
                .toList();
    }

    /** Takes a raw frozen container out of use, with the reason; it stays on record. */
    public RawContainerView discardContainer(String din, String reason) {
        RawContainer container = loadByDin(din);
        container.discard(reason);
        history.recordCorrection(
                CONTAINER,
                container.id(),
                "discarded",
                Din.parse(container.din()).withCheck(),
                reason);
        return container.view(donorCode(container.donorId()));
    }

    /** The raw store, oldest expression first; {@code state} null lists every state. */
    @Transactional(readOnly = true)
    public List<RawContainerView> containers(ContainerState state) {
        List<RawContainer> found = state == null
                ? containers.findAllByOrderByExpressedOnAscDinAsc(Limit.of(LIST_LIMIT))
                : containers.findByStateOrderByExpressedOnAscDinAsc(state, Limit.of(LIST_LIMIT));
        return views(found);
    }

    /** A container by a DIN as typed or scanned (13 or 14 characters, or an ISBT data structure). */
    @Transactional(readOnly = true)
    public Optional<RawContainerDetail> container(String scannedDin) {
        String din = Din.parse(scannedDin).value();
        return containers
                .findByDin(din)
                .map(c -> new RawContainerDetail(
                        c.view(donorCode(c.donorId())), c.poolId(), c.discardReason(), c.blockReason()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RawContainerView> findByDin(String din) {
        if (din == null || din.isBlank()) {
            return Optional.empty();
        }
        return containers.findByDin(Din.parse(din).value()).map(c -> c.view(donorCode(c.donorId())));
    }

    @Override
    @Transactional(readOnly = true)
    public List<RawContainerView> usableForPooling(LocalDate today) {
        int rawMaxAgeDays = standards.activeProfile().rawMaxAgeDays();
        return views(containers.findByStateAndExpressedOnGreaterThanEqualOrderByExpressedOnAscDinAsc(
                ContainerState.RAW_FROZEN, today.minusDays(rawMaxAgeDays)));
    }

    @Override
    public List<RawContainerView> takeForPool(List<UUID> containerIds, UUID poolId, LocalDate today) {
        if (poolId == null) {
            throw new RuleViolation("collection.pool.required");
        }
        if (containerIds == null || containerIds.isEmpty()) {
            throw new RuleViolation("collection.pool.noContainers");
        }
        Set<UUID> seen = new HashSet<>();
        for (UUID id : containerIds) {
            if (id == null) {
                throw new RuleViolation("collection.container.unknown", "—");
            }
            if (!seen.add(id)) {
                throw new RuleViolation("collection.container.listedTwice", dinOrId(id));
            }
        }
        Map<UUID, RawContainer> locked =
                containers.lockAll(seen).stream().collect(Collectors.toMap(RawContainer::id, Function.identity()));
        int rawMaxAgeDays = standards.activeProfile().rawMaxAgeDays();
        List<RawContainer> taken = new ArrayList<>();
        for (UUID id : containerIds) {
            RawContainer container = locked.get(id);
            if (container == null) {
                throw new RuleViolation("collection.container.unknown", id);
            }
            // refuses a pooled, discarded or too old container; the transaction rolls back every change
            container.pool(poolId, today, rawMaxAgeDays);
            taken.add(container);
        }
        for (RawContainer container : taken) {
            history.record(
                    CONTAINER,
                    container.id(),
                    "taken for pool",
                    Din.parse(container.din()).withCheck() + " into pool " + poolId);
        }
        return views(taken);
    }

    /** Now, at the database's precision, so that a view returned now equals the one read back later. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private RawContainer loadByDin(String scannedDin) {
        String din = Din.parse(scannedDin).value();
        return containers.findByDin(din).orElseThrow(() -> new NotFound("collection.container.notFound", din));
    }

    private String dinOrId(UUID id) {
        return containers.findById(id).map(RawContainer::din).orElse(String.valueOf(id));
    }

    private String donorCode(UUID donorId) {
        return donors.find(donorId).map(DonorView::code).orElse(null);
    }

    private List<RawContainerView> views(List<RawContainer> found) {
        Map<UUID, String> codes = new HashMap<>();
        return found.stream()
                .map(c -> c.view(codes.computeIfAbsent(c.donorId(), this::donorCode)))
                .toList();
    }

    private DonationView view(Donation donation, List<RawContainer> saved, String knownDonorCode) {
        String code = knownDonorCode != null ? knownDonorCode : donorCode(donation.donorId());
        return new DonationView(
                donation.id(),
                donation.donorId(),
                code,
                donation.receivedAt(),
                donation.receivedBy(),
                donation.note(),
                saved.stream().map(c -> c.view(code)).toList());
    }

    private String translatedReasons(Eligibility eligibility) {
        return eligibility.reasons().stream()
                .map(r -> messages.getMessage(r.code(), r.args().toArray(), r.code(), LocaleContextHolder.getLocale()))
                .collect(Collectors.joining("; "));
    }
}
