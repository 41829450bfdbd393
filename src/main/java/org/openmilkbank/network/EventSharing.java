package org.openmilkbank.network;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the bank agreed to share de-identified unit-level events with its network: the bank setting
 * {@code network.share-events} ({@code true}), off when absent. A seam until the bank's sharing choices (set on
 * {@code /network}) are on main: then this reads {@code NetworkSharing.sharesEvents()}.
 */
@Component
class EventSharing {

    static final String SETTING = "network.share-events";

    private final JdbcClient jdbc;

    EventSharing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean sharesEvents() {
        return jdbc.sql("select value from bank_setting where key = ?")
                .param(SETTING)
                .query(String.class)
                .optional()
                .map(v -> v.strip().equalsIgnoreCase("true"))
                .orElse(false);
    }
}
