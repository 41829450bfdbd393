package org.openmilkbank.storage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the rest of the bank asks of storage: where units are now, and which units were inside a storage unit
 * during a window (each only for the time it was inside), for the cold chain and the stock pages.
 */
@Component
@Transactional(readOnly = true)
public class StorageQueries {

    /** One stay of a unit inside a storage unit, clipped to the window asked (a unit still inside: to its end). */
    public record Stay(UUID unitId, String din, Instant from, Instant to) {}

    private final JdbcClient jdbc;

    StorageQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current place of each unit that has one, as its code path ("FRZ-01 › S2 › BOX-7"); others are absent. */
    public Map<UUID, String> placeOf(Collection<UUID> unitIds) {
        Map<UUID, String> places = new HashMap<>();
        if (unitIds == null || unitIds.isEmpty()) {
            return places;
        }
        jdbc.sql("""
                        select p.unit_id, storage_place_path(p.place_id) as code_path
                        from storage_placement p
                        where p.removed_at is null and p.unit_id = any(cast(:ids as uuid[]))
                        """)
                .param("ids", unitIds.toArray(UUID[]::new))
                .query((rs, n) -> places.put(rs.getObject("unit_id", UUID.class), rs.getString("code_path")))
                .list();
        return places;
    }

    /**
     * Every stay inside the storage unit that overlaps the window from {@code from} until {@code to}, clipped to it: a unit moved in during
     * the window counts from when it came in, one moved out counts until it left.
     */
    public List<Stay> unitsInside(UUID storageUnitId, Instant from, Instant to) {
        return jdbc.sql("""
                        select p.unit_id, u.din, greatest(p.placed_at, :from) as stay_from,
                               least(coalesce(p.removed_at, :to), :to) as stay_to
                        from storage_placement p join milk_unit u on u.id = p.unit_id
                        where p.storage_unit_id = :unit and p.placed_at < :to
                          and (p.removed_at is null or p.removed_at > :from)
                        order by p.placed_at, u.din
                        """)
                .param("unit", storageUnitId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Stay(
                        rs.getObject("unit_id", UUID.class),
                        rs.getString("din"),
                        rs.getTimestamp("stay_from").toInstant(),
                        rs.getTimestamp("stay_to").toInstant()))
                .list();
    }
}
