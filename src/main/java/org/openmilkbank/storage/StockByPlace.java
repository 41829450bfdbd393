package org.openmilkbank.storage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The released stock storage unit by storage unit: what a dispenser finds in each freezer or fridge, how much and
 * what expires first there; released milk still kept in a place of another purpose, to move; and released milk with
 * no place recorded, to put away.
 */
@Component
@Transactional(readOnly = true)
public class StockByPlace {

    /** The released milk inside one storage unit. */
    public record UnitStock(
            UUID placeId,
            String code,
            String name,
            UnitType unitType,
            PlacePurpose purpose,
            int bottles,
            long volumeMl,
            LocalDate firstExpiry) {

        /** Released milk kept where it does not belong (a quarantine freezer): to move. */
        public boolean misplaced() {
            return purpose != PlacePurpose.RELEASED;
        }
    }

    /** Every storage unit holding released milk, most first, and what has no place. */
    public record Released(List<UnitStock> units, int unplacedBottles, long unplacedMl) {}

    private record Unit(String code, String name, UnitType unitType, PlacePurpose purpose) {}

    private final Inventory inventory;
    private final JdbcClient jdbc;
    private final Clock clock;

    StockByPlace(Inventory inventory, JdbcClient jdbc, Clock clock) {
        this.inventory = inventory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Released released() {
        List<BottleView> stock = inventory.dispensable(LocalDate.now(clock));
        Map<UUID, UUID> unitOf = new LinkedHashMap<>();
        Map<UUID, Unit> storageUnits = new LinkedHashMap<>();
        if (!stock.isEmpty()) {
            jdbc.sql("""
                            select p.unit_id, s.id, s.code, s.name, s.unit_type, s.purpose
                            from storage_placement p join storage_place s on s.id = p.storage_unit_id
                            where p.removed_at is null and p.unit_id = any(cast(:ids as uuid[]))
                            """)
                    .param("ids", stock.stream().map(BottleView::id).toArray(UUID[]::new))
                    .query((rs, n) -> {
                        UUID place = rs.getObject("id", UUID.class);
                        unitOf.put(rs.getObject("unit_id", UUID.class), place);
                        storageUnits.putIfAbsent(
                                place,
                                new Unit(
                                        rs.getString("code"),
                                        rs.getString("name"),
                                        UnitType.valueOf(rs.getString("unit_type")),
                                        PlacePurpose.valueOf(rs.getString("purpose"))));
                        return place;
                    })
                    .list();
        }
        Map<UUID, long[]> totals = new LinkedHashMap<>();
        Map<UUID, LocalDate> first = new LinkedHashMap<>();
        int unplaced = 0;
        long unplacedMl = 0;
        for (BottleView b : stock) {
            UUID place = unitOf.get(b.id());
            if (place == null) {
                unplaced++;
                unplacedMl += b.volumeMl();
                continue;
            }
            long[] t = totals.computeIfAbsent(place, p -> new long[2]);
            t[0]++;
            t[1] += b.volumeMl();
            first.merge(place, b.expiresOn(), (a, c) -> a.isBefore(c) ? a : c);
        }
        List<UnitStock> units = new ArrayList<>();
        totals.forEach((place, t) -> {
            Unit s = storageUnits.get(place);
            units.add(new UnitStock(
                    place, s.code(), s.name(), s.unitType(), s.purpose(), (int) t[0], t[1], first.get(place)));
        });
        units.sort(Comparator.comparingLong(UnitStock::volumeMl).reversed().thenComparing(UnitStock::code));
        return new Released(List.copyOf(units), unplaced, unplacedMl);
    }
}
