package org.openmilkbank.reporting;

import java.time.LocalDate;
import java.util.List;

/** Today's work across the bank: what waits at each step of the milk's path, and the stock by expiry. */
public record Dashboard(
        LocalDate today,
        RawStore rawAwaitingPooling,
        Queue poolsAwaitingPreCulture,
        Queue poolsReadyForPasteurisation,
        Queue runsAwaitingCulture,
        Queue runsAwaitingRelease,
        Stock bottlesInQuarantine,
        ReleasedStock releasedStock,
        Feeding fedToday,
        Queue screeningsAwaitingApproval,
        Queue serologyDue,
        Queue deferralsEnding,
        Queue pickupsToday,
        Queue infantsWithConsent) {

    /** How far ahead the donor coordinator's cards look for tests falling due and deferrals ending. */
    public static final int DUE_WITHIN_DAYS = 30;

    /** One line of a card's short list: what to show and where it opens. */
    /** A line of a card: the unit's label, what to say about it (rendered in the reader's language) and a link. */
    public record Item(String label, org.openmilkbank.shared.Said detail, String link) {}

    public record RawStore(int containers, long volumeMl, LocalDate oldestExpression, List<Item> oldest) {
        public double litres() {
            return volumeMl / 1000.0;
        }
    }

    public record Queue(int count, List<Item> items) {}

    public record Stock(int bottles, long volumeMl) {}

    /**
     * Released bottles in date by how soon they expire (within 7 days counts today to today + 7, within 30 days
     * the days after that to today + 30), and released bottles already past their date.
     */
    public record ReleasedStock(Stock within7Days, Stock within30Days, Stock later, Stock expired) {
        public Stock total() {
            return new Stock(
                    within7Days.bottles() + within30Days.bottles() + later.bottles(),
                    within7Days.volumeMl() + within30Days.volumeMl() + later.volumeMl());
        }
    }

    public record Feeding(int infants, int bottles, long volumeMl) {}
}
