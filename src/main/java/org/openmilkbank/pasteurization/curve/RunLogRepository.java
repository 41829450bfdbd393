package org.openmilkbank.pasteurization.curve;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RunLogRepository extends JpaRepository<RunLog, UUID> {

    Optional<RunLog> findByRunIdAndSupersededByIsNull(UUID runId);

    List<RunLog> findByRunIdOrderByRecordedAt(UUID runId);

    List<RunLog> findBySha256(String sha256);

    List<RunLog> findBySecondLookTrueAndSupersededByIsNull();
}
