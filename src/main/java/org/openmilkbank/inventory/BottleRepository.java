package org.openmilkbank.inventory;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BottleRepository extends JpaRepository<Bottle, UUID> {

    List<Bottle> findByRunIdOrderByDin(UUID runId);

    Optional<Bottle> findByDin(String din);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from Bottle b where b.id = :id")
    Optional<Bottle> lockById(@Param("id") UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from Bottle b where b.din = :din")
    Optional<Bottle> lockByDin(@Param("din") String din);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from Bottle b where b.runId = :runId order by b.din")
    List<Bottle> lockByRunId(@Param("runId") UUID runId);

    @Query("select b from Bottle b where b.state = org.openmilkbank.inventory.BottleState.RELEASED"
            + " and b.expiresOn >= :today order by b.expiresOn, b.din")
    List<Bottle> dispensable(@Param("today") LocalDate today);

    List<Bottle> findByStateOrderByExpiresOnAscDinAsc(BottleState state);

    List<Bottle> findAllByOrderByExpiresOnAscDinAsc();
}
