package org.openmilkbank.storage;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StoragePlaceRepository extends JpaRepository<StoragePlace, UUID> {

    @Query("select p from StoragePlace p where upper(p.code) = upper(:code)")
    Optional<StoragePlace> findByCode(@Param("code") String code);

    /** Why: two technicians filling the last space of one place at once; the second counts after the first. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from StoragePlace p where p.id = :id")
    Optional<StoragePlace> lockById(@Param("id") UUID id);

    List<StoragePlace> findByParentIdOrderByCodeAsc(UUID parentId);

    List<StoragePlace> findByLevelOrderByCodeAsc(PlaceLevel level);

    Optional<StoragePlace> findByEquipmentIdAndRetiredAtIsNull(UUID equipmentId);
}
