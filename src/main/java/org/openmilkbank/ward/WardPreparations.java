package org.openmilkbank.ward;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.inventory.ThawMethod;
import org.openmilkbank.inventory.Thawing;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.traceability.GateUse;
import org.openmilkbank.traceability.MilkGate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Thawing a bottle on the ward and dividing it into syringes for one or several infants, the remainder discarded
 * with a reason. Only a bottle dispensed to the ward, thawed, and allowed by the safety gate is divided, once.
 */
@Service
@Transactional
public class WardPreparations {

    static final String BOTTLE = "Bottle";

    private final Thawing thawing;
    private final Inventory inventory;
    private final DispensingManagement dispensing;
    private final MilkGate gate;
    private final JdbcClient jdbc;
    private final History history;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WardPreparations(
            Thawing thawing,
            Inventory inventory,
            DispensingManagement dispensing,
            MilkGate gate,
            JdbcClient jdbc,
            History history,
            Clock clock,
            ApplicationEventPublisher events) {
        this.thawing = thawing;
        this.inventory = inventory;
        this.dispensing = dispensing;
        this.gate = gate;
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
        this.events = events;
    }

    /** How a bottle is thawed on the ward: in a fridge, at room temperature, or warmed (once thawed) for a feed. */
    public enum WardThaw {
        FRIDGE,
        ROOM,
        WARM
    }

    /** The bottle as scanned (13 or 14 characters), refused when no bottle has that DIN. */
    @Transactional(readOnly = true)
    public BottleView bottle(String dinInput) {
        Din din = Din.parse(dinInput);
        return inventory
                .findByDin(din.value())
                .orElseThrow(() -> new RuleViolation("ward.bottle.unknown", din.withCheck()).on("din"));
    }

    /** Thaws or warms the bottle now: its clock is the profile's for that way (see {@code inventory.Thawing}). */
    public BottleView thaw(String dinInput, WardThaw how) {
        if (how == null) {
            throw new RuleViolation("inventory.thaw.method.required").on("method");
        }
        BottleView bottle = bottle(dinInput);
        onWard(bottle);
        return switch (how) {
            case FRIDGE -> thawing.thaw(bottle.din(), ThawMethod.FRIDGE, null);
            case ROOM -> thawing.thaw(bottle.din(), ThawMethod.ROOM, null);
            case WARM -> thawing.warm(bottle.din(), null);
        };
    }

    /** A syringe asked for: the infant's hospital number as scanned from her wristband, and how much. */
    public record Syringe(String infantCode, Integer volumeMl) {}

    /**
     * Divides the thawed bottle into the syringes asked for, in that order (A0, B0 …), each labelled for its infant;
     * the rest of the bottle is discarded with the reason. Refuses, changing nothing, a bottle not on the ward, not
     * thawed, divided before or refused by the gate, an unknown infant, and syringes that hold more than the bottle.
     */
    public PreparationView prepare(String dinInput, List<Syringe> syringes, String remainderReason) {
        BottleView found = bottle(dinInput);
        Din din = Din.parse(found.din());
        // one preparation of a bottle at a time: a second nurse dividing it at once waits, then is refused
        jdbc.sql("select pg_advisory_xact_lock(hashtext('ward-bottle:' || cast(:id as text)))")
                .param("id", found.id())
                .query(Object.class)
                .single();
        BottleView bottle = inventory.find(found.id()).orElseThrow();
        onWard(bottle);
        if (bottle.thawedAt() == null) {
            throw new RuleViolation("ward.prepare.notThawed", din.withCheck()).on("din");
        }
        if (preparationOf(bottle.id()).isPresent()) {
            throw new RuleViolation("ward.prepare.already", din.withCheck()).on("din");
        }
        Instant now = Instant.now(clock);
        gate.check(bottle.id(), GateUse.FEED, now).orThrow();
        List<AliquotPlan.Wanted> wanted = new ArrayList<>();
        List<InfantView> infants = new ArrayList<>();
        for (Syringe s : syringes == null ? List.<Syringe>of() : syringes) {
            InfantView infant = dispensing
                    .findByCode(s.infantCode())
                    .orElseThrow(() -> new RuleViolation(
                                    "ward.infant.unknown",
                                    s.infantCode() == null ? "" : s.infantCode().strip())
                            .on("aliquots"));
            infants.add(infant);
            wanted.add(new AliquotPlan.Wanted(infant.id(), s.volumeMl()));
        }
        AliquotPlan plan = AliquotPlan.of(bottle.volumeMl(), wanted, remainderReason);
        String actor = CurrentActor.username();
        UUID preparationId = UUID.randomUUID();
        Instant expiresAt = bottle.endsAt(clock.getZone());
        jdbc.sql("""
                        insert into ward_preparation (id, bottle_id, bottle_din, bottle_volume_ml, remainder_ml,
                                                      remainder_reason, prepared_at, prepared_by)
                        values (:id, :bottle, :din, :volume, :remainder, :reason, :at, :by)
                        """)
                .param("id", preparationId)
                .param("bottle", bottle.id())
                .param("din", din.value())
                .param("volume", bottle.volumeMl())
                .param("remainder", plan.remainderMl())
                .param("reason", plan.remainderReason())
                .param("at", Timestamp.from(now))
                .param("by", actor)
                .update();
        List<AliquotsPrepared.Made> made = new ArrayList<>();
        for (AliquotPlan.Part part : plan.parts()) {
            UUID id = UUID.randomUUID();
            String code = part.division().codeOf(din);
            jdbc.sql("""
                            insert into ward_aliquot (id, preparation_id, bottle_id, code, division_code, infant_id,
                                                      volume_ml, expires_at, thawed_at, prepared_at, prepared_by)
                            values (:id, :preparation, :bottle, :code, :division, :infant, :volume, :expires,
                                    :thawed, :at, :by)
                            """)
                    .param("id", id)
                    .param("preparation", preparationId)
                    .param("bottle", bottle.id())
                    .param("code", code)
                    .param("division", part.division().value())
                    .param("infant", part.infantId())
                    .param("volume", part.volumeMl())
                    .param("expires", Timestamp.from(expiresAt))
                    .param("thawed", Timestamp.from(bottle.thawedAt()))
                    .param("at", Timestamp.from(now))
                    .param("by", actor)
                    .update();
            made.add(new AliquotsPrepared.Made(id, code, part.volumeMl(), part.infantId()));
        }
        events.publishEvent(new AliquotsPrepared(bottle.id(), now, made, plan.remainderMl()));
        history.record(
                BOTTLE,
                bottle.id(),
                Said.of(
                        "ward.history.prepared",
                        din,
                        plan.parts().size(),
                        plan.dividedMl(),
                        String.join(
                                "; ",
                                infants.stream().map(InfantView::infantCode).toList())));
        if (plan.remainderMl() > 0) {
            history.recordCorrection(
                    BOTTLE,
                    bottle.id(),
                    Said.of("ward.history.remainderDiscarded", din, plan.remainderMl()),
                    plan.remainderReason());
        }
        return preparationOf(bottle.id()).orElseThrow();
    }

    /** The bottle's division, if it was divided. */
    @Transactional(readOnly = true)
    public Optional<PreparationView> preparationOf(UUID bottleId) {
        return jdbc.sql("""
                        select id, bottle_id, bottle_din, bottle_volume_ml, remainder_ml, remainder_reason,
                               prepared_at, prepared_by
                        from ward_preparation where bottle_id = :bottle
                        """)
                .param("bottle", bottleId)
                .query((rs, n) -> new PreparationView(
                        rs.getObject("id", UUID.class),
                        rs.getObject("bottle_id", UUID.class),
                        Din.parse(rs.getString("bottle_din")).withCheck(),
                        rs.getInt("bottle_volume_ml"),
                        rs.getInt("remainder_ml"),
                        rs.getString("remainder_reason"),
                        rs.getTimestamp("prepared_at").toInstant(),
                        rs.getString("prepared_by"),
                        List.of()))
                .optional()
                .map(p -> new PreparationView(
                        p.id(),
                        p.bottleId(),
                        p.bottleDin(),
                        p.bottleVolumeMl(),
                        p.remainderMl(),
                        p.remainderReason(),
                        p.preparedAt(),
                        p.preparedBy(),
                        aliquots("a.bottle_id = :id", bottleId)));
    }

    /** One syringe by its id. */
    @Transactional(readOnly = true)
    public Optional<AliquotView> aliquot(UUID id) {
        return aliquots("a.id = :id", id).stream().findFirst();
    }

    /** One syringe by its scanned code: the bottle's DIN (with or without check character), a dash, the division. */
    @Transactional(readOnly = true)
    public Optional<AliquotView> aliquotByCode(String scanned) {
        return storedCode(scanned)
                .flatMap(code -> jdbc.sql("select id from ward_aliquot where code = :code")
                        .param("code", code)
                        .query(UUID.class)
                        .optional()
                        .flatMap(this::aliquot));
    }

    /** The stored form of a scanned syringe code, if it is one: {@code A000126000001-A0}. */
    static Optional<String> storedCode(String scanned) {
        if (scanned == null) {
            return Optional.empty();
        }
        String typed = scanned.strip().replace(" ", "");
        int dash = typed.lastIndexOf('-');
        if (dash < 0 || dash == typed.length() - 1) {
            return Optional.empty();
        }
        String division = typed.substring(dash + 1);
        try {
            DivisionCode code = new DivisionCode(division);
            return Optional.of(code.codeOf(Din.parse(typed.substring(0, dash))));
        } catch (IllegalArgumentException | RuleViolation e) {
            return Optional.empty();
        }
    }

    private List<AliquotView> aliquots(String where, UUID id) {
        return jdbc.sql("select a.id, a.bottle_id, a.code, a.division_code, a.infant_id, a.volume_ml, a.expires_at, "
                        + "a.thawed_at, a.prepared_at, a.prepared_by from ward_aliquot a where " + where
                        + " order by a.division_code")
                .param("id", id)
                .query((rs, n) -> {
                    UUID infantId = rs.getObject("infant_id", UUID.class);
                    Optional<InfantView> infant = dispensing.find(infantId);
                    String code = rs.getString("code");
                    Din din = Din.parse(code.substring(0, code.indexOf('-')));
                    return new AliquotView(
                            rs.getObject("id", UUID.class),
                            rs.getObject("bottle_id", UUID.class),
                            code,
                            new DivisionCode(rs.getString("division_code")).shownOf(din),
                            rs.getString("division_code"),
                            infantId,
                            infant.map(InfantView::infantCode).orElse(null),
                            infant.map(InfantView::displayName).orElse(null),
                            rs.getInt("volume_ml"),
                            rs.getTimestamp("expires_at").toInstant(),
                            rs.getTimestamp("thawed_at") == null
                                    ? null
                                    : rs.getTimestamp("thawed_at").toInstant(),
                            rs.getTimestamp("prepared_at").toInstant(),
                            rs.getString("prepared_by"));
                })
                .list();
    }

    /** Milk is thawed and divided on the ward only once the bank gave it out (dispensed). */
    private static void onWard(BottleView bottle) {
        if (bottle.state() != BottleState.DISPENSED) {
            throw new RuleViolation(
                            "ward.bottle.notOnWard", Din.parse(bottle.din()).withCheck())
                    .on("din");
        }
    }
}
