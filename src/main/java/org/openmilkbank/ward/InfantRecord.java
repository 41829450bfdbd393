package org.openmilkbank.ward;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.dispensing.InfantView;

/**
 * An infant's record of donor milk on the ward: every feed with the pool and run and the donors behind it, the
 * volume fed per day, how many donors' milk she had in all, and every recall touching milk she received.
 */
public record InfantRecord(
        InfantView infant,
        List<Feed> feeds,
        List<Day> days,
        int distinctDonors,
        List<Recall> recalls,
        List<NearMissView> nearMisses) {

    public InfantRecord {
        feeds = List.copyOf(feeds);
        days = List.copyOf(days);
        recalls = List.copyOf(recalls);
        nearMisses = List.copyOf(nearMisses);
    }

    public record Feed(
            UUID id,
            Instant fedAt,
            String fedBy,
            String unitLabel,
            boolean aliquot,
            int volumeMl,
            List<String> pools,
            List<String> runs,
            int donors,
            String overrideReason,
            String countersignedBy) {}

    /** A day of feeds with the volume her orders in force that day ask ({@code null}: none in force). */
    public record Day(LocalDate day, int feeds, int volumeMl, Integer orderedMl) {

        /** Fed less than ordered that day. */
        public boolean short_() {
            return orderedMl != null && volumeMl < orderedMl;
        }
    }

    /** A recall hold on milk she received (on it or on what it was made from). */
    public record Recall(String on, Instant placedAt, boolean active) {}

    public record NearMissView(Instant at, String unitLabel, String nurse, List<BedsideRefusal> reasons) {}
}
