package org.openmilkbank.lab.procedure;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.RuleViolation;

/**
 * One version of a bank's own procedure: its whole list of steps, each the standard's (a key) or the bank's own
 * words, and the change that made it from the version before. Written once, never changed.
 */
@Entity
@Table(name = "lab_procedure_version")
class ProcedureVersion {

    /** A step as stored: the standard's message key, or the bank's own words. */
    @Embeddable
    record Step(
            @Column(name = "position") int position,
            @Column(name = "message_key") String key,
            @Column(name = "own_text") String ownText) {}

    /** The longest step a bank may write, so a worksheet line stays a line. */
    static final int MAX_TEXT = 500;

    @Id
    private UUID id;

    @Column(name = "profile_code", nullable = false)
    private String profileCode;

    @Column(name = "procedure_code", nullable = false)
    private String procedureCode;

    @Column(nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProcedureChange change;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "lab_procedure_step", joinColumns = @JoinColumn(name = "version_id"))
    @OrderBy("position")
    private List<Step> steps = new ArrayList<>();

    protected ProcedureVersion() {}

    /**
     * The next version: the steps before ({@code before}, keys or own words, version {@code number - 1}) with one
     * change at {@code position} (from 1). Refuses a change without a reason, a position the procedure has not, a
     * move off either end, an empty or too long text, and retiring the last step.
     */
    static ProcedureVersion next(
            String profileCode,
            Procedure procedure,
            int beforeNumber,
            List<Step> before,
            ProcedureChange change,
            Integer position,
            String text,
            String reason,
            String by,
            Instant now) {
        if (change == null) {
            throw new RuleViolation("lab.procedure.edit.changeRequired").on("change");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("lab.procedure.edit.reasonRequired").on("reason");
        }
        List<Step> steps = new ArrayList<>(before);
        int size = steps.size();
        int at = position == null ? (change == ProcedureChange.ADD ? size + 1 : 0) : position;
        int highest = change == ProcedureChange.ADD ? size + 1 : size;
        if (at < 1 || at > highest) {
            throw new RuleViolation("lab.procedure.edit.noSuchStep", at, size).on("position");
        }
        String words = text == null ? null : text.strip();
        if ((change == ProcedureChange.ADD || change == ProcedureChange.REWORD)) {
            if (words == null || words.isEmpty()) {
                throw new RuleViolation("lab.procedure.edit.textRequired").on("text");
            }
            if (words.length() > MAX_TEXT) {
                throw new RuleViolation("lab.procedure.edit.textTooLong", MAX_TEXT).on("text");
            }
        }
        switch (change) {
            case ADD -> steps.add(at - 1, new Step(0, null, words));
            case REWORD -> steps.set(at - 1, new Step(0, null, words));
            case MOVE_UP -> {
                if (at == 1) {
                    throw new RuleViolation("lab.procedure.edit.alreadyFirst", at).on("position");
                }
                steps.add(at - 2, steps.remove(at - 1));
            }
            case MOVE_DOWN -> {
                if (at == size) {
                    throw new RuleViolation("lab.procedure.edit.alreadyLast", at).on("position");
                }
                steps.add(at, steps.remove(at - 1));
            }
            case RETIRE -> {
                if (size == 1) {
                    throw new RuleViolation("lab.procedure.edit.lastStep").on("position");
                }
                steps.remove(at - 1);
            }
        }
        ProcedureVersion version = new ProcedureVersion();
        version.id = UUID.randomUUID();
        version.profileCode = profileCode;
        version.procedureCode = procedure.code();
        version.number = beforeNumber + 1;
        version.change = change;
        version.position = at;
        version.reason = reason.strip();
        version.createdAt = now;
        version.createdBy = by;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            version.steps.add(new Step(i + 1, s.key(), s.ownText()));
        }
        return version;
    }

    UUID id() {
        return id;
    }

    int number() {
        return number;
    }

    ProcedureChange change() {
        return change;
    }

    int position() {
        return position;
    }

    String reason() {
        return reason;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }
}
