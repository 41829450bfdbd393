package org.openmilkbank.storage;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlaceChangeRepository extends JpaRepository<PlaceChange, UUID> {}
