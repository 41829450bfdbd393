package org.openmilkbank.ward;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.dispensing.orders.OrderManagement;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.InvalidDinException;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.Signatures;
import org.openmilkbank.standards.Parameter;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.ExpiryMoment;
import org.openmilkbank.traceability.GateUse;
import org.openmilkbank.traceability.HoldView;
import org.openmilkbank.traceability.Holds;
import org.openmilkbank.traceability.MilkGate;
import org.openmilkbank.traceability.Verdict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bedside check: the nurse scans the infant's wristband and the bottle or syringe. A refusal blocks the feed and
 * is recorded as a near miss (its reasons, the ward, the nurse, the time) — the check commits the near miss and
 * answers; it does not throw. A passed check records the feed: volume given, time, a FED lineage event. Where the
 * bank lists every refusal as overridable, two nurses may feed anyway: a reason and the second nurse's signature.
 */
@Service
@Transactional
public class Bedside {

    static final String INFANT = "Infant";
    static final String FEED = "WardFeed";

    private final DispensingManagement dispensing;
    private final OrderManagement orders;
    private final Inventory inventory;
    private final WardPreparations preparations;
    private final MilkGate gate;
    private final Holds holds;
    private final JdbcClient jdbc;
    private final Standards standards;
    private final Signatures signatures;
    private final History history;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final BedsideRules rules = BedsideRules.standard();

    Bedside(
            DispensingManagement dispensing,
            OrderManagement orders,
            Inventory inventory,
            WardPreparations preparations,
            MilkGate gate,
            Holds holds,
            JdbcClient jdbc,
            Standards standards,
            Signatures signatures,
            History history,
            Clock clock,
            ApplicationEventPublisher events) {
        this.dispensing = dispensing;
        this.orders = orders;
        this.inventory = inventory;
        this.preparations = preparations;
        this.gate = gate;
        this.holds = holds;
        this.jdbc = jdbc;
        this.standards = standards;
        this.signatures = signatures;
        this.history = history;
        this.clock = clock;
        this.events = events;
    }

    /** What the nurse asks to feed, and, for an override, the reason and the second nurse's signature. */
    public record FeedRequest(
            String infantCode,
            String milkCode,
            Integer volumeMl,
            UUID nearMissId,
            String overrideReason,
            String countersignUsername,
            String countersignPassword) {

        public static FeedRequest of(String infantCode, String milkCode, Integer volumeMl) {
            return new FeedRequest(infantCode, milkCode, volumeMl, null, null, null, null);
        }

        boolean override() {
            return overrideReason != null && !overrideReason.isBlank()
                    || countersignUsername != null && !countersignUsername.isBlank();
        }
    }

    /**
     * Checks the milk for the infant now. A refusal is recorded as a near miss; an unknown wristband or milk code is
     * bad input, refused on its field, and recorded nowhere.
     */
    public BedsideCheck check(String infantCode, String milkCode) {
        Situation s = situation(infantCode, milkCode);
        if (s.refusals().isEmpty()) {
            return s.answer(null, null);
        }
        return s.answer(nearMiss(s), null);
    }

    /** The check as it stands, recording nothing: for drawing a refused feed form again. */
    public BedsideCheck preview(String infantCode, String milkCode, UUID nearMissId) {
        return situation(infantCode, milkCode).answer(nearMissId, null);
    }

    /**
     * Feeds the milk after the same check. Refused: the near miss is recorded and nothing is fed. Refused for reasons
     * the bank lets two nurses override, with a reason and the second nurse's password: fed, naming the near miss.
     */
    public BedsideCheck feed(FeedRequest request) {
        Situation s = situation(request.infantCode(), request.milkCode());
        Integer volume = request.volumeMl();
        if (volume == null || volume <= 0 || volume > s.milk().volumeMl()) {
            throw new RuleViolation("ward.feed.volume", s.milk().volumeMl()).on("volumeMl");
        }
        if (s.refusals().isEmpty()) {
            return s.answer(null, fed(s, volume, null, null, null));
        }
        if (!request.override()) {
            return s.answer(nearMiss(s), null);
        }
        if (!s.overridable()) {
            throw new RuleViolation("ward.override.notAllowed").on("overrideReason");
        }
        if (request.overrideReason() == null || request.overrideReason().isBlank()) {
            throw new RuleViolation("history.reason.required").on("overrideReason");
        }
        UUID nearMissId = Optional.ofNullable(request.nearMissId())
                .filter(id -> sameNearMiss(id, s))
                .orElseGet(() -> nearMiss(s));
        UUID feedId = UUID.randomUUID();
        String second = signatures
                .countersign(
                        request.countersignUsername(),
                        request.countersignPassword(),
                        Role.NURSE,
                        FEED,
                        feedId,
                        Said.of("ward.signature.override"),
                        List.of(Said.of(
                                "ward.signature.override.attest",
                                s.milk().label(),
                                s.infant().infantCode())))
                .username();
        return s.answer(
                nearMissId, fed(s, volume, feedId, request.overrideReason().strip(), second, nearMissId));
    }

    private UUID fed(Situation s, int volume, UUID feedId, String reason, String second) {
        return fed(s, volume, feedId, reason, second, null);
    }

    private UUID fed(Situation s, int volume, UUID feedIdOrNull, String reason, String second, UUID nearMissId) {
        UUID feedId = feedIdOrNull == null ? UUID.randomUUID() : feedIdOrNull;
        Instant at = s.situation().at();
        jdbc.sql("""
                        insert into ward_feed (id, infant_id, unit_id, unit_label, unit_kind, bottle_id, volume_ml,
                                               fed_at, fed_by, ward, override_reason, override_near_miss_id,
                                               countersigned_by)
                        values (:id, :infant, :unit, :label, :kind, :bottle, :volume, :at, :by, :ward, :reason,
                                :nearMiss, :second)
                        """)
                .param("id", feedId)
                .param("infant", s.infant().id())
                .param("unit", s.milk().unitId())
                .param("label", s.milk().label())
                .param("kind", s.milk().aliquot() ? "ALIQUOT" : "BOTTLE")
                .param("bottle", s.milk().bottleId())
                .param("volume", volume)
                .param("at", Timestamp.from(at))
                .param("by", CurrentActor.username())
                .param("ward", s.infant().ward())
                .param("reason", reason)
                .param("nearMiss", nearMissId)
                .param("second", second)
                .update();
        events.publishEvent(new MilkFed(feedId, s.milk().unitId(), s.infant().id(), volume, at, reason != null));
        if (reason == null) {
            history.record(
                    INFANT,
                    s.infant().id(),
                    Said.of("ward.history.fed", s.milk().label(), volume));
        } else {
            history.recordCorrection(
                    INFANT,
                    s.infant().id(),
                    Said.of(
                            "ward.history.fedOverridden",
                            s.milk().label(),
                            volume,
                            second,
                            s.refusals().stream().map(Said::label).toList()),
                    reason);
        }
        return feedId;
    }

    private UUID nearMiss(Situation s) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into ward_near_miss (id, at, ward, nurse, infant_id, scanned_infant_code, unit_id,
                                                    unit_label, reasons)
                        values (:id, :at, :ward, :nurse, :infant, :code, :unit, :label, cast(:reasons as text[]))
                        """)
                .param("id", id)
                .param("at", Timestamp.from(s.situation().at()))
                .param("ward", s.infant().ward())
                .param("nurse", CurrentActor.username())
                .param("infant", s.infant().id())
                .param("code", s.infant().infantCode())
                .param("unit", s.milk().unitId())
                .param("label", s.milk().label())
                .param("reasons", s.refusals().stream().map(Enum::name).toList().toArray(String[]::new))
                .update();
        history.record(
                INFANT,
                s.infant().id(),
                Said.of(
                        "ward.history.nearMiss",
                        s.milk().label(),
                        s.refusals().stream().map(Said::label).toList()));
        return id;
    }

    private boolean sameNearMiss(UUID id, Situation s) {
        return jdbc.sql(
                                "select count(*) from ward_near_miss where id = :id and unit_id = :unit and infant_id = :infant")
                        .param("id", id)
                        .param("unit", s.milk().unitId())
                        .param("infant", s.infant().id())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private record Situation(BedsideSituation situation, List<BedsideRefusal> refusals, boolean overridable) {

        InfantView infant() {
            return situation.infant();
        }

        BedsideSituation.MilkAtBedside milk() {
            return situation.milk();
        }

        BedsideCheck answer(UUID nearMissId, UUID feedId) {
            BedsideSituation.MilkAtBedside m = situation.milk();
            return new BedsideCheck(
                    situation.infant(),
                    new BedsideCheck.MilkShown(
                            m.unitId(), m.code(), m.label(), m.aliquot(), m.volumeMl(), m.expiresAt()),
                    refusals,
                    situation.verdict().reasons(),
                    overridable,
                    nearMissId,
                    feedId);
        }
    }

    private Situation situation(String infantCode, String milkCode) {
        if (infantCode == null || infantCode.isBlank()) {
            throw new RuleViolation("ward.bedside.infant.required").on("infantCode");
        }
        InfantView infant = dispensing
                .findByCode(infantCode)
                .orElseThrow(
                        () -> new RuleViolation("ward.bedside.infant.unknown", infantCode.strip()).on("infantCode"));
        if (milkCode == null || milkCode.isBlank()) {
            throw new RuleViolation("ward.bedside.milk.required").on("milkCode");
        }
        BedsideSituation.MilkAtBedside milk = milk(milkCode)
                .orElseThrow(() -> new RuleViolation("ward.bedside.milk.unknown", milkCode.strip()).on("milkCode"));
        // one check of a unit at a time: two nurses feeding the same syringe at once, the second sees it fed
        jdbc.sql("select pg_advisory_xact_lock(hashtext('ward-feed:' || cast(:id as text)))")
                .param("id", milk.unitId())
                .query(Object.class)
                .single();
        milk = milk(milkCode).orElseThrow();
        Instant now = Instant.now(clock);
        Verdict verdict = gate.check(milk.unitId(), GateUse.FEED, now);
        Map<UUID, org.openmilkbank.traceability.HoldKind> kinds = new HashMap<>();
        for (HoldView h : holds.activeOn(milk.unitId())) {
            kinds.put(h.id(), h.kind());
        }
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        boolean orderInForce = orders.ofInfant(infant.id()).stream().anyMatch(o -> o.inForceOn(today));
        BedsideSituation situation = new BedsideSituation(infant, orderInForce, milk, verdict, kinds, now);
        List<BedsideRefusal> refusals = rules.check(situation);
        boolean overridable =
                BedsideRules.overridable(refusals, standards.activeProfile().list(Parameter.BEDSIDE_OVERRIDE_REASONS));
        return new Situation(situation, refusals, overridable);
    }

    /** A syringe by its code, else a bottle by its DIN; with whom it is meant for and whether it is used up. */
    private Optional<BedsideSituation.MilkAtBedside> milk(String scanned) {
        Optional<AliquotView> aliquot = preparations.aliquotByCode(scanned);
        if (aliquot.isPresent()) {
            AliquotView a = aliquot.get();
            BottleView bottle = inventory.find(a.bottleId()).orElseThrow();
            return Optional.of(new BedsideSituation.MilkAtBedside(
                    a.id(),
                    a.bottleId(),
                    true,
                    a.code(),
                    a.shown(),
                    a.volumeMl(),
                    a.infantId(),
                    bottle.thawedAt(),
                    bottle.endsAt(clock.getZone()),
                    thawClockFirst(bottle),
                    false,
                    fed(a.id())));
        }
        Din din;
        try {
            din = Din.parse(scanned);
        } catch (InvalidDinException e) {
            return Optional.empty();
        }
        return inventory
                .findByDin(din.value())
                .map(b -> new BedsideSituation.MilkAtBedside(
                        b.id(),
                        b.id(),
                        false,
                        din.value(),
                        din.withCheck(),
                        b.volumeMl(),
                        jdbc.sql(
                                        "select infant_id from dispensing_dispense_v where bottle_id = :id and returned_at is null")
                                .param("id", b.id())
                                .query(UUID.class)
                                .optional()
                                .orElse(null),
                        b.thawedAt(),
                        b.endsAt(clock.getZone()),
                        thawClockFirst(b),
                        preparations.preparationOf(b.id()).isPresent(),
                        fed(b.id())));
    }

    private boolean thawClockFirst(BottleView b) {
        return b.expiresAt() != null && b.expiresAt().isBefore(ExpiryMoment.end(b.expiresOn(), null, clock.getZone()));
    }

    private boolean fed(UUID unitId) {
        return jdbc.sql("select count(*) from ward_feed where unit_id = :id")
                        .param("id", unitId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
