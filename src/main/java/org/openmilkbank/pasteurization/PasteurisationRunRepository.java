package org.openmilkbank.pasteurization;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PasteurisationRunRepository extends JpaRepository<PasteurisationRun, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from PasteurisationRun r where r.id = :id")
    Optional<PasteurisationRun> lockById(@Param("id") UUID id);

    List<PasteurisationRun> findAllByOrderByRecordedAtDesc();

    List<PasteurisationRun> findByStateOrderByRecordedAtDesc(RunState state);

    List<PasteurisationRun> findByPoolIdOrderByRecordedAt(UUID poolId);

    /** Manual records whose bottles wait for a second person's confirmation. */
    @Query("select r.id from PasteurisationRun r where r.manual = true and r.manualConfirmedBy is null"
            + " and r.state in (org.openmilkbank.pasteurization.RunState.QUARANTINE,"
            + " org.openmilkbank.pasteurization.RunState.CULTURE_NEGATIVE)")
    List<UUID> findAwaitingManualConfirmation();
}
