package org.openmilkbank.donor;

import java.time.Instant;
import java.util.Map;

/** Someone read a donor's health answers or serology. */
public record HealthRead(String readBy, Instant readAt, String what) {

    /** What was read, as the log keeps it, and the message key that says it in the reader's language. */
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("donor page: screening answers, serology, deferrals", "donor.read.page"),
            Map.entry("donor page: serology", "donor.read.pageSerology"),
            Map.entry("donor page: eligibility", "donor.read.pageEligibility"),
            Map.entry("timeline", "donor.read.timeline"),
            Map.entry("work lists page", "donor.read.workLists"),
            Map.entry("work list CSV", "donor.read.workListCsv"),
            Map.entry("API: screening answers", "donor.read.apiScreening"),
            Map.entry("API: deferrals", "donor.read.apiDeferrals"),
            Map.entry("API: milk acceptance", "donor.read.apiAcceptance"),
            Map.entry("API: timeline", "donor.read.apiTimeline"),
            Map.entry("API: serology", "donor.read.apiSerology"),
            Map.entry("API: eligibility", "donor.read.apiEligibility"),
            Map.entry("API: work list by status", "donor.read.apiWorkListByStatus"),
            Map.entry("API: work list deferrals ending", "donor.read.apiDeferralsEnding"),
            Map.entry("API: work list tests expiring", "donor.read.apiTestsExpiring"));

    /** The message key of what was read; null for a purpose the log keeps only in its own words. */
    public String whatKey() {
        return what == null ? null : KEYS.get(what);
    }
}
