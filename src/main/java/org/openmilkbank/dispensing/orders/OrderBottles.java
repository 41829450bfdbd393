package org.openmilkbank.dispensing.orders;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface OrderBottles extends Repository<OrderBottle, UUID> {

    OrderBottle save(OrderBottle reservation);

    List<OrderBottle> findByOrderIdAndFreedAtIsNull(UUID orderId);

    List<OrderBottle> findByOrderIdIn(Collection<UUID> orderIds);

    /** Every bottle an order holds now: offered to no other order. */
    @Query("select r.bottleId from OrderBottle r where r.freedAt is null")
    List<UUID> reservedBottles();
}
