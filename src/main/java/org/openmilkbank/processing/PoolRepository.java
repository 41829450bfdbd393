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
}
