package org.openmilkbank.donor;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SerologyResultRepository extends JpaRepository<SerologyResult, UUID> {

    List<SerologyResult> findByDonorIdOrderBySampleDateDescRecordedAtDesc(UUID donorId);

    List<SerologyResult> findByDonorIdIn(Collection<UUID> donorIds);
}
