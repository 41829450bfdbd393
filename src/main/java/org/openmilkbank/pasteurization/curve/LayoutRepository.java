package org.openmilkbank.pasteurization.curve;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface LayoutRepository extends JpaRepository<LayoutRecord, UUID> {

    List<LayoutRecord> findBySupersededAtIsNullOrderByName();
}
