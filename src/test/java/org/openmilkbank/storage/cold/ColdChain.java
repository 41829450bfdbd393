package org.openmilkbank.storage.cold;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A small fixture of places and stays, written straight into V170's tables (the places module is not needed). */
final class ColdChain {

    private ColdChain() {}

    static UUID storageUnit(JdbcClient jdbc, String type) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into storage_place (id, level, code, name, unit_type, purpose, created_at, created_by)
                        values (:id, 'UNIT', :code, :name, :type, 'RELEASED', now(), 'test')
                        """)
                .param("id", id)
                .param("code", type.substring(0, 3) + "-" + id.toString().substring(0, 8))
                .param("name", "Test " + type.toLowerCase())
                .param("type", type)
                .update();
        return id;
    }

    static String code(JdbcClient jdbc, UUID storageUnitId) {
        return jdbc.sql("select code from storage_place where id = :id")
                .param("id", storageUnitId)
                .query(String.class)
                .single();
    }

    /** A stay of the unit of milk in the storage unit itself, from {@code placed} until {@code removed} (or now). */
    static void stay(JdbcClient jdbc, UUID storageUnitId, UUID unitId, Instant placed, Instant removed) {
        jdbc.sql("""
                        insert into storage_placement (id, unit_id, place_id, storage_unit_id, placed_at, placed_by,
                                                       removed_at, removed_by, removed_reason)
                        values (:id, :unit, :su, :su, :placed, 'test', :removed, :by, :reason)
                        """)
                .param("id", UUID.randomUUID())
                .param("unit", unitId)
                .param("su", storageUnitId)
                .param("placed", Timestamp.from(placed))
                .param("removed", removed == null ? null : Timestamp.from(removed))
                .param("by", removed == null ? null : "test")
                .param("reason", removed == null ? null : "MOVED")
                .update();
    }
}
