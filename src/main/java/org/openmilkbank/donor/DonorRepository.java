package org.openmilkbank.donor;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DonorRepository extends JpaRepository<Donor, UUID> {

    Optional<Donor> findByDonorCodeIgnoreCase(String donorCode);

    Page<Donor> findAllByOrderByRegisteredAtDesc(Pageable page);

    /**
     * Code or name contains the pattern (a LIKE pattern, lower case); the name ignoring accents ("nguyen" finds
     * "Nguyễn", "dang" finds "Đặng"), in either order, on the indexed {@code name_key} (V13); by family name.
     */
    @Query("""
            select d from Donor d
            where lower(d.donorCode) like :pattern escape '\\'
               or d.nameKey like cast(function('name_search_key', :pattern) as String) escape '\\'
            order by d.familyName, d.givenName, d.donorCode
            """)
    Page<Donor> search(@Param("pattern") String pattern, Pageable page);
}
