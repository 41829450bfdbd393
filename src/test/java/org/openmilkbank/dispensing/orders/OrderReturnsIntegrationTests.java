package org.openmilkbank.dispensing.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.inventory.ThawMethod;
import org.openmilkbank.inventory.Thawing;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Unused bottles back from the ward: into stock where the profile's cold-chain rule allows, else discarded. */
@IntegrationTest
class OrderReturnsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    OrderManagement orders;

    @Autowired
    OrderAllocation allocation;

    @Autowired
    OrderDispatch dispatch;

    @Autowired
    DispensingManagement dispensing;

    @Autowired
    Inventory inventory;

    @Autowired
    Thawing thawing;

    @Autowired
    JdbcClient jdbc;

    DispensingFixtures fixtures;
    String dispenser;

    @BeforeEach
    void setUp() {
        fixtures = new DispensingFixtures(context);
        dispenser = Staff.create(identity, Role.DISPENSER);
    }

    /** An order of two bottles from a run of this test's own, dispatched to the ward. */
    OrderView dispatched(InfantView infant) {
        var batch = fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 2);
        UUID orderId = fixtures.order(infant);
        List<String> dins = batch.bottles().stream()
                .map(b -> Din.parse(b.din()).withCheck())
                .toList();
        Staff.as(dispenser, Role.DISPENSER, () -> {
            allocation.accept(orderId, dins, "this test's own bottles");
            dispatch.dispatch(orderId);
        });
        return orders.find(orderId);
    }

    List<String> events(UUID bottleId) {
        return jdbc.sql("select type from milk_event where unit_id = :id order by at, recorded_at")
                .param("id", bottleId)
                .query(String.class)
                .list();
    }

    @Test
    void anUnopenedFrozenBottleGoesBackIntoStockAndCanBeDispensedToAnotherInfant() throws Exception {
        InfantView infant = fixtures.infantWithConsent();
        OrderView order = dispatched(infant);
        OrderView.OrderBottleView kept = order.bottles().get(0);

        mvc.perform(post("/orders/" + order.id() + "/returns")
                        .with(user(dispenser).roles("DISPENSER"))
                        .with(csrf())
                        .param("scanned", kept.din())
                        .param("reason", "DISCHARGED")
                        .param("arrivalTemperatureC", "-22"))
                .andExpect(status().is3xxRedirection());

        assertThat(inventory.find(kept.bottleId()).orElseThrow().state()).isEqualTo(BottleState.RELEASED);
        assertThat(events(kept.bottleId())).endsWith("DISPENSED", "RETURNED");
        OrderView after = orders.find(order.id());
        assertThat(after.bottles())
                .extracting(OrderView.OrderBottleView::bottleId)
                .doesNotContain(kept.bottleId());
        assertThat(after.returns()).singleElement().satisfies(r -> {
            assertThat(r.backInStock()).isTrue();
            assertThat(r.reason()).isEqualTo(ReturnReason.DISCHARGED);
            assertThat(r.returnedBy()).isEqualTo(dispenser);
        });
        assertThat(dispensing.dispensesOf(infant.id()))
                .filteredOn(d -> d.bottleId().equals(kept.bottleId()))
                .singleElement()
                .satisfies(d -> assertThat(d.returned()).isTrue());
        mvc.perform(get("/orders/" + order.id()).with(user(dispenser).roles("DISPENSER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("back in stock")));

        InfantView other = fixtures.infantWithConsent();
        fixtures.dispense(other, inventory.find(kept.bottleId()).orElseThrow());
        assertThat(inventory.find(kept.bottleId()).orElseThrow().state()).isEqualTo(BottleState.DISPENSED);
        assertThat(dispensing.dispensesOf(other.id()))
                .extracting(d -> d.bottleId())
                .containsExactly(kept.bottleId());
    }

    @Test
    void aBottleThawedOnTheWardOrWarmOnArrivalIsDiscardedWithWhy() throws Exception {
        OrderView order = dispatched(fixtures.infantWithConsent());
        OrderView.OrderBottleView thawed = order.bottles().get(0);
        OrderView.OrderBottleView warm = order.bottles().get(1);
        Staff.asSystem(() -> thawing.thaw(thawed.din(), ThawMethod.FRIDGE, null));

        mvc.perform(post("/api/v1/orders/" + order.id() + "/returns")
                        .with(httpBasic(dispenser, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dins\":[\"" + thawed.din() + "\"],\"reason\":\"NOT_NEEDED\","
                                + "\"arrivalTemperatureC\":-20}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].refusals[0]").value("THAWED"));
        mvc.perform(post("/api/v1/orders/" + order.id() + "/returns")
                        .with(httpBasic(dispenser, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dins\":[\"" + warm.din()
                                + "\"],\"reason\":\"OTHER\",\"note\":\"left on the counter\","
                                + "\"arrivalTemperatureC\":2}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].refusals[0]").value("NOT_FROZEN_ON_ARRIVAL"));

        assertThat(inventory.find(thawed.bottleId()).orElseThrow().state()).isEqualTo(BottleState.DISCARDED);
        assertThat(inventory.find(warm.bottleId()).orElseThrow().state()).isEqualTo(BottleState.DISCARDED);
        assertThat(events(warm.bottleId())).endsWith("RETURNED", "DISCARDED");
        assertThat(jdbc.sql("select reason_code from milk_event where unit_id = :id and type = 'DISCARDED'")
                        .param("id", warm.bottleId())
                        .query(String.class)
                        .single())
                .isEqualTo("return.NOT_FROZEN_ON_ARRIVAL");
        assertThat(orders.find(order.id()).bottles()).isEmpty();
    }

    @Test
    void aBottleNotOfTheOrderOrAnOtherReasonWithoutANoteIsRefusedBesideTheFieldAndNothingChanges() throws Exception {
        OrderView order = dispatched(fixtures.infantWithConsent());
        OrderView.OrderBottleView mine = order.bottles().get(0);
        String foreign = Din.parse(fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 1)
                        .bottles()
                        .get(0)
                        .din())
                .withCheck();

        mvc.perform(post("/orders/" + order.id() + "/returns")
                        .with(user(dispenser).roles("DISPENSER"))
                        .with(csrf())
                        .param("scanned", mine.din() + "\n" + foreign)
                        .param("reason", "NOT_NEEDED")
                        .param("arrivalTemperatureC", "-22"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("is not with the ward for this order")));
        mvc.perform(post("/orders/" + order.id() + "/returns")
                        .with(user(dispenser).roles("DISPENSER"))
                        .with(csrf())
                        .param("scanned", mine.din())
                        .param("reason", "OTHER")
                        .param("arrivalTemperatureC", "-22"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Say in the note why")));
        mvc.perform(post("/api/v1/orders/" + order.id() + "/returns")
                        .with(httpBasic(dispenser, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dins\":[\"" + mine.din() + "\"],\"reason\":\"NOT_NEEDED\"}"))
                .andExpect(status().isBadRequest());

        assertThat(inventory.find(mine.bottleId()).orElseThrow().state()).isEqualTo(BottleState.DISPENSED);
        assertThat(orders.find(order.id()).returns()).isEmpty();
        assertThat(events(mine.bottleId())).doesNotContain("RETURNED");
    }

    @Test
    void anOrderNotYetDispatchedHasNothingToReturn() throws Exception {
        UUID orderId = fixtures.order(fixtures.infantWithConsent());
        mvc.perform(
                        post("/api/v1/orders/" + orderId + "/returns")
                                .with(httpBasic(dispenser, Staff.PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"dins\":[\"A0001260000012\"],\"reason\":\"NOT_NEEDED\",\"arrivalTemperatureC\":-20}"))
                .andExpect(status().isUnprocessableContent());
    }
}
