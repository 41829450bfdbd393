package org.openmilkbank.dispensing.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Smallest and sickest first (reference section 9): who gets milk first when it is short. An infant who meets the
 * profile's criteria comes before one who does not; then the one with more risks (NEC, gut surgery, heart
 * disease); then the lighter at birth; then the more preterm; then the earlier order.
 */
final class Ranking {

    /** One order's claim on the day's milk. */
    record Claim(
            UUID orderId,
            boolean candidate,
            int risks,
            int birthWeightGrams,
            int gestationDays,
            Instant requestedAt,
            int neededMl) {}

    /** What a claim gets of the stock in rank order: given plus short is what it needs. */
    record Share(Claim claim, int rank, long givenMl, long shortMl) {}

    static final Comparator<Claim> FIRST = Comparator.comparing((Claim c) -> !c.candidate())
            .thenComparing(Comparator.comparingInt(Claim::risks).reversed())
            .thenComparingInt(Claim::birthWeightGrams)
            .thenComparingInt(Claim::gestationDays)
            .thenComparing(Claim::requestedAt)
            .thenComparing(Claim::orderId);

    private Ranking() {}

    static List<Claim> ranked(List<Claim> claims) {
        return claims.stream().sorted(FIRST).toList();
    }

    /** The stock shared out in rank order: each claim takes what it needs of what is left. */
    static List<Share> plan(List<Claim> claims, long stockMl) {
        long left = Math.max(0, stockMl);
        List<Share> shares = new ArrayList<>();
        int rank = 1;
        for (Claim c : ranked(claims)) {
            long given = Math.min(left, c.neededMl());
            left -= given;
            shares.add(new Share(c, rank++, given, c.neededMl() - given));
        }
        return shares;
    }
}
