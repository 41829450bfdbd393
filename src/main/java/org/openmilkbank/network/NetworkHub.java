package org.openmilkbank.network;

import java.time.Clock;
import java.util.UUID;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The hub's register of banks: a bank is enrolled with its facility code, country, region, size and public key. */
@Service
public class NetworkHub {

    private final JdbcClient jdbc;
    private final History history;
    private final Clock clock;

    NetworkHub(JdbcClient jdbc, History history, Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Enrols a bank; refused when the facility code is taken ({@code network.bank.taken}) or the key is no Ed25519
     * public key ({@code network.bank.key.invalid}).
     */
    @Transactional
    public UUID register(String facilityCode, String country, String region, Integer sizeLitresPerMonth, String key) {
        BatchSignatures.publicKey(key);
        boolean taken = jdbc.sql("select exists (select 1 from network_bank where facility_code = ?)")
                .param(facilityCode)
                .query(Boolean.class)
                .single();
        if (taken) {
            throw new RuleViolation("network.bank.taken", facilityCode).on("facilityCode");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into network_bank (id, facility_code, country, region, size_litres_per_month,
                            public_key, registered_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        id,
                        facilityCode,
                        country,
                        region,
                        sizeLitresPerMonth,
                        key.strip(),
                        java.sql.Timestamp.from(clock.instant()))
                .update();
        history.record("NetworkBank", id, Said.of("network.history.registered", facilityCode, country));
        return id;
    }

    public boolean isRegistered(String facilityCode) {
        return jdbc.sql("select exists (select 1 from network_bank where facility_code = ?)")
                .param(facilityCode)
                .query(Boolean.class)
                .single();
    }
}
