package org.openmilkbank.lab.quality;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContainerQualityRepository extends JpaRepository<ContainerQuality, UUID> {

    Optional<ContainerQuality> findByContainerId(UUID containerId);

    List<ContainerQuality> findByContainerIdIn(Collection<UUID> containerIds);
}
