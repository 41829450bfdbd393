package org.openmilkbank.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffUserRepository extends JpaRepository<StaffUser, UUID> {

    Optional<StaffUser> findByUsernameIgnoreCase(String username);

    List<StaffUser> findAllByOrderByUsername();
}
