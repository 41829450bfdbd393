package org.openmilkbank.network;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The hub's record of a bank's consents: its last "sharing" batch sets whether it is named and shares events. */
@Component
class SharingProjection implements BatchProjection {

    private final JdbcClient jdbc;

    SharingProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "sharing";
    }

    @Override
    public void project(String facilityCode, long sequence, Instant createdAt, JsonNode payload) {
        // a missing or unreadable consent is no consent
        boolean events =
                payload.path("events").isBoolean() && payload.get("events").asBoolean();
        boolean named =
                payload.path("named").isBoolean() && payload.get("named").asBoolean();
        jdbc.sql("update network_bank set shares_events = ?, named = ?, version = version + 1 where facility_code = ?")
                .params(events, named, facilityCode)
                .update();
    }
}
