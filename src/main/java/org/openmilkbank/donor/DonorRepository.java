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

    @Query("""
            select d from Donor d
            where lower(d.donorCode) like :pattern escape '\\'
               or lower(d.givenName) like :pattern escape '\\'
               or lower(d.familyName) like :pattern escape '\\'
               or lower(concat(d.givenName, ' ', d.familyName)) like :pattern escape '\\'
               or lower(concat(d.familyName, ' ', d.givenName)) like :pattern escape '\\'
            order by d.familyName, d.givenName, d.donorCode
            """)
    Page<Donor> search(@Param("pattern") String pattern, Pageable page);
}
