package org.openmilkbank.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bottle store against PostgreSQL. The pool and run rows the bottles hang on are inserted directly here
 * because this module must work before processing exists; the full path is covered in pasteurization's tests.
 */
@IntegrationTest
class InventoryIntegrationTests {

    static final LocalDate TODAY = LocalDate.now();

    @Autowired
    MockMvc mvc;

    @Autowired
    Inventory inventory;

    @Autowired
    IdentityManagement identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    History history;

    UUID[] poolAndRun() {
        UUID pool = UUID.randomUUID();
        UUID run = UUID.randomUUID();
        jdbc.sql("""
                        insert into pool (id, din, state, created_at, created_by, volume_ml, donor_count, earliest_expression)
                        values (:id, :din, 'PASTEURISED', now(), 'test', 1000, 1, current_date)
                        """)
                .param("id", pool)
                .param("din", "Z9999" + String.format("%08d", Math.abs(pool.getLeastSignificantBits() % 100_000_000)))
                .update();
        jdbc.sql("""
                        insert into pasteurisation_run (id, pool_id, started_at, ended_at, hold_temperature_c, hold_minutes,
                            outcome, state, recorded_by, recorded_at)
                        values (:id, :pool, now() - interval '2 hours', now() - interval '1 hour', 62.5, 30,
                            'PASSED', 'QUARANTINE', 'test', now())
                        """).param("id", run).param("pool", pool).update();
        // the lineage knows the pool and its run, as the processing and pasteurisation modules would have written
        jdbc.sql("""
                        insert into milk_unit (id, din, kind, created_at)
                        select id, din, 'POOL', now() - interval '3 hours' from pool where id = :pool
                        """).param("pool", pool).update();
        jdbc.sql("""
                        insert into milk_unit (id, code, kind, created_at)
                        select :run, din || '-R1', 'RUN', now() - interval '2 hours' from pool where id = :pool
                        """).param("run", run).param("pool", pool).update();
        jdbc.sql("insert into milk_link (parent_id, child_id, at) values (:pool, :run, now() - interval '2 hours')")
                .param("pool", pool)
                .param("run", run)
                .update();
        return new UUID[] {pool, run};
    }

    List<BottleView> stock(int count, LocalDate expiresOn, boolean release) {
        UUID[] ids = poolAndRun();
        AtomicReference<List<BottleView>> result = new AtomicReference<>();
        Staff.asSystem(() -> result.set(tx.execute(s -> {
            List<BottleView> bottles = inventory.stockQuarantined(ids[1], ids[0], count, 100, expiresOn);
            return release ? inventory.releaseRun(ids[1], java.time.Instant.now()) : bottles;
        })));
        return result.get();
    }

    @Test
    void stocksEachBottleWithItsOwnDinInQuarantineAndWritesHistory() {
        List<BottleView> bottles = stock(3, TODAY.plusMonths(6), false);
        assertThat(bottles).hasSize(3).allSatisfy(b -> {
            assertThat(b.state()).isEqualTo(BottleState.QUARANTINE);
            assertThat(Din.parse(b.din()).value()).isEqualTo(b.din());
            assertThat(history.of("Bottle", b.id()))
                    .extracting(History.HistoryEntry::action)
                    .containsExactly("Stocked in quarantine");
        });
        assertThat(bottles).extracting(BottleView::din).doesNotHaveDuplicates();
        assertThat(inventory.bottlesOfRun(bottles.get(0).runId())).hasSize(3);
    }

    @Test
    void dispensableStockIsReleasedInDateAndFirstToExpireFirst() {
        LocalDate base = TODAY.plusYears(5); // later than anything other tests stock, so this run's order is visible
        List<BottleView> late = stock(1, base.plusDays(20), true);
        List<BottleView> early = stock(1, base.plusDays(2), true);
        List<BottleView> quarantined = stock(1, base.plusDays(1), false);
        // an expired bottle can no longer be released (the gate refuses it); it stays out of the dispensable stock
        List<BottleView> expired = stock(1, TODAY.minusDays(1), false);

        List<UUID> ids =
                inventory.dispensable(TODAY).stream().map(BottleView::id).toList();
        assertThat(ids).contains(late.get(0).id(), early.get(0).id());
        assertThat(ids).doesNotContain(quarantined.get(0).id(), expired.get(0).id());
        assertThat(ids.indexOf(early.get(0).id()))
                .isLessThan(ids.indexOf(late.get(0).id()));
        List<BottleView> all = inventory.dispensable(TODAY);
        assertThat(all).extracting(BottleView::expiresOn).isSorted();
    }

    @Test
    void takeForDispenseRefusesEachUnsafeBottleWithItsOwnMessage() {
        BottleView quarantined = stock(1, TODAY.plusMonths(1), false).get(0);
        BottleView expired = stock(1, TODAY.minusDays(1), false).get(0);
        BottleView good = stock(1, TODAY.plusMonths(1), true).get(0);

        assertRefused(quarantined, "inventory.bottle.quarantined");
        // expiry is the safety gate's: it refuses before the bottle's own states are asked
        assertRefused(expired, "gate.refused.DISPENSE");

        Staff.asSystem(
                () -> tx.executeWithoutResult(s -> inventory.takeForDispense(good.id(), java.time.Instant.now())));
        assertThat(inventory.find(good.id()).orElseThrow().state()).isEqualTo(BottleState.DISPENSED);
        assertRefused(good, "inventory.bottle.alreadyDispensed");

        BottleView discarded = stock(1, TODAY.plusMonths(1), true).get(0);
        Staff.asSystem(() -> inventory.discardBottle(discarded.din(), "bottle cracked in the freezer"));
        assertRefused(discarded, "inventory.bottle.discarded");
    }

    void assertRefused(BottleView bottle, String code) {
        assertThatThrownBy(() -> inventory.takeForDispense(bottle.id(), java.time.Instant.now()))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.args()[0]).isEqualTo(Din.parse(bottle.din()).withCheck());
                });
    }

    @Test
    void discardRunDiscardsEveryBottleNotDispensedWithTheReason() {
        List<BottleView> bottles = stock(3, TODAY.plusMonths(1), true);
        UUID run = bottles.get(0).runId();
        Staff.asSystem(() -> tx.executeWithoutResult(
                s -> inventory.takeForDispense(bottles.get(0).id(), java.time.Instant.now())));
        Staff.asSystem(() -> inventory.discardRun(run, "culture.positive"));
        assertThat(inventory.bottlesOfRun(run))
                .extracting(BottleView::state)
                .containsExactlyInAnyOrder(BottleState.DISPENSED, BottleState.DISCARDED, BottleState.DISCARDED);
        assertThat(history.of("Bottle", bottles.get(1).id()))
                // the reason is a code, read in the reader's language
                .anySatisfy(h -> assertThat(h.detail()).contains("post-pasteurisation culture positive"));
    }

    @Test
    void aDispenserViewsStockButOnlyALabTechnicianDiscards() throws Exception {
        BottleView bottle = stock(1, TODAY.plusMonths(1), true).get(0);
        String dispenser = Staff.create(identity, Role.DISPENSER);
        String tech = Staff.create(identity, Role.LAB_TECHNICIAN);
        String nurse = Staff.create(identity, Role.NURSE);

        mvc.perform(get("/api/v1/bottles/" + Din.parse(bottle.din()).withCheck())
                        .with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RELEASED"));
        mvc.perform(get("/api/v1/bottles").param("state", "RELEASED").with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].state", Matchers.everyItem(Matchers.is("RELEASED"))));
        mvc.perform(get("/api/v1/bottles").with(httpBasic(nurse, Staff.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/bottles").with(user(nurse).roles("NURSE"))).andExpect(status().isForbidden());

        String discard = "{\"reason\":\"dropped on the floor\"}";
        mvc.perform(post("/api/v1/bottles/" + bottle.din() + "/discard")
                        .with(httpBasic(dispenser, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(discard))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/bottles/" + bottle.din() + "/discard")
                        .with(httpBasic(tech, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/bottles/" + bottle.din() + "/discard")
                        .with(httpBasic(tech, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(discard))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DISCARDED"));
        mvc.perform(post("/api/v1/bottles/" + bottle.din() + "/discard")
                        .with(httpBasic(tech, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(discard))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("inventory.bottle.alreadyDiscarded"));
    }

    @Test
    void theBottlePagesShowStockAndDiscardWithAReason() throws Exception {
        BottleView bottle = stock(1, TODAY.plusDays(10), true).get(0);
        String din = Din.parse(bottle.din()).withCheck();

        mvc.perform(get("/bottles").with(user("disp").roles("DISPENSER")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(din)));
        mvc.perform(get("/bottles/" + din).with(user("disp").roles("DISPENSER")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Released")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("data-testid=\"discard-bottle\""))));
        mvc.perform(get("/bottles/find")
                        .param("din", bottle.din())
                        .with(user("tech").roles("LAB_TECHNICIAN")))
                .andExpect(redirectedUrl("/bottles/" + din));
        mvc.perform(post("/bottles/" + din + "/discard")
                        .param("reason", "label unreadable")
                        .with(csrf())
                        .with(user("tech").roles("LAB_TECHNICIAN")))
                .andExpect(redirectedUrl("/bottles/" + din));
        mvc.perform(get("/bottles/" + din).with(user("tech").roles("LAB_TECHNICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("label unreadable")));
        mvc.perform(get("/bottles/A000126999999").with(user("tech").roles("LAB_TECHNICIAN")))
                .andExpect(redirectedUrl("/bottles"))
                .andExpect(flash().attribute("error", Matchers.containsString("No bottle with DIN A000126999999")));
        mvc.perform(get("/api/v1/bottles/A000126999999").with(user("tech").roles("LAB_TECHNICIAN")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aConcurrentSecondDispenseOfTheSameBottleLoses() throws Exception {
        BottleView bottle = stock(1, TODAY.plusMonths(1), true).get(0);
        var first = new java.util.concurrent.CompletableFuture<String>();
        var second = new java.util.concurrent.CompletableFuture<String>();
        Runnable attempt1 = () -> first.complete(tryTake(bottle));
        Runnable attempt2 = () -> second.complete(tryTake(bottle));
        Thread t1 = new Thread(attempt1);
        Thread t2 = new Thread(attempt2);
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        assertThat(List.of(first.get(), second.get()))
                .containsExactlyInAnyOrder("ok", "inventory.bottle.alreadyDispensed");
    }

    String tryTake(BottleView bottle) {
        try {
            tx.executeWithoutResult(s -> inventory.takeForDispense(bottle.id(), java.time.Instant.now()));
            return "ok";
        } catch (RuleViolation e) {
            return e.code();
        }
    }
}
