package org.openmilkbank.network;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Turns the bank's agreement to share events on or off in tests (the setting {@link EventSharing} reads). */
final class EventSharingSwitch {

    private EventSharingSwitch() {}

    static void set(JdbcClient jdbc, boolean on) {
        jdbc.sql("""
                        insert into bank_setting (key, value, updated_at, updated_by) values (?, ?, now(), 'test')
                        on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at
                        """).params(EventSharing.SETTING, Boolean.toString(on)).update();
    }
}
