package org.openmilkbank.dispensing;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface Dispenses extends Repository<Dispense, UUID> {

    Dispense save(Dispense dispense);

    List<Dispense> findByInfantIdOrderByDispensedAtDesc(UUID infantId);

    java.util.Optional<Dispense> findByBottleIdAndReturnedAtIsNull(UUID bottleId);
}
