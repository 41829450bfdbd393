package org.openmilkbank.equipment;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CalibrationRepository extends JpaRepository<Calibration, UUID> {

    List<Calibration> findByEquipmentIdOrderByPerformedAtDesc(UUID equipmentId);

    List<Calibration> findByEquipmentIdInAndVoidedAtIsNull(Collection<UUID> equipmentIds);
}
