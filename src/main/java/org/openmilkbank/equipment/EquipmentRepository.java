package org.openmilkbank.equipment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EquipmentRepository extends JpaRepository<Equipment, UUID> {

    @Query("select e from Equipment e where upper(e.code) = upper(:code)")
    Optional<Equipment> findByCode(@Param("code") String code);

    List<Equipment> findAllByOrderByKindAscCodeAsc();

    List<Equipment> findByKindOrderByCodeAsc(EquipmentKind kind);

    List<Equipment> findByParentIdOrderByCodeAsc(UUID parentId);
}
