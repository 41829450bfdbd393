package org.openmilkbank.donor;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeferralRepository extends JpaRepository<Deferral, UUID> {

    List<Deferral> findByDonorIdOrderByStartsOnDescRecordedAtDesc(UUID donorId);

    List<Deferral> findByDonorIdIn(Collection<UUID> donorIds);
}
