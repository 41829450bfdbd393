package org.openmilkbank.network;

import org.openmilkbank.shared.Role;
import org.openmilkbank.support.Staff;

/** Turns the bank's agreement to share events on or off in tests, as its manager does on {@code /network}. */
final class EventSharingSwitch {

    /** The manager's reason for the change: words typed at the bank, which must stay there. */
    static final String REASON = "the board agreed, minuted by Ms Marker-Flamingo";

    private EventSharingSwitch() {}

    static void set(NetworkSharing sharing, boolean on) {
        if (sharing.sharesEvents() == on) {
            return;
        }
        Staff.as(
                "manager-events-switch",
                Role.MANAGER,
                () -> sharing.change(new NetworkSharing.SharingForm(on, sharing.namedToPeers(), REASON)));
    }
}
