package org.openmilkbank.inventory;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openmilkbank.shared.RuleViolation;

/**
 * First to expire, first out: the bottles to take for a volume or a count asked, the earliest expiry (a thaw's moment
 * included) first, then by DIN. When the stock is short it takes all of it and says by how much.
 */
public record PickList(
        List<BottleView> bottles, long totalMl, Integer askedMl, Integer askedBottles, long shortMl, int shortBottles) {

    public static final int MAX_BOTTLES = 1000;
    public static final int MAX_ML = 1_000_000;

    public PickList {
        bottles = List.copyOf(bottles);
    }

    public boolean isShort() {
        return shortMl > 0 || shortBottles > 0;
    }

    /** Exactly one of {@code volumeMl} and {@code count} is asked. */
    static PickList of(List<BottleView> offered, Integer volumeMl, Integer count, ZoneId zone) {
        if ((volumeMl == null) == (count == null)) {
            throw new RuleViolation("inventory.pick.oneOf").on("volumeMl");
        }
        if (volumeMl != null && (volumeMl < 1 || volumeMl > MAX_ML)) {
            throw new RuleViolation("inventory.pick.volume.invalid", volumeMl, MAX_ML).on("volumeMl");
        }
        if (count != null && (count < 1 || count > MAX_BOTTLES)) {
            throw new RuleViolation("inventory.pick.count.invalid", count, MAX_BOTTLES).on("count");
        }
        List<BottleView> ordered = offered.stream()
                .sorted(Comparator.comparing((BottleView b) -> b.endsAt(zone)).thenComparing(BottleView::din))
                .toList();
        List<BottleView> taken = new ArrayList<>();
        long total = 0;
        for (BottleView b : ordered) {
            boolean enough = volumeMl != null ? total >= volumeMl : taken.size() >= count;
            if (enough) {
                break;
            }
            taken.add(b);
            total += b.volumeMl();
        }
        long shortMl = volumeMl == null ? 0 : Math.max(0, volumeMl - total);
        int shortBottles = count == null ? 0 : Math.max(0, count - taken.size());
        return new PickList(taken, total, volumeMl, count, shortMl, shortBottles);
    }
}
