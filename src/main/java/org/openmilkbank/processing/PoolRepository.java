package org.openmilkbank.processing;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PoolRepository extends JpaRepository<Pool, UUID> {

    Optional<Pool> findByDin(String din);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Pool p where p.id = :id")
    Optional<Pool> lockById(@Param("id") UUID id);

    List<Pool> findAllByOrderByCreatedAtDesc();

    List<Pool> findByStateOrderByCreatedAtDesc(PoolState state);

    /** The pools that ever took a container of the donor, from the snapshot kept when pooled. */
    @Query(value = "select distinct pool_id from pool_container where donor_id = :donorId", nativeQuery = true)
    List<UUID> idsHoldingMilkOf(@Param("donorId") UUID donorId);

    /** Locks the pools in id order, so that a block and a run of the same pool queue instead of deadlocking. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Pool p where p.id in :ids order by p.id")
    List<Pool> lockAll(@Param("ids") java.util.Collection<UUID> ids);
}
