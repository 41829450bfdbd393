package org.openmilkbank.labeling;

import java.time.Clock;
import java.time.LocalDate;
import org.openmilkbank.shared.Din;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues DINs: the bank's facility identifier, the two-digit year and the next number of that year. The
 * counter is one atomic upsert, so two people receiving milk at the same moment never share a number, and a
 * refused reception (rolled back) gives its numbers back.
 */
@Service
public class DinIssuer {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String facility;

    DinIssuer(JdbcClient jdbc, Clock clock, @Value("${openmilkbank.facility-code:A0001}") String facility) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.facility = facility.strip().toUpperCase();
        Din.of(this.facility, 0, 1); // validates the configured identifier at startup
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Din next() {
        int year = LocalDate.now(clock).getYear() % 100;
        int sequence = jdbc.sql("""
                        insert into din_sequence (facility, year, last_value) values (:facility, :year, 1)
                        on conflict (facility, year) do update set last_value = din_sequence.last_value + 1
                        returning last_value
                        """)
                .param("facility", facility)
                .param("year", year)
                .query(Integer.class)
                .single();
        return Din.of(facility, year, sequence);
    }

    public String facility() {
        return facility;
    }
}
