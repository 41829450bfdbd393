package org.openmilkbank.donor;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScreeningRepository extends JpaRepository<Screening, UUID> {

    List<Screening> findByDonorIdOrderByInterviewedOnDescRecordedAtDesc(UUID donorId);

    List<Screening> findByDonorIdIn(Collection<UUID> donorIds);
}
