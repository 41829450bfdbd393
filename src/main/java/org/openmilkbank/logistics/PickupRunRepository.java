package org.openmilkbank.logistics;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PickupRunRepository extends JpaRepository<PickupRun, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from PickupRun r where r.id = :id")
    Optional<PickupRun> lockById(@Param("id") UUID id);

    List<PickupRun> findByPlannedOnAndStateInOrderByNumber(LocalDate plannedOn, Collection<PickupRunState> states);

    List<PickupRun> findAllByOrderByPlannedOnDescNumberDesc(Limit limit);

    org.springframework.data.domain.Page<PickupRun> findAllByOrderByPlannedOnDescNumberDesc(
            org.springframework.data.domain.Pageable page);

    List<PickupRun> findByStateInOrderByPlannedOnAscNumberAsc(Collection<PickupRunState> states);
}
