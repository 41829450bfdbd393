package org.openmilkbank.equipment;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface StatusChangeRepository extends JpaRepository<StatusChange, UUID> {

    List<StatusChange> findByEquipmentIdOrderByEffectiveAtAsc(UUID equipmentId);

    List<StatusChange> findByEquipmentIdIn(Collection<UUID> equipmentIds);
}
