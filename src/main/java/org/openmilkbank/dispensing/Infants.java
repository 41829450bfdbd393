package org.openmilkbank.dispensing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The infants: only what the module needs, so that tests can keep them in memory. */
interface Infants extends Repository<Infant, UUID> {

    Infant save(Infant infant);

    Optional<Infant> findById(UUID id);

    Optional<Infant> findByInfantCodeIgnoreCase(String infantCode);

    /** Matches the hospital number or a name, case-insensitive; {@code pattern} is a LIKE pattern. */
    @Query("""
            select i from Infant i
            where lower(i.infantCode) like :pattern or lower(i.familyName) like :pattern
               or lower(coalesce(i.givenName, '')) like :pattern
            order by i.registeredAt desc
            """)
    List<Infant> search(@Param("pattern") String pattern);
}
