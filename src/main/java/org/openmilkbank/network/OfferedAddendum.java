package org.openmilkbank.network;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An emergency addendum the hub offered this bank, as it came (the hub coordinator's words), and what the bank did
 * with it.
 *
 * @param localCode the code of the donor module's addendum it became when adopted ({@code NET-<code>-V<version>})
 * @param adoptedAt when it was last adopted, {@code null} when never
 * @param endedAt when the adoption was last ended (switched off), {@code null} while it is on or never adopted
 * @param newerVersion a later version the hub offered, {@code null} when this is the latest
 */
public record OfferedAddendum(
        String code,
        int version,
        String title,
        Map<String, String> titles,
        String source,
        int pauseDays,
        boolean suspendsRecruitment,
        List<String> extraTests,
        List<HubAddendum.Question> questions,
        Instant publishedAt,
        Instant offeredAt,
        Instant adoptedAt,
        String adoptedBy,
        String adoptedNote,
        String localCode,
        Instant endedAt,
        Instant withdrawnAt,
        String withdrawnReason,
        Integer newerVersion) {

    public String titleIn(String language) {
        return titles.getOrDefault(language, title);
    }

    /** Adopted and switched on now. */
    public boolean inForce() {
        return adoptedAt != null && endedAt == null;
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /** Whether a manager may adopt it now: not in force, not withdrawn, no later version offered. */
    public boolean adoptable() {
        return !inForce() && !withdrawn() && newerVersion == null;
    }
}
