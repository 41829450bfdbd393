package org.openmilkbank.traceability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the milk's path both ways with read-only SQL over the recorded tables: donor → container → pool →
 * run → bottle → dispense → infant. A container's milk is in every bottle of its pool, so the walk goes
 * through pools; discarded milk stops where it was discarded.
 */
@Service
@Transactional(readOnly = true)
public class Traceability {

    private static final String CONTAINERS = """
            select rc.id, rc.din, rc.donor_id, d.donor_code, rc.volume_ml, rc.expressed_on, rc.state,
                   p.id as pool_id, p.din as pool_din
            from raw_container rc
            join donor d on d.id = rc.donor_id
            left join pool_container pc on pc.container_id = rc.id
            left join pool p on p.id = coalesce(pc.pool_id, rc.pool_id)
            """;
    private static final String POOLS =
            "select id, din, state, donor_count, volume_ml, created_at from pool p where p.id in (:ids)"
                    + " order by created_at, din";
    private static final String RUNS = """
            select r.id, r.pool_id, p.din as pool_din, r.started_at, r.outcome, r.state
            from pasteurisation_run r join pool p on p.id = r.pool_id
            where r.pool_id in (:ids) order by r.started_at
            """;
    private static final String BOTTLES = """
            select b.id, b.din, b.pool_id, p.din as pool_din, b.run_id, b.volume_ml, b.expires_on, b.state
            from bottle b join pool p on p.id = b.pool_id
            """;
    private static final String FEEDS = """
            select i.id as infant_id, i.infant_code, i.family_name, i.given_name, b.id as bottle_id,
                   b.din as bottle_din, p.din as pool_din, ds.dispensed_at, ds.dispensed_by
            from dispense ds
            join infant i on i.id = ds.infant_id
            join bottle b on b.id = ds.bottle_id
            join pool p on p.id = b.pool_id
            """;

    private final JdbcClient jdbc;

    Traceability(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Her containers, the pools they went into, the runs and bottles, and every infant who received them. */
    public DonorTrace fromDonor(UUID donorId) {
        Traced.Donor donor = donors(List.of(donorId)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("trace.donor.notFound", donorId));
        List<Traced.Container> containers = jdbc.sql(CONTAINERS + " where rc.donor_id = :id order by rc.expressed_on")
                .param("id", donorId)
                .query(Traceability::container)
                .list();
        List<UUID> poolIds = distinct(containers, Traced.Container::poolId);
        List<Traced.Bottle> bottles = bottlesOfPools(poolIds);
        List<Traced.Feed> feeds = feedsOfBottles(distinct(bottles, Traced.Bottle::id));
        return new DonorTrace(donor, containers, pools(poolIds), runs(poolIds), bottles, feeds, infantsOf(feeds));
    }

    /** The bottles an infant received, their pools, and every donor whose milk was in them. */
    public InfantTrace fromInfant(UUID infantId) {
        Traced.Infant infant = jdbc.sql(
                        "select id, infant_code, family_name, given_name, ward from infant where id = :id")
                .param("id", infantId)
                .query((rs, n) -> new Traced.Infant(
                        rs.getObject("id", UUID.class),
                        rs.getString("infant_code"),
                        name(rs.getString("family_name"), rs.getString("given_name")),
                        rs.getString("ward")))
                .optional()
                .orElseThrow(() -> new NotFound("trace.infant.notFound", infantId));
        List<Traced.Feed> feeds = jdbc.sql(FEEDS + " where ds.infant_id = :id order by ds.dispensed_at")
                .param("id", infantId)
                .query(Traceability::feed)
                .list();
        List<Traced.Bottle> bottles = bottles(distinct(feeds, Traced.Feed::bottleId));
        List<UUID> poolIds = distinct(bottles, Traced.Bottle::poolId);
        List<Traced.Container> containers = containersOfPools(poolIds);
        return new InfantTrace(
                infant,
                feeds,
                bottles,
                pools(poolIds),
                containers,
                donors(distinct(containers, Traced.Container::donorId)));
    }

    /** A container, pool or bottle by its DIN (as scanned): upstream donors and downstream infants. */
    public DinTrace fromDin(String dinInput) {
        Din din = Din.parse(dinInput);
        Optional<Traced.Container> container = jdbc.sql(CONTAINERS + " where rc.din = :din")
                .param("din", din.value())
                .query(Traceability::container)
                .optional();
        if (container.isPresent()) {
            Traced.Container c = container.get();
            List<UUID> poolIds = c.poolId() == null ? List.of() : List.of(c.poolId());
            List<Traced.Bottle> bottles = bottlesOfPools(poolIds);
            List<Traced.Feed> feeds = feedsOfBottles(distinct(bottles, Traced.Bottle::id));
            return new DinTrace(
                    DinTrace.Kind.CONTAINER,
                    c.id(),
                    c.din(),
                    c.state(),
                    donors(List.of(c.donorId())),
                    List.of(c),
                    pools(poolIds),
                    runs(poolIds),
                    bottles,
                    feeds,
                    infantsOf(feeds));
        }
        Optional<Traced.Pool> pool = jdbc.sql(
                        "select id, din, state, donor_count, volume_ml, created_at from pool where din = :din")
                .param("din", din.value())
                .query(Traceability::pool)
                .optional();
        if (pool.isPresent()) {
            Traced.Pool p = pool.get();
            List<UUID> poolIds = List.of(p.id());
            List<Traced.Container> containers = containersOfPools(poolIds);
            List<Traced.Bottle> bottles = bottlesOfPools(poolIds);
            List<Traced.Feed> feeds = feedsOfBottles(distinct(bottles, Traced.Bottle::id));
            return new DinTrace(
                    DinTrace.Kind.POOL,
                    p.id(),
                    p.din(),
                    p.state(),
                    donors(distinct(containers, Traced.Container::donorId)),
                    containers,
                    List.of(p),
                    runs(poolIds),
                    bottles,
                    feeds,
                    infantsOf(feeds));
        }
        Traced.Bottle b = jdbc.sql(BOTTLES + " where b.din = :din")
                .param("din", din.value())
                .query(Traceability::bottle)
                .optional()
                .orElseThrow(() -> new NotFound("trace.din.notFound", din.withCheck()));
        List<UUID> poolIds = List.of(b.poolId());
        List<Traced.Container> containers = containersOfPools(poolIds);
        List<Traced.Feed> feeds = feedsOfBottles(List.of(b.id()));
        List<Traced.Run> runs =
                runs(poolIds).stream().filter(r -> r.id().equals(b.runId())).toList();
        return new DinTrace(
                DinTrace.Kind.BOTTLE,
                b.id(),
                b.din(),
                b.state(),
                donors(distinct(containers, Traced.Container::donorId)),
                containers,
                pools(poolIds),
                runs,
                List.of(b),
                feeds,
                infantsOf(feeds));
    }

    private List<Traced.Donor> donors(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select id, donor_code, given_name, family_name from donor where id in (:ids) order by donor_code")
                .param("ids", ids)
                .query((rs, n) -> new Traced.Donor(
                        rs.getObject("id", UUID.class),
                        rs.getString("donor_code"),
                        DonorPrivacy.visible(name(rs.getString("family_name"), rs.getString("given_name")))))
                .list();
    }

    private List<Traced.Container> containersOfPools(List<UUID> poolIds) {
        if (poolIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(CONTAINERS + " where p.id in (:ids) order by d.donor_code, rc.expressed_on")
                .param("ids", poolIds)
                .query(Traceability::container)
                .list();
    }

    private List<Traced.Pool> pools(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(POOLS).param("ids", ids).query(Traceability::pool).list();
    }

    private List<Traced.Run> runs(List<UUID> poolIds) {
        if (poolIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(RUNS)
                .param("ids", poolIds)
                .query((rs, n) -> new Traced.Run(
                        rs.getObject("id", UUID.class),
                        rs.getObject("pool_id", UUID.class),
                        withCheck(rs.getString("pool_din")),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getString("outcome"),
                        rs.getString("state")))
                .list();
    }

    private List<Traced.Bottle> bottlesOfPools(List<UUID> poolIds) {
        if (poolIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(BOTTLES + " where b.pool_id in (:ids) order by b.din")
                .param("ids", poolIds)
                .query(Traceability::bottle)
                .list();
    }

    private List<Traced.Bottle> bottles(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(BOTTLES + " where b.id in (:ids) order by b.din")
                .param("ids", ids)
                .query(Traceability::bottle)
                .list();
    }

    private List<Traced.Feed> feedsOfBottles(List<UUID> bottleIds) {
        if (bottleIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(FEEDS + " where ds.bottle_id in (:ids) order by ds.dispensed_at")
                .param("ids", bottleIds)
                .query(Traceability::feed)
                .list();
    }

    private List<Traced.Infant> infantsOf(List<Traced.Feed> feeds) {
        List<UUID> ids = distinct(feeds, Traced.Feed::infantId);
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select id, infant_code, family_name, given_name, ward from infant where id in (:ids) order by infant_code")
                .param("ids", ids)
                .query((rs, n) -> new Traced.Infant(
                        rs.getObject("id", UUID.class),
                        rs.getString("infant_code"),
                        name(rs.getString("family_name"), rs.getString("given_name")),
                        rs.getString("ward")))
                .list();
    }

    private static Traced.Container container(ResultSet rs, int n) throws SQLException {
        return new Traced.Container(
                rs.getObject("id", UUID.class),
                withCheck(rs.getString("din")),
                rs.getObject("donor_id", UUID.class),
                rs.getString("donor_code"),
                rs.getInt("volume_ml"),
                rs.getObject("expressed_on", java.time.LocalDate.class),
                rs.getString("state"),
                rs.getObject("pool_id", UUID.class),
                withCheck(rs.getString("pool_din")));
    }

    private static Traced.Pool pool(ResultSet rs, int n) throws SQLException {
        return new Traced.Pool(
                rs.getObject("id", UUID.class),
                withCheck(rs.getString("din")),
                rs.getString("state"),
                rs.getInt("donor_count"),
                rs.getInt("volume_ml"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Traced.Bottle bottle(ResultSet rs, int n) throws SQLException {
        return new Traced.Bottle(
                rs.getObject("id", UUID.class),
                withCheck(rs.getString("din")),
                rs.getObject("pool_id", UUID.class),
                withCheck(rs.getString("pool_din")),
                rs.getObject("run_id", UUID.class),
                rs.getInt("volume_ml"),
                rs.getObject("expires_on", java.time.LocalDate.class),
                rs.getString("state"));
    }

    private static Traced.Feed feed(ResultSet rs, int n) throws SQLException {
        return new Traced.Feed(
                rs.getObject("infant_id", UUID.class),
                rs.getString("infant_code"),
                name(rs.getString("family_name"), rs.getString("given_name")),
                rs.getObject("bottle_id", UUID.class),
                withCheck(rs.getString("bottle_din")),
                withCheck(rs.getString("pool_din")),
                rs.getTimestamp("dispensed_at").toInstant(),
                rs.getString("dispensed_by"));
    }

    private static String name(String family, String given) {
        return given == null || given.isBlank() ? family : family + ", " + given;
    }

    /** Stored DINs are the 13 characters; people read and scan them with the check character. */
    static String withCheck(String din) {
        return din == null ? null : Din.parse(din).withCheck();
    }

    private static <T> List<UUID> distinct(List<T> rows, Function<T, UUID> id) {
        Map<UUID, Boolean> seen = new LinkedHashMap<>();
        rows.stream().map(id).filter(java.util.Objects::nonNull).forEach(u -> seen.put(u, true));
        return List.copyOf(seen.keySet());
    }
}
