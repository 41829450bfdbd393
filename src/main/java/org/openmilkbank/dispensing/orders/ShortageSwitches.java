package org.openmilkbank.dispensing.orders;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface ShortageSwitches extends Repository<ShortageSwitch, UUID> {

    ShortageSwitch save(ShortageSwitch change);

    Optional<ShortageSwitch> findFirstByOrderBySwitchedAtDesc();

    List<ShortageSwitch> findAllByOrderBySwitchedAtDesc();
}
