package org.openmilkbank.reporting.dhis2;

import java.time.Instant;

/**
 * The bank's DHIS2 server as a page or the API shows it: the password never, only whether one is set.
 *
 * @param baseUrl the server's address, without {@code /api}
 * @param orgUnit the bank's organisation unit (a UID)
 * @param dataSet the data set the values belong to, when the bank reports into one (needed for ADX)
 * @param attributeOptionCombo the attribute option combo of every value, when not DHIS2's default
 */
public record Dhis2Connection(
        String baseUrl,
        String username,
        boolean passwordSet,
        String orgUnit,
        String dataSet,
        String attributeOptionCombo,
        String updatedBy,
        Instant updatedAt,
        long version) {}
