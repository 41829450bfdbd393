package org.openmilkbank.ward;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.RuleViolation;

/**
 * How one thawed bottle is divided: syringes for one or several infants, each with its volume and division code,
 * and what is left, discarded with a reason. The syringes and the remainder always add up to the bottle.
 */
record AliquotPlan(int bottleVolumeMl, List<Part> parts, int remainderMl, String remainderReason) {

    /** One syringe for an infant. */
    record Part(UUID infantId, int volumeMl, DivisionCode division) {}

    /** A syringe asked for: the infant and how much. */
    record Wanted(UUID infantId, Integer volumeMl) {}

    AliquotPlan {
        parts = List.copyOf(parts);
    }

    /**
     * Refuses, naming the field, an empty plan, a syringe of no milk, more syringes than division codes, syringes
     * that hold more than the bottle, and a remainder without a reason.
     */
    static AliquotPlan of(int bottleVolumeMl, List<Wanted> wanted, String remainderReason) {
        if (wanted == null || wanted.isEmpty()) {
            throw new RuleViolation("ward.aliquot.none").on("aliquots");
        }
        if (wanted.size() > DivisionCode.MAX) {
            throw new RuleViolation("ward.aliquot.tooMany", DivisionCode.MAX).on("aliquots");
        }
        List<Part> parts = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < wanted.size(); i++) {
            Wanted w = wanted.get(i);
            if (w.volumeMl() == null || w.volumeMl() <= 0) {
                throw new RuleViolation("ward.aliquot.volume.positive", i + 1).on("aliquots");
            }
            total += w.volumeMl();
            parts.add(new Part(w.infantId(), w.volumeMl(), DivisionCode.nth(i)));
        }
        if (total > bottleVolumeMl) {
            throw new RuleViolation("ward.aliquot.overBottle", total, bottleVolumeMl).on("aliquots");
        }
        int remainder = (int) (bottleVolumeMl - total);
        String reason = remainderReason == null || remainderReason.isBlank() ? null : remainderReason.strip();
        if (remainder > 0 && reason == null) {
            throw new RuleViolation("ward.aliquot.remainder.reasonRequired", remainder).on("remainderReason");
        }
        return new AliquotPlan(bottleVolumeMl, parts, remainder, remainder > 0 ? reason : null);
    }

    int dividedMl() {
        return parts.stream().mapToInt(Part::volumeMl).sum();
    }
}
