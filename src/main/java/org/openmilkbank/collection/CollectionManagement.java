package org.openmilkbank.collection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openmilkbank.donor.AcceptanceDecision;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.MilkAcceptance;
import org.openmilkbank.labeling.DinIssuer;
import org.openmilkbank.labeling.Freezer;
import org.openmilkbank.labeling.Label;
import org.openmilkbank.labeling.LabelSheets;
import org.openmilkbank.labeling.ProductCode;
import org.openmilkbank.logistics.Logistics;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.TextLimits;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.GateUse;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.HoldView;
import org.openmilkbank.traceability.Holds;
import org.openmilkbank.traceability.MilkGate;
import org.openmilkbank.traceability.Verdict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
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

    static final int MAX_NOTE = TextLimits.NOTE;
    /** A mother brings days, at most weeks, of milk at once: more containers in one donation is a typing error. */
    static final int MAX_CONTAINERS_PER_DONATION = 50;

    /** The hold reason of milk a donor-deferral window holds until she is cleared. */
    static final String HELD_BY_WINDOW = "collection.held.donorWindow";

    static final String HELD_BY_RECALL = "collection.held.recall";

    private final DonationRepository donations;
    private final RawContainerRepository containers;
    private final DonorManagement donors;
    private final Standards standards;
    private final DinIssuer dinIssuer;
    private final History history;
    private final MessageSource messages;
    private final Freezer freezer;
    private final LabelSheets labelSheets;
    private final Logistics logistics;
    private final MilkGate milkGate;
    private final Holds holds;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CollectionManagement(
            DonationRepository donations,
            RawContainerRepository containers,
            DonorManagement donors,
            Standards standards,
            DinIssuer dinIssuer,
            History history,
            MessageSource messages,
            Freezer freezer,
            LabelSheets labelSheets,
            Logistics logistics,
            MilkGate milkGate,
            Holds holds,
            ApplicationEventPublisher events,
            Clock clock) {
        this.milkGate = milkGate;
        this.holds = holds;
        this.events = events;
        this.donations = donations;
        this.containers = containers;
        this.donors = donors;
        this.standards = standards;
        this.dinIssuer = dinIssuer;
        this.history = history;
        this.messages = messages;
        this.freezer = freezer;
        this.labelSheets = labelSheets;
        this.logistics = logistics;
        this.clock = clock;
    }

    /** Receives a donation that did not come in a logistics box. */
    public DonationView receive(UUID donorId, List<ContainerIntake> intakes, String note) {
        return receive(donorId, null, intakes, note);
    }

    /**
     * Receives a donation, container by container: accepted into the raw store, held until the donor is
     * cleared, or rejected with its reason; each gets a DIN so that the receipt slip, the rejects list and a
     * look-back can name it. Every line is checked before anything is written, so an input error (unknown
     * donor, impossible volume or weight, expression in the future, a label scanned twice) leaves the raw
     * store, the DIN counter and the donor exactly as they were.
     */
    public DonationView receive(UUID donorId, UUID boxId, List<ContainerIntake> intakes, String note) {
        return receive(donorId, boxId, intakes, note, null);
    }

    /**
     * A reception recorded after the fact (the clerk was at the door, the system was down): {@code receivedAt} is
     * when the milk came in, never in the future; {@code null} means now. Every later step's time is checked
     * against it.
     */
    public DonationView receive(
            UUID donorId, UUID boxId, List<ContainerIntake> intakes, String note, Instant receivedAt) {
        Instant nowInstant = now();
        if (receivedAt != null && receivedAt.isAfter(nowInstant)) {
            throw new RuleViolation("collection.receivedAt.future", receivedAt).on("receivedAt");
        }
        DonorView donor = donors.find(donorId)
                .orElseThrow(() -> new RuleViolation("collection.donor.unknown", donorId == null ? "—" : donorId));
        if (intakes == null || intakes.isEmpty()) {
            throw new RuleViolation("collection.containers.required").on("containers");
        }
        if (intakes.size() > MAX_CONTAINERS_PER_DONATION) {
            throw new RuleViolation("collection.containers.tooMany", intakes.size(), MAX_CONTAINERS_PER_DONATION)
                    .on("containers");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            throw new RuleViolation("collection.note.tooLong", MAX_NOTE).on("note");
        }
        LocalDateTime now =
                receivedAt == null ? LocalDateTime.now(clock) : LocalDateTime.ofInstant(receivedAt, clock.getZone());
        LocalDate today = now.toLocalDate();
        Map<String, Integer> labelCodes = new HashMap<>();
        for (int i = 0; i < intakes.size(); i++) {
            int number = i + 1;
            ContainerIntake intake = intakes.get(i);
            ReceptionRules.checkInput(number, intake, now);
            String code = intake.cleanLabelCode();
            if (code != null) {
                Integer first = labelCodes.putIfAbsent(code, number);
                if (first != null) {
                    throw new RuleViolation("collection.container.scannedTwice", number, code, first)
                            .on(ReceptionRules.line(number, "labelCode"));
                }
                containers.findByDonorIdAndLabelCode(donor.id(), code).ifPresent(earlier -> {
                    throw new RuleViolation(
                                    "collection.container.alreadyReceived",
                                    number,
                                    code,
                                    Din.parse(earlier.din()).withCheck())
                            .on(ReceptionRules.line(number, "labelCode"));
                });
            }
        }
        // a box not yet arrived or unknown refuses the reception before anything is written
        boolean coldChainBroken = boxId != null && !logistics.coldChainOf(boxId).intact();
        int rawMaxAgeDays = standards.activeProfile().rawMaxAgeDays();
        // the gate first, before her eligibility is read: it takes her lock shared, so a block of her milk being
        // placed now has either committed (and is seen here) or waits until this reception committed
        Map<LocalDate, ReceptionRules.Windows> windows = new HashMap<>();
        for (int i = 0; i < intakes.size(); i++) {
            ContainerIntake intake = intakes.get(i);
            String line = "#" + (i + 1);
            windows.computeIfAbsent(intake.expressedOn(), d -> windowsOver(donor.id(), d, line));
        }
        Map<LocalDate, AcceptanceDecision> acceptance = new HashMap<>();
        List<ReceptionOutcome> outcomes = new ArrayList<>();
        for (ContainerIntake intake : intakes) {
            outcomes.add(ReceptionRules.decide(
                    intake,
                    today,
                    rawMaxAgeDays,
                    coldChainBroken,
                    () -> windows.get(intake.expressedOn()),
                    () -> acceptance.computeIfAbsent(intake.expressedOn(), d -> donors.acceptanceOn(donor.id(), d))));
        }

        Instant at = receivedAt == null ? nowInstant : receivedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Donation donation = donations.save(new Donation(donor.id(), boxId, at, CurrentActor.username(), cleanNote));
        List<RawContainer> saved = new ArrayList<>();
        List<ContainersReceived.Line> lines = new ArrayList<>();
        for (int i = 0; i < intakes.size(); i++) {
            ContainerIntake intake = intakes.get(i);
            ReceptionOutcome outcome = outcomes.get(i);
            Din din = dinIssuer.next();
            RawContainer container = containers.save(
                    new RawContainer(din.value(), donation.id(), donor.id(), i + 1, intake, outcome, at));
            history.record(CONTAINER, container.id(), received(din, container, donor));
            saved.add(container);
            lines.add(new ContainersReceived.Line(
                    container.id(),
                    din,
                    container.expressedOn(),
                    container.volumeMl(),
                    container.state(),
                    container.rejectReason(),
                    outcome.holdReasons().stream().map(Said::key).toList()));
        }
        events.publishEvent(new ContainersReceived(donation.id(), donor.id(), boxId, at, lines));
        history.record(DONATION, donation.id(), donationSummary(saved, donor));
        saved.stream()
                .filter(c -> c.state() != ContainerState.REJECTED)
                .map(RawContainer::expressedOn)
                .min(Comparator.naturalOrder())
                .ifPresent(first -> donors.recordDonation(donor.id(), first));
        return view(donation, saved, donor.code());
    }

    /**
     * What the donor's risk windows say about milk she expressed on that day, as the gate answers (taking her
     * lock shared): blocked for good by a DONOR_BLOCK window, held until she is cleared by a DONOR_DEFERRAL one.
     */
    private ReceptionRules.Windows windowsOver(UUID donorId, LocalDate expressedOn, String label) {
        Verdict verdict = milkGate.checkReception(donorId, expressedOn, label);
        if (verdict.allowed()) {
            return ReceptionRules.Windows.NONE;
        }
        Map<UUID, HoldKind> kinds =
                holds.ofDonor(donorId).stream().collect(Collectors.toMap(HoldView::id, HoldView::kind, (a, b) -> a));
        boolean blocked = false;
        List<Said> holding = new ArrayList<>();
        for (Verdict.Reason reason : verdict.reasons()) {
            HoldKind kind = reason.holdId() == null ? null : kinds.get(reason.holdId());
            if (kind == HoldKind.DONOR_DEFERRAL) {
                holding.add(Said.of(HELD_BY_WINDOW));
            } else if (kind == HoldKind.RECALL) {
                // an open recall of her milk: kept in the bank, held until the case decides
                holding.add(Said.of(HELD_BY_RECALL));
            } else {
                // a block, or anything the gate names that is not a hold until she is cleared: never accepted
                blocked = true;
            }
        }
        return new ReceptionRules.Windows(blocked, holding.stream().distinct().toList());
    }

    /**
     * Decides again every container held for this donor, as the gate and her status now stand on each expression
     * day: milk a risk window blocks is rejected "donor blocked"; milk still under a hold stays held; otherwise
     * accepted milk joins the raw store, rejected milk is rejected "donor not eligible", pending milk stays held.
     * Called when the donor module says she was cleared.
     */
    public List<ReceivedContainer> decideHeld(UUID donorId) {
        String code = donorCode(donorId);
        Map<LocalDate, AcceptanceDecision> acceptance = new HashMap<>();
        Instant at = now();
        // her held containers locked, so two decisions queue and each sees what the other committed; then the
        // gate, which takes her lock and the containers' shared after these row locks
        List<RawContainer> held = containers.lockAllOfDonor(donorId).stream()
                .filter(c -> c.state() == ContainerState.HELD)
                .toList();
        List<RawContainer> decided = new ArrayList<>();
        List<HeldContainersDecided.Decision> decisions = new ArrayList<>();
        for (RawContainer container : held) {
            Verdict verdict = milkGate.check(container.id(), GateUse.RECEIVE, Instant.now(clock));
            Din din = Din.parse(container.din());
            if (!verdict.allowed()) {
                Map<UUID, HoldKind> kinds = holds.activeOn(container.id()).stream()
                        .collect(Collectors.toMap(HoldView::id, HoldView::kind, (a, b) -> a));
                boolean blocked = verdict.reasons().stream()
                        .anyMatch(r -> r.holdId() != null && kinds.get(r.holdId()) == HoldKind.DONOR_BLOCK);
                if (blocked) {
                    container.rejectHeld(RejectReason.DONOR_BLOCKED, at);
                    history.record(
                            CONTAINER,
                            container.id(),
                            Said.of(
                                    "collection.history.rejectedAfterHold",
                                    din,
                                    code,
                                    Said.code(RejectReason.DONOR_BLOCKED.messageKey())));
                    decisions.add(new HeldContainersDecided.Decision(container.id(), RejectReason.DONOR_BLOCKED));
                    decided.add(container);
                }
                // any other hold (her deferral window not yet lifted, a recall): it stays held
                continue;
            }
            AcceptanceDecision decision =
                    acceptance.computeIfAbsent(container.expressedOn(), d -> donors.acceptanceOn(donorId, d));
            if (decision.decision() == MilkAcceptance.ACCEPT) {
                container.release(at);
                history.record(CONTAINER, container.id(), Said.of("collection.history.acceptedFromHold", din, code));
                decisions.add(new HeldContainersDecided.Decision(container.id(), null));
                decided.add(container);
            } else if (decision.decision() == MilkAcceptance.REJECT) {
                container.rejectHeld(RejectReason.DONOR_NOT_ELIGIBLE, at);
                history.record(
                        CONTAINER,
                        container.id(),
                        Said.of(
                                "collection.history.rejectedAfterHold",
                                din,
                                code,
                                Said.code(RejectReason.DONOR_NOT_ELIGIBLE.messageKey())));
                decisions.add(new HeldContainersDecided.Decision(container.id(), RejectReason.DONOR_NOT_ELIGIBLE));
                decided.add(container);
            } else {
                container.stillHeld(ReceptionRules.reasons(decision));
            }
        }
        if (!decisions.isEmpty()) {
            events.publishEvent(new HeldContainersDecided(at, decisions));
        }
        return decided.stream().map(c -> received(c, code)).toList();
    }

    /** A page of the containers held until their donor is cleared, oldest expression first, with the total. */
    @Transactional(readOnly = true)
    public Paged<ReceivedContainer> held(PageRequest page) {
        Map<UUID, String> codes = new HashMap<>();
        return Paged.of(containers.findByStateOrderByExpressedOnAscDinAsc(ContainerState.HELD, page.pageable()), page)
                .map(c -> received(c, codes.computeIfAbsent(c.donorId(), this::donorCode)));
    }

    /** Donations received on a day (the bank's day), newest first: the work list of containers received by donor. */
    @Transactional(readOnly = true)
    public List<DonationView> receivedOn(LocalDate day) {
        Instant from = day.atStartOfDay(clock.getZone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        Map<UUID, String> codes = new HashMap<>();
        return donations.findByReceivedAtGreaterThanEqualAndReceivedAtLessThanOrderByReceivedAtDesc(from, to).stream()
                .map(d -> view(
                        d,
                        containers.findByDonationIdOrderByLineNoAscDinAsc(d.id()),
                        codes.computeIfAbsent(d.donorId(), this::donorCode)))
                .toList();
    }

    /** Containers rejected between two days (inclusive), counted by reason; every reason is present. */
    @Transactional(readOnly = true)
    public Map<RejectReason, Long> rejectsByReason(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new RuleViolation("collection.rejects.badRange", from, to);
        }
        Map<RejectReason, Long> counts = new java.util.EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            counts.put(reason, 0L);
        }
        for (Object[] row : containers.countRejectedByReason(
                from.atStartOfDay(clock.getZone()).toInstant(),
                to.plusDays(1).atStartOfDay(clock.getZone()).toInstant())) {
            counts.put((RejectReason) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** A page of the containers rejected between two days (inclusive), newest first, with the total. */
    @Transactional(readOnly = true)
    public Paged<ReceivedContainer> rejected(LocalDate from, LocalDate to, PageRequest page) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new RuleViolation("collection.rejects.badRange", from, to);
        }
        Map<UUID, String> codes = new HashMap<>();
        return Paged.of(
                        containers.findRejected(
                                from.atStartOfDay(clock.getZone()).toInstant(),
                                to.plusDays(1).atStartOfDay(clock.getZone()).toInstant(),
                                page.pageable()),
                        page)
                .map(c -> received(c, codes.computeIfAbsent(c.donorId(), this::donorCode)));
    }

    /** Labels for every container of the donation the bank keeps (accepted and held), in line order. */
    @Transactional(readOnly = true)
    public List<Label> labelsOfDonation(UUID donationId, Locale locale) {
        Donation donation = donations
                .findById(donationId)
                .orElseThrow(() -> new NotFound("collection.donation.notFound", donationId));
        String code = donorCode(donation.donorId());
        int rawMaxAgeDays = standards.activeProfile().rawMaxAgeDays();
        List<Label> labels = containers.findByDonationIdOrderByLineNoAscDinAsc(donationId).stream()
                .filter(c -> c.state() != ContainerState.REJECTED)
                .map(c -> label(c, code, rawMaxAgeDays, locale))
                .toList();
        if (labels.isEmpty()) {
            throw new RuleViolation("collection.labels.noneKept");
        }
        return labels;
    }

    /** The label of one container; a rejected container is never labelled. */
    @Transactional(readOnly = true)
    public Label labelOfContainer(String scannedDin, Locale locale) {
        RawContainer container = loadByDin(scannedDin);
        if (container.state() == ContainerState.REJECTED) {
            throw new RuleViolation(
                    "collection.labels.rejected", Din.parse(container.din()).withCheck());
        }
        return label(
                container,
                donorCode(container.donorId()),
                standards.activeProfile().rawMaxAgeDays(),
                locale);
    }

    /**
     * The donor's receipt slip (PDF): what the bank received from her in this donation, what it holds until
     * she is cleared, and what it rejected and why, in her preferred language (the reader's if the bank does not
     * speak hers).
     */
    @Transactional(readOnly = true)
    public byte[] receiptSlip(UUID donationId, Locale readerLocale) {
        UUID donorId = findDonation(donationId)
                .orElseThrow(() -> new NotFound("collection.donation.notFound", donationId))
                .donorId();
        // the slip is hers: printed in her preferred language when the bank speaks it, else the clerk's
        Locale locale = donors.find(donorId)
                .flatMap(v -> org.openmilkbank.shared.Languages.of(v.preferredLanguage()))
                .orElse(readerLocale);
        var reader = org.springframework.context.i18n.LocaleContextHolder.getLocaleContext();
        try {
            // the hold reasons of the donation are rendered in the language the slip is printed in
            org.springframework.context.i18n.LocaleContextHolder.setLocale(locale);
            return receiptSlip(findDonation(donationId).orElseThrow(), locale);
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.setLocaleContext(reader);
        }
    }

    private byte[] receiptSlip(DonationView d, Locale locale) {
        // printed at reception by the lab too: her name only for staff with clinical rights, else her code
        String name = org.openmilkbank.donor.ClinicalRights.current()
                ? donors.find(d.donorId()).map(DonorView::fullName).orElse("")
                : "";
        java.time.format.DateTimeFormatter when =
                java.time.format.DateTimeFormatter.ofPattern(text(locale, "format.dateTime"), locale);
        List<String> lines = new ArrayList<>();
        lines.add(text(locale, "collection.slip.donor", d.donorCode(), name));
        lines.add(text(
                locale,
                "collection.slip.received",
                when.format(d.receivedAt().atZone(clock.getZone())),
                d.receivedBy()));
        lines.add(text(
                locale,
                "collection.slip.summary",
                d.lines().size(),
                d.accepted().size(),
                d.held().size(),
                d.rejected().size(),
                d.totalVolumeMl()));
        slipSection(lines, locale, "collection.slip.accepted", d.accepted());
        slipSection(lines, locale, "collection.slip.held", d.held());
        slipSection(lines, locale, "collection.slip.rejected", d.rejected());
        if (d.note() != null) {
            lines.add("");
            lines.add(text(locale, "collection.note") + ": " + d.note());
        }
        lines.add("");
        lines.add(text(locale, "collection.slip.thanks"));
        return labelSheets.document(text(locale, "collection.slip.title"), lines);
    }

    private void slipSection(List<String> lines, Locale locale, String key, List<ReceivedContainer> items) {
        if (items.isEmpty()) {
            return;
        }
        lines.add("");
        lines.add(text(locale, key, items.size()));
        for (ReceivedContainer item : items) {
            RawContainerView c = item.container();
            StringBuilder line = new StringBuilder("  ")
                    .append(item.lineNo())
                    .append(". ")
                    .append(Din.parse(c.din()).withCheck())
                    .append("   ")
                    .append(java.text.NumberFormat.getIntegerInstance(locale).format(c.volumeMl()))
                    .append(" mL   ")
                    .append(text(locale, "collection.expressedOn"))
                    .append(' ')
                    .append(java.time.format.DateTimeFormatter.ofPattern(text(locale, "format.date"), locale)
                            .format(c.expressedOn()));
            if (item.expressedAt() != null) {
                line.append(' ').append(item.expressedAt());
            }
            if (item.rejectReason() != null) {
                line.append("   — ").append(text(locale, item.rejectReason().messageKey()));
            }
            if (item.holdReason() != null) {
                line.append("   — ").append(item.holdReason());
            }
            lines.add(line.toString());
        }
    }

    private Label label(RawContainer c, String donorCode, int rawMaxAgeDays, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(donorCode + " · " + text(locale, "collection.expressedOn") + " " + c.expressedOn()
                + (c.expressedAt() == null ? "" : " " + c.expressedAt()));
        if (c.state() == ContainerState.HELD) {
            lines.add(text(locale, "collection.label.held"));
        }
        return new Label(
                Din.parse(c.din()), freezer.rawProduct(), c.expressedOn().plusDays(rawMaxAgeDays), c.volumeMl(), lines);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** The ICCBBA product of raw milk at this bank's freezer temperature. */
    public ProductCode rawProduct() {
        return freezer.rawProduct();
    }

    private static Said received(Din din, RawContainer c, DonorView donor) {
        Said condition = Said.code("collection.condition." + c.condition().name());
        return switch (c.state()) {
            case HELD ->
                Said.of("collection.history.receivedHeld", din, c.volumeMl(), c.expressedOn(), condition, donor.code());
            case REJECTED ->
                Said.of(
                        "collection.history.rejected",
                        din,
                        c.volumeMl(),
                        c.expressedOn(),
                        condition,
                        donor.code(),
                        Said.code(c.rejectReason().messageKey()));
            default ->
                Said.of("collection.history.received", din, c.volumeMl(), c.expressedOn(), condition, donor.code());
        };
    }

    private static Said donationSummary(List<RawContainer> saved, DonorView donor) {
        long accepted = saved.stream()
                .filter(c -> c.state() == ContainerState.RAW_FROZEN)
                .count();
        long held = saved.stream().filter(c -> c.state() == ContainerState.HELD).count();
        long rejected =
                saved.stream().filter(c -> c.state() == ContainerState.REJECTED).count();
        int volume = saved.stream()
                .filter(c -> c.state() != ContainerState.REJECTED)
                .mapToInt(RawContainer::volumeMl)
                .sum();
        return Said.of(
                "collection.history.donationReceived", saved.size(), donor.code(), accepted, held, rejected, volume);
    }

    /** The container as reception recorded it, its hold reasons rendered in the reader's language. */
    private ReceivedContainer received(RawContainer c, String donorCode) {
        List<Said> reasons = c.holdReasons();
        String text = reasons.isEmpty()
                ? null
                : reasons.stream()
                        .map(r -> messages.getMessage(r, LocaleContextHolder.getLocale()))
                        .collect(Collectors.joining("; "));
        return c.received(donorCode, text);
    }

    @Transactional(readOnly = true)
    public Optional<DonationView> findDonation(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return donations
                .findById(id)
                .map(d -> view(d, containers.findByDonationIdOrderByLineNoAscDinAsc(d.id()), null));
    }

    @Transactional(readOnly = true)
    public List<DonationView> donationsOf(UUID donorId) {
        String code = donors.find(donorId).map(DonorView::code).orElse(null);
        return donations.findByDonorIdOrderByReceivedAtDesc(donorId).stream()
                .map(d -> view(d, containers.findByDonationIdOrderByLineNoAscDinAsc(d.id()), code))
                .toList();
    }

    /** Takes a raw frozen container out of use, with the reason; it stays on record. */
    public RawContainerView discardContainer(String din, String reason) {
        RawContainer container = loadByDin(din);
        container.discard(reason);
        history.recordCorrection(
                CONTAINER, container.id(), Said.of("collection.history.discarded", Din.parse(container.din())), reason);
        events.publishEvent(new ContainerDiscarded(container.id(), now()));
        return container.view(donorCode(container.donorId()));
    }

    /**
     * Discards a container the lab's quality control failed, in the lab's transaction: a coded decision whose
     * reasons are data ({@code reasons}); refused like any discard when the container is no longer in the store.
     */
    void discardRejectedByLab(UUID containerId, List<Said> reasons) {
        RawContainer container = containers
                .findById(containerId)
                .orElseThrow(() -> new NotFound("collection.container.notFound", containerId));
        container.discardCoded();
        history.recordCoded(
                CONTAINER,
                container.id(),
                Said.of("collection.history.discardedByLab", Din.parse(container.din()), reasons),
                ContainerDiscarded.REASON_LAB,
                null);
        events.publishEvent(new ContainerDiscarded(container.id(), now(), ContainerDiscarded.REASON_LAB));
    }

    /** A page of the raw store, newest received first, with the total; {@code state} null lists every state. */
    @Transactional(readOnly = true)
    public Paged<RawContainerView> containers(ContainerState state, PageRequest page) {
        Page<RawContainer> found = containers.findNewestFirst(state, page.pageable());
        return new Paged<>(views(found.getContent()), page, found.getTotalElements());
    }

    /** A container by a DIN as typed or scanned (13 or 14 characters, or an ISBT data structure). */
    @Transactional(readOnly = true)
    public Optional<RawContainerDetail> container(String scannedDin) {
        String din = Din.parse(scannedDin).value();
        return containers.findByDin(din).map(c -> {
            ReceivedContainer received = received(c, donorCode(c.donorId()));
            return new RawContainerDetail(
                    received.container(),
                    c.poolId(),
                    c.state() == ContainerState.DISCARDED && c.discardReason() == null
                            ? messages.getMessage(ContainerDiscarded.REASON_LAB, null, LocaleContextHolder.getLocale())
                            : c.discardReason(),
                    holds.activeOn(c.id()),
                    received,
                    c.state() == ContainerState.REJECTED ? null : freezer.rawProduct());
        });
    }

    /** The active holds of many containers at once (their own and their donors' windows), for lists: one query. */
    @Transactional(readOnly = true)
    public Map<UUID, List<HoldView>> activeHolds(List<UUID> containerIds) {
        return holds.activeOn(containerIds);
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
        List<RawContainer> raw = containers.findByStateAndExpressedOnGreaterThanEqualOrderByExpressedOnAscDinAsc(
                ContainerState.RAW_FROZEN, today.minusDays(rawMaxAgeDays));
        // one query for the holds of all of them: a container under a hold (its own, a donor window) is not offered
        Map<UUID, List<HoldView>> held =
                holds.activeOn(raw.stream().map(RawContainer::id).toList());
        return views(raw.stream()
                .filter(c -> held.getOrDefault(c.id(), List.of()).isEmpty())
                .toList());
    }

    @Override
    public List<RawContainerView> takeForPool(List<UUID> containerIds, UUID poolId, Din poolDin, Instant at) {
        if (poolId == null || poolDin == null) {
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
        List<RawContainer> taken = new ArrayList<>();
        for (UUID id : containerIds) {
            RawContainer container = locked.get(id);
            if (container == null) {
                throw new RuleViolation("collection.container.unknown", id);
            }
            // refuses a pooled, discarded, rejected or held container; the transaction rolls back every change
            container.pool(poolId);
            taken.add(container);
        }
        // after the row locks: holds, donor windows, the raw-milk age and times that cannot be true, every reason
        for (RawContainer container : taken) {
            milkGate.require(container.id(), GateUse.POOL, at);
        }
        for (RawContainer container : taken) {
            history.record(
                    CONTAINER,
                    container.id(),
                    Said.of("collection.history.takenForPool", Din.parse(container.din()), poolDin));
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
                saved.stream().map(c -> c.view(code)).toList(),
                donation.boxId(),
                saved.stream().map(c -> received(c, code)).toList());
    }
}
