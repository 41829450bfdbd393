package org.openmilkbank.storage;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PlacementRepository extends JpaRepository<Placement, UUID> {

    @Query("select p from Placement p where p.unitId = :unitId and p.removedAt is null")
    Optional<Placement> openOf(@Param("unitId") UUID unitId);

    /** Why: two scans of one unit at once; the second waits and then finds the stay the first opened. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Placement p where p.unitId = :unitId and p.removedAt is null")
    Optional<Placement> lockOpenOf(@Param("unitId") UUID unitId);

    @Query("select p from Placement p where p.unitId in :unitIds and p.removedAt is null")
    List<Placement> openOf(@Param("unitIds") Collection<UUID> unitIds);

    @Query("select p from Placement p where p.placeId in :placeIds and p.removedAt is null order by p.placedAt")
    List<Placement> openIn(@Param("placeIds") Collection<UUID> placeIds);

    @Query("select count(p) from Placement p where p.placeId = :placeId and p.removedAt is null")
    int countOpenIn(@Param("placeId") UUID placeId);
}
