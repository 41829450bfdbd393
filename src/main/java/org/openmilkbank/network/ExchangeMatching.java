package org.openmilkbank.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which open offers could cover which open requests: another bank's offer of the same product class, of at least the
 * volume requested, whose milk may still be used on the day it is needed (use-before on or after needed-by) and that
 * has not passed today.
 */
public final class ExchangeMatching {

    private ExchangeMatching() {}

    /** A request and an offer that could cover it. */
    public record Match(ExchangeEntry request, ExchangeEntry offer) {}

    public static boolean covers(ExchangeEntry offer, ExchangeEntry request, LocalDate today) {
        return offer.type() == ExchangeEntry.Type.OFFER
                && request.type() == ExchangeEntry.Type.REQUEST
                && offer.open()
                && request.open()
                && !offer.facilityCode().equals(request.facilityCode())
                && offer.productClass() == request.productClass()
                && offer.volumeMl() >= request.volumeMl()
                && !offer.useBefore().isBefore(request.neededBy())
                && !offer.useBefore().isBefore(today)
                && !request.neededBy().isBefore(today);
    }

    /** Every pair of the board that matches, requests in board order. */
    public static List<Match> matches(List<ExchangeEntry> board, LocalDate today) {
        List<Match> out = new ArrayList<>();
        for (ExchangeEntry request : board) {
            for (ExchangeEntry offer : board) {
                if (covers(offer, request, today)) {
                    out.add(new Match(request, offer));
                }
            }
        }
        return out;
    }
}
