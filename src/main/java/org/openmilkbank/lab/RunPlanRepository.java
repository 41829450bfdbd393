package org.openmilkbank.lab;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RunPlanRepository extends JpaRepository<RunPlan, UUID> {

    Optional<RunPlan> findFirstBySampledTrueOrderByDecidedAtDesc();

    List<RunPlan> findByRestsOnOrderByDecidedAt(UUID sampledRunId);

    long countByRestsOn(UUID sampledRunId);

    List<RunPlan> findByRunIdIn(Collection<UUID> runIds);
}
