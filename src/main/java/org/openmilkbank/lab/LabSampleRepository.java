package org.openmilkbank.lab;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface LabSampleRepository extends JpaRepository<LabSample, UUID> {

    Optional<LabSample> findByCode(String code);

    List<LabSample> findByUnitIdOrderByTakenAt(UUID unitId);

    List<LabSample> findByUnitIdInOrderByTakenAt(Collection<UUID> unitIds);

    List<LabSample> findByVerdictIsNullOrderByTakenAt();

    List<LabSample> findTop50ByVerdictIsNotNullOrderByJudgedAtDesc();

    /** Locked until the transaction ends: two reads of one sample queue, the second sees it judged. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from LabSample s where s.id = :id")
    Optional<LabSample> lockById(UUID id);
}
