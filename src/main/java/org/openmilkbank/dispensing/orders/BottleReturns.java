package org.openmilkbank.dispensing.orders;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface BottleReturns extends Repository<BottleReturn, UUID> {

    BottleReturn save(BottleReturn r);

    List<BottleReturn> findByOrderIdOrderByReturnedAt(UUID orderId);
}
