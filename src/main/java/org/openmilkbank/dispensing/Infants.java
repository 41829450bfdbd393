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

    /**
     * Matches the hospital number or a name, ignoring case and accents ("nguyen" finds "Nguyễn") on the indexed
     * {@code name_key} (V60); {@code pattern} is a lower-case LIKE pattern.
     */
    @Query("""
            select i from Infant i
            where lower(i.infantCode) like :pattern escape '\\'
               or i.nameKey like cast(function('name_search_key', :pattern) as String) escape '\\'
            order by i.registeredAt desc
            """)
    List<Infant> search(@Param("pattern") String pattern);
}
