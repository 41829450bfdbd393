package org.openmilkbank.collection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DonationRepository extends JpaRepository<Donation, UUID> {

    List<Donation> findByDonorIdOrderByReceivedAtDesc(UUID donorId);

    List<Donation> findByReceivedAtGreaterThanEqualAndReceivedAtLessThanOrderByReceivedAtDesc(Instant from, Instant to);
}
