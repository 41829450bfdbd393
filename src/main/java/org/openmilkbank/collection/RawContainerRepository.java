package org.openmilkbank.collection;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RawContainerRepository extends JpaRepository<RawContainer, UUID> {

    Optional<RawContainer> findByDin(String din);

    List<RawContainer> findByDonationIdOrderByLineNoAscDinAsc(UUID donationId);

    List<RawContainer> findByDonorIdAndStateOrderByDin(UUID donorId, ContainerState state);

    Optional<RawContainer> findByDonorIdAndLabelCode(UUID donorId, String labelCode);

    @Query("""
            select c.rejectReason, count(c) from RawContainer c
            where c.state = org.openmilkbank.collection.ContainerState.REJECTED
              and c.decidedAt >= :from and c.decidedAt < :to
            group by c.rejectReason
            """)
    List<Object[]> countRejectedByReason(@Param("from") Instant from, @Param("to") Instant to);

    @Query(value = """
            select c from RawContainer c
            where c.state = org.openmilkbank.collection.ContainerState.REJECTED
              and c.decidedAt >= :from and c.decidedAt < :to
            order by c.decidedAt desc, c.din
            """, countQuery = """
            select count(c) from RawContainer c
            where c.state = org.openmilkbank.collection.ContainerState.REJECTED
              and c.decidedAt >= :from and c.decidedAt < :to
            """)
    Page<RawContainer> findRejected(@Param("from") Instant from, @Param("to") Instant to, Pageable page);

    List<RawContainer> findByStateAndExpressedOnGreaterThanEqualOrderByExpressedOnAscDinAsc(
            ContainerState state, LocalDate oldestUsable);

    Page<RawContainer> findByStateOrderByExpressedOnAscDinAsc(ContainerState state, Pageable page);

    /** The raw store, newest received first (then newest DIN), paged with a count query. */
    @Query(value = """
                    select c from RawContainer c, Donation d where d.id = c.donationId
                      and (:state is null or c.state = :state)
                    order by d.receivedAt desc, c.din desc
                    """, countQuery = "select count(c) from RawContainer c where (:state is null or c.state = :state)")
    Page<RawContainer> findNewestFirst(@Param("state") ContainerState state, Pageable page);

    /** Locks the rows in id order, so that two pools taking overlapping containers queue instead of deadlocking. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from RawContainer c where c.id in :ids order by c.id")
    List<RawContainer> lockAll(@Param("ids") Collection<UUID> ids);

    /** Every container of the donor, locked in id order: a block and a pooling of her milk queue one behind the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from RawContainer c where c.donorId = :donorId order by c.id")
    List<RawContainer> lockAllOfDonor(@Param("donorId") UUID donorId);
}
