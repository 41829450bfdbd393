package org.openmilkbank.traceability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Look-back of a donor whose milk was blocked (blood-bank practice), and the bank-wide list of blocks: read-only
 * SQL over the recorded tables. Her milk is in every bottle of every pool that took one of her containers.
 */
@Service
@Transactional(readOnly = true)
public class LookBacks {

    private static final String HER_POOLS = "select pc.pool_id from pool_container pc where pc.donor_id = :donorId";

    private static final String BLOCK_COUNTS = """
            select
              (select count(*) from raw_container rc where rc.donor_id = :donorId and rc.state = 'BLOCKED')::int
                as containers,
              (select count(*) from pool p where p.id in (%1$s) and p.state = 'BLOCKED')::int as pools,
              (select count(*) from bottle b where b.pool_id in (%1$s) and b.state = 'BLOCKED')::int as bottles,
              (select count(distinct ds.infant_id) from dispense ds join bottle b on b.id = ds.bottle_id
                 where b.pool_id in (%1$s))::int as infants
            """.formatted(HER_POOLS);

    private final JdbcClient jdbc;

    LookBacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every container, pool, run and bottle of the donor's milk with its state now, and every infant reached. */
    public LookBack forDonor(UUID donorId) {
        Traced.Donor donor = jdbc.sql("select id, donor_code, given_name, family_name from donor where id = :id")
                .param("id", donorId)
                .query((rs, n) -> new Traced.Donor(
                        rs.getObject("id", UUID.class),
                        rs.getString("donor_code"),
                        DonorPrivacy.visible(name(rs.getString("family_name"), rs.getString("given_name")))))
                .optional()
                .orElseThrow(() -> new NotFound("trace.donor.notFound", donorId));
        List<LookBack.Block> blocks =
                jdbc.sql("""
                        select donor_id, donor_code, reason, blocked_at, blocked_by from milk_block
                        where donor_id = :donorId order by blocked_at
                        """).param("donorId", donorId).query(this::block).list();
        List<LookBack.Container> containers = jdbc.sql("""
                        select rc.id, rc.din, rc.volume_ml, rc.expressed_on, rc.state, rc.block_reason,
                               p.id as pool_id, p.din as pool_din
                        from raw_container rc
                        left join pool_container pc on pc.container_id = rc.id
                        left join pool p on p.id = coalesce(pc.pool_id, rc.pool_id)
                        where rc.donor_id = :donorId order by rc.expressed_on, rc.din
                        """)
                .param("donorId", donorId)
                .query((rs, n) -> new LookBack.Container(
                        rs.getObject("id", UUID.class),
                        withCheck(rs.getString("din")),
                        rs.getInt("volume_ml"),
                        rs.getObject("expressed_on", LocalDate.class),
                        rs.getString("state"),
                        rs.getString("block_reason"),
                        rs.getObject("pool_id", UUID.class),
                        withCheck(rs.getString("pool_din"))))
                .list();
        List<LookBack.Pool> pools = jdbc.sql("""
                        select p.id, p.din, p.state, p.block_reason, p.donor_count, p.volume_ml from pool p
                        where p.id in (%s) order by p.created_at, p.din
                        """.formatted(HER_POOLS))
                .param("donorId", donorId)
                .query((rs, n) -> new LookBack.Pool(
                        rs.getObject("id", UUID.class),
                        withCheck(rs.getString("din")),
                        rs.getString("state"),
                        rs.getString("block_reason"),
                        rs.getInt("donor_count"),
                        rs.getInt("volume_ml")))
                .list();
        List<LookBack.Run> runs = jdbc.sql("""
                        select r.id, r.pool_id, p.din as pool_din, r.started_at, r.state, r.block_reason
                        from pasteurisation_run r join pool p on p.id = r.pool_id
                        where r.pool_id in (%s) order by r.started_at
                        """.formatted(HER_POOLS))
                .param("donorId", donorId)
                .query((rs, n) -> new LookBack.Run(
                        rs.getObject("id", UUID.class),
                        rs.getObject("pool_id", UUID.class),
                        withCheck(rs.getString("pool_din")),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getString("state"),
                        rs.getString("block_reason")))
                .list();
        List<LookBack.Bottle> bottles = jdbc.sql("""
                        select b.id, b.din, b.pool_id, p.din as pool_din, b.volume_ml, b.expires_on, b.state,
                               b.block_reason, exists (select 1 from dispense ds where ds.bottle_id = b.id) as dispensed
                        from bottle b join pool p on p.id = b.pool_id
                        where b.pool_id in (%s) order by p.din, b.din
                        """.formatted(HER_POOLS))
                .param("donorId", donorId)
                .query((rs, n) -> new LookBack.Bottle(
                        rs.getObject("id", UUID.class),
                        withCheck(rs.getString("din")),
                        rs.getObject("pool_id", UUID.class),
                        withCheck(rs.getString("pool_din")),
                        rs.getInt("volume_ml"),
                        rs.getObject("expires_on", LocalDate.class),
                        rs.getString("state"),
                        rs.getString("block_reason"),
                        rs.getBoolean("dispensed")))
                .list();
        List<LookBack.Recipient> recipients = jdbc.sql("""
                        select i.id as infant_id, i.infant_code, i.family_name, i.given_name, i.ward,
                               b.id as bottle_id, b.din as bottle_din, p.din as pool_din, b.state as bottle_state,
                               ds.dispensed_at, ds.dispensed_by
                        from dispense ds
                        join infant i on i.id = ds.infant_id
                        join bottle b on b.id = ds.bottle_id
                        join pool p on p.id = b.pool_id
                        where b.pool_id in (%s) order by ds.dispensed_at, i.infant_code
                        """.formatted(HER_POOLS))
                .param("donorId", donorId)
                .query((rs, n) -> new LookBack.Recipient(
                        rs.getObject("infant_id", UUID.class),
                        rs.getString("infant_code"),
                        name(rs.getString("family_name"), rs.getString("given_name")),
                        rs.getString("ward"),
                        rs.getObject("bottle_id", UUID.class),
                        withCheck(rs.getString("bottle_din")),
                        withCheck(rs.getString("pool_din")),
                        rs.getTimestamp("dispensed_at").toInstant(),
                        rs.getString("dispensed_by"),
                        "BLOCKED".equals(rs.getString("bottle_state"))))
                .list();
        return new LookBack(donor, blocks, containers, pools, runs, bottles, recipients);
    }

    /** Every block on a donor's milk in the bank, newest first, with what it holds now. */
    public List<LookBack.Block> blocks() {
        return jdbc.sql("""
                        select donor_id, donor_code, reason, blocked_at, blocked_by from milk_block
                        order by blocked_at desc, donor_code
                        """).query(this::block).list();
    }

    private LookBack.Block block(ResultSet rs, int n) throws SQLException {
        UUID donorId = rs.getObject("donor_id", UUID.class);
        return new LookBack.Block(
                donorId,
                rs.getString("donor_code"),
                rs.getString("reason"),
                rs.getTimestamp("blocked_at").toInstant(),
                rs.getString("blocked_by"),
                counts(donorId));
    }

    private LookBack.Counts counts(UUID donorId) {
        return jdbc.sql(BLOCK_COUNTS)
                .param("donorId", donorId)
                .query((rs, n) -> new LookBack.Counts(
                        rs.getInt("containers"), rs.getInt("pools"), rs.getInt("bottles"), rs.getInt("infants")))
                .single();
    }

    private static String name(String family, String given) {
        return given == null || given.isBlank() ? family : family + ", " + given;
    }

    private static String withCheck(String din) {
        return Traceability.withCheck(din);
    }
}
