package org.openmilkbank.donor;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DonorRepository extends JpaRepository<Donor, UUID> {

    Optional<Donor> findByDonorCodeIgnoreCase(String donorCode);

    List<Donor> findAllByOrderByRegisteredAtDesc(Limit limit);

    @Query("""
            select d from Donor d
            where lower(d.donorCode) like :pattern escape '\\'
               or lower(d.givenName) like :pattern escape '\\'
               or lower(d.familyName) like :pattern escape '\\'
               or lower(concat(d.givenName, ' ', d.familyName)) like :pattern escape '\\'
               or lower(concat(d.familyName, ' ', d.givenName)) like :pattern escape '\\'
            order by d.familyName, d.givenName, d.donorCode
            """)
    List<Donor> search(@Param("pattern") String pattern, Limit limit);
}
