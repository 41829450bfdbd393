package org.openmilkbank.equipment;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface HeatPenetrationStudyRepository extends JpaRepository<HeatPenetrationStudy, UUID> {

    List<HeatPenetrationStudy> findByPasteuriserIdOrderByStudiedAtDesc(UUID pasteuriserId);
}
