package org.openmilkbank.dispensing.orders;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface MilkOrders extends Repository<MilkOrder, UUID> {

    MilkOrder save(MilkOrder order);

    Optional<MilkOrder> findById(UUID id);

    List<MilkOrder> findByInfantIdOrderByRequestedAtDesc(UUID infantId);

    List<MilkOrder> findByStateInOrderByRequestedAt(Collection<OrderState> states);
}
