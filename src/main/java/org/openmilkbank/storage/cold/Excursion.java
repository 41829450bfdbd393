package org.openmilkbank.storage.cold;

import java.time.Instant;
import java.util.UUID;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;

/** An excursion as it is tracked and acknowledged; the milk it holds is kept beside it (storage_excursion_unit). */
final class Excursion {

    private final UUID id;
    private final UUID storageUnitId;
    private final String storageUnitCode;
    private final String unitType;
    private final OpenedHow openedHow;
    private final ColdRules rules;
    private ExcursionTracker.Track track;
    private Instant acknowledgedAt;
    private String acknowledgedBy;
    private String acknowledgeNote;
    private final String reason;
    private final Instant openedAt;
    private final String openedBy;
    private long version;

    Excursion(
            UUID id,
            UUID storageUnitId,
            String storageUnitCode,
            String unitType,
            OpenedHow openedHow,
            ColdRules rules,
            ExcursionTracker.Track track,
            Instant acknowledgedAt,
            String acknowledgedBy,
            String acknowledgeNote,
            String reason,
            Instant openedAt,
            String openedBy,
            long version) {
        this.id = id;
        this.storageUnitId = storageUnitId;
        this.storageUnitCode = storageUnitCode;
        this.unitType = unitType;
        this.openedHow = openedHow;
        this.rules = rules;
        this.track = track;
        this.acknowledgedAt = acknowledgedAt;
        this.acknowledgedBy = acknowledgedBy;
        this.acknowledgeNote = acknowledgeNote;
        this.reason = reason;
        this.openedAt = openedAt;
        this.openedBy = openedBy;
        this.version = version;
    }

    static Excursion opened(
            StorageUnitView unit,
            OpenedHow how,
            ColdRules rules,
            ExcursionTracker.Track track,
            String reason,
            Instant now,
            String by) {
        return new Excursion(
                UUID.randomUUID(),
                unit.id(),
                unit.code(),
                unit.unitType(),
                how,
                rules,
                track,
                null,
                null,
                null,
                reason,
                now,
                by,
                0);
    }

    void follow(ExcursionTracker.Track next) {
        this.track = next;
    }

    /** Someone saw the alarm: it leaves the home page; the excursion itself stays until its milk is decided. */
    void acknowledge(String note, Instant now, String by) {
        if (acknowledgedAt != null) {
            throw new RuleViolation("storage.cold.alarm.alreadyAcknowledged", acknowledgedBy);
        }
        this.acknowledgedAt = now;
        this.acknowledgedBy = by;
        this.acknowledgeNote = note == null || note.isBlank() ? null : note.strip();
    }

    /** Ended by a manager's hand at {@code at} (an excursion she opened herself, or readings that never came back). */
    void endByHand(Instant at) {
        if (!track.open()) {
            throw new RuleViolation("storage.cold.excursion.alreadyEnded");
        }
        if (at.isBefore(track.startedAt())) {
            throw new RuleViolation("storage.cold.excursion.endsBeforeStart").on("endedAt");
        }
        track = new ExcursionTracker.Track(
                track.startedAt(),
                at,
                track.peak(),
                track.minutesAbove(),
                track.level(),
                at.isAfter(track.lastPointAt()) ? at : track.lastPointAt(),
                false,
                null,
                track.heldAt(),
                track.discardFrom());
    }

    /**
     * Raised by a manager's hand to a stricter rule: held from now (if not yet), and for the discard rule every unit
     * inside from the start. Never lowered: a milder judgement is the decision on each unit.
     */
    void raise(ExcursionLevel to, Instant now) {
        if (to.ordinal() <= track.level().ordinal()) {
            throw new RuleViolation("storage.cold.excursion.notStricter", Said.label(track.level())).on("level");
        }
        track = new ExcursionTracker.Track(
                track.startedAt(),
                track.endedAt(),
                track.peak(),
                track.minutesAbove(),
                to,
                track.lastPointAt(),
                track.lastPointAbove(),
                track.aboveHoldSince(),
                track.heldAt() == null ? now : track.heldAt(),
                to == ExcursionLevel.DISCARD && track.discardFrom() == null ? track.startedAt() : track.discardFrom());
    }

    void saved() {
        version++;
    }

    UUID id() {
        return id;
    }

    UUID storageUnitId() {
        return storageUnitId;
    }

    String storageUnitCode() {
        return storageUnitCode;
    }

    String unitType() {
        return unitType;
    }

    OpenedHow openedHow() {
        return openedHow;
    }

    ColdRules rules() {
        return rules;
    }

    ExcursionTracker.Track track() {
        return track;
    }

    boolean holds() {
        return track.level() != ExcursionLevel.ALARM;
    }

    Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    String acknowledgedBy() {
        return acknowledgedBy;
    }

    String acknowledgeNote() {
        return acknowledgeNote;
    }

    String reason() {
        return reason;
    }

    Instant openedAt() {
        return openedAt;
    }

    String openedBy() {
        return openedBy;
    }

    long version() {
        return version;
    }
}
