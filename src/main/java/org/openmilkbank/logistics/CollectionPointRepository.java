package org.openmilkbank.logistics;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CollectionPointRepository extends JpaRepository<CollectionPoint, UUID> {

    List<CollectionPoint> findAllByOrderByActiveDescNameAsc();

    List<CollectionPoint> findByActiveTrueOrderByNameAsc();

    @Query("select count(p) > 0 from CollectionPoint p where p.active and lower(p.name) = lower(:name) and p.id <> :id")
    boolean activeNameTaken(@Param("name") String name, @Param("id") UUID exceptId);
}
