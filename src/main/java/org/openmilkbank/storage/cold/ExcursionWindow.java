package org.openmilkbank.storage.cold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which milk was inside a storage unit during an excursion's window (from its start, included, to its end, excluded), and for which part of it (pure):
 * a stay counts when it began before the window's end and had not ended by its start. A unit moved in after the
 * window, or out before it, was not inside. A unit with several stays (moved from shelf to shelf) counts once, from
 * its first moment inside to its last.
 */
public final class ExcursionWindow {

    /** One stay of a unit of milk in the storage unit; {@code removedAt} null while it is still there. */
    public record Stay(UUID unitId, Instant placedAt, Instant removedAt) {}

    /** A unit inside during the window: from when, and until when ({@code null}: still inside at the window's end). */
    public record Inside(UUID unitId, Instant from, Instant to) {}

    private ExcursionWindow() {}

    /** {@code to} is the window's end, or {@code now} while the excursion is open. */
    public static List<Inside> inside(Collection<Stay> stays, Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a window ends after it starts");
        }
        Map<UUID, Inside> byUnit = new LinkedHashMap<>();
        for (Stay s : stays) {
            if (!overlaps(s, from, to)) {
                continue;
            }
            Instant in = s.placedAt().isAfter(from) ? s.placedAt() : from;
            Instant out = s.removedAt() != null && s.removedAt().isBefore(to) ? s.removedAt() : null;
            byUnit.merge(s.unitId(), new Inside(s.unitId(), in, out), ExcursionWindow::join);
        }
        return new ArrayList<>(byUnit.values());
    }

    static boolean overlaps(Stay s, Instant from, Instant to) {
        boolean beganBeforeEnd =
                s.placedAt().isBefore(to) || (from.equals(to) && !s.placedAt().isAfter(to));
        return beganBeforeEnd && (s.removedAt() == null || s.removedAt().isAfter(from));
    }

    private static Inside join(Inside a, Inside b) {
        Instant from = a.from().isBefore(b.from()) ? a.from() : b.from();
        Instant to = a.to() == null || b.to() == null ? null : (a.to().isAfter(b.to()) ? a.to() : b.to());
        return new Inside(a.unitId(), from, to);
    }
}
