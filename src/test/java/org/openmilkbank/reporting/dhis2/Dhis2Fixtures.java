package org.openmilkbank.reporting.dhis2;

import java.security.SecureRandom;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.Staff;

/** Puts the bank's DHIS2 settings where a test needs them, through the settings' own API. */
final class Dhis2Fixtures {

    static final String VOLUME_DISPENSED = "VOLUME_DISPENSED";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Dhis2Fixtures() {}

    /** A fresh UID: a test's own org unit gives its payloads a digest no other test has sent. */
    static String uid() {
        StringBuilder b = new StringBuilder();
        b.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        for (int i = 1; i < 11; i++) {
            b.append((LETTERS + "0123456789").charAt(RANDOM.nextInt(LETTERS.length() + 10)));
        }
        return b.toString();
    }

    static Dhis2Connection connect(
            Dhis2Settings settings, String baseUrl, String password, String orgUnit, String dataSet) {
        Dhis2Connection[] saved = new Dhis2Connection[1];
        Staff.as(
                "dhis2-admin",
                Role.ADMIN,
                () -> saved[0] = settings.saveConnection(new Dhis2Forms.ConnectionForm(
                        baseUrl, StubDhis2.USER, password, orgUnit, dataSet, null, "the test's own server", null)));
        return saved[0];
    }

    /** The dispensed volume's total sent to {@code dataElement}, whatever was mapped before. */
    static Dhis2Mapping mapVolumeDispensed(Dhis2Settings settings, String dataElement) {
        Dhis2Mapping[] row = new Dhis2Mapping[1];
        Staff.as("dhis2-manager", Role.MANAGER, () -> {
            var existing = settings.inForce().stream()
                    .filter(m -> m.indicatorCode().equals(VOLUME_DISPENSED) && m.breakdown() == null)
                    .findFirst();
            if (existing.isEmpty()) {
                row[0] = settings.map(new Dhis2Forms.MappingForm(VOLUME_DISPENSED, null, dataElement, null, null));
            } else if (!existing.get().dataElement().equals(dataElement)) {
                row[0] = settings.amend(
                        existing.get().id(),
                        new Dhis2Forms.MappingAmendment(dataElement, null, null, "the test's data element", null));
            } else {
                row[0] = existing.get();
            }
        });
        return row[0];
    }
}
