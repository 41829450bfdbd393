package org.openmilkbank.equipment;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RepairRepository extends JpaRepository<Repair, UUID> {

    List<Repair> findByEquipmentIdOrderByRepairedAtDesc(UUID equipmentId);
}
