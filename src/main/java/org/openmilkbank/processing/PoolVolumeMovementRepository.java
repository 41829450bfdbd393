package org.openmilkbank.processing;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PoolVolumeMovementRepository extends JpaRepository<PoolVolumeMovementEntry, UUID> {

    List<PoolVolumeMovementEntry> findByPoolIdOrderBySeq(UUID poolId);
}
