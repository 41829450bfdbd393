package org.openmilkbank.logistics;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TransportBoxRepository extends JpaRepository<TransportBox, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from TransportBox b where b.id = :id")
    Optional<TransportBox> lockById(@Param("id") UUID id);

    /** Newest first: the open shipment, if any, comes before those that arrived. */
    @Query("""
            select b from TransportBox b where b.code = :code
            order by case when b.state in (org.openmilkbank.logistics.BoxState.PLANNED, org.openmilkbank.logistics.BoxState.IN_TRANSIT) then 0 else 1 end, b.createdAt desc
            """)
    List<TransportBox> findByCodeOpenFirst(@Param("code") String code);

    boolean existsByCodeAndStateIn(String code, Collection<BoxState> states);

    List<TransportBox> findByRunIdOrderByCreatedAt(UUID runId);

    List<TransportBox> findByStateOrderByDepartedAt(BoxState state);

    List<TransportBox> findByStateInOrderByCreatedAtDesc(Collection<BoxState> states);

    org.springframework.data.domain.Page<TransportBox> findByStateInOrderByCreatedAtDesc(
            Collection<BoxState> states, org.springframework.data.domain.Pageable page);
}
