package org.openmilkbank.dispensing.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Whether the bank is short of milk: by a manager's switch (who, when, why) or by itself when days of supply fall
 * under the profile's threshold; and in shortage, the day's requested orders ranked smallest and sickest first with
 * what each gets of the stock on offer and how much each goes short.
 */
public record ShortageView(
        boolean on,
        boolean switchedOn,
        boolean automatic,
        BigDecimal supplyDays,
        int belowDays,
        String switchedBy,
        Instant switchedAt,
        String switchReason,
        long stockMl,
        long orderedMl,
        List<Line> lines) {

    public long shortMl() {
        return lines.stream().mapToLong(Line::shortMl).sum();
    }

    /** One requested order of the day in rank order. */
    public record Line(
            int rank,
            UUID orderId,
            UUID infantId,
            String infantCode,
            String infantName,
            boolean candidate,
            int risks,
            int birthWeightGrams,
            String gestationalAge,
            long neededMl,
            long givenMl,
            long shortMl) {}
}
