package org.openmilkbank.dispensing.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.dispensing.DispensingManagement;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.dispensing.NewInfant;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class OrdersIntegrationTests {

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
    ShortageMode shortage;

    @Autowired
    DispensingManagement dispensing;

    @Autowired
    History history;

    @Autowired
    JdbcClient jdbc;

    DispensingFixtures fixtures;
    String nurse;
    String dispenser;
    String manager;

    @BeforeEach
    void setUp() {
        fixtures = new DispensingFixtures(context);
        nurse = Staff.create(identity, Role.NURSE);
        dispenser = Staff.create(identity, Role.DISPENSER);
        manager = Staff.create(identity, Role.MANAGER);
    }

    static OrderTerms terms(int perDay, int perFeed, int feeds) {
        return new OrderTerms(perDay, perFeed, feeds, LocalDate.now(), null, null, null, "Dr Lan");
    }

    final List<UUID> made = new java.util.ArrayList<>();

    OrderView order(InfantView infant, OrderTerms terms) {
        OrderView[] order = new OrderView[1];
        Staff.as(nurse, Role.NURSE, () -> order[0] = orders.request(infant.id(), terms));
        made.add(order[0].id());
        return order[0];
    }

    /** The bank is shared by every test: this test's open orders are cancelled, so none claims milk later. */
    @org.junit.jupiter.api.AfterEach
    void cancelOpenOrders() {
        for (UUID id : made) {
            if (orders.find(id).state().mayMoveTo(OrderState.CANCELLED)) {
                Staff.as(nurse, Role.NURSE, () -> orders.cancel(id, "end of test"));
            }
        }
    }

    int ordersOf(UUID infantId) {
        return jdbc.sql("select count(*) from milk_order where infant_id = :id")
                .param("id", infantId)
                .query(Integer.class)
                .single();
    }

    List<String> proposed(UUID orderId) {
        return allocation.proposal(orderId).stream()
                .map(OrderView.OrderBottleView::din)
                .toList();
    }

    @Test
    void aNurseOrdersMilkForAnInfantWithConsentAndTheDispenserSeesIt() throws Exception {
        InfantView infant = fixtures.infantWithConsent();
        String body = """
                {"infantId":"%s","terms":{"volumePerDayMl":160,"volumePerFeedMl":20,"feedsPerDay":8,
                 "startsOn":"%s","energyBand":"NORMOCALORIC","acidityBand":"UP_TO_4","clinician":"Dr Lan"}}
                """.formatted(infant.id(), LocalDate.now());
        String id = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(post("/api/v1/orders")
                                .with(httpBasic(nurse, Staff.PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.state").value("REQUESTED"))
                        .andExpect(jsonPath("$.candidate").value(true))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(get("/api/v1/orders/" + id).with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.volumePerDayMl").value(160))
                .andExpect(jsonPath("$.criteria[0].met").value(true));
        mvc.perform(get("/orders").with(user(dispenser).roles("DISPENSER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("open-order-" + infant.infantCode())));
        assertThat(history.of(OrderManagement.ORDER, UUID.fromString(id)))
                .extracting(History.HistoryEntry::action)
                .containsExactly("Order requested");
    }

    @Test
    void refusesAnOrderWithoutConsentAndChangesNothing() throws Exception {
        InfantView infant = fixtures.infant(false);
        String body = """
                {"infantId":"%s","terms":{"volumePerDayMl":160,"volumePerFeedMl":20,"feedsPerDay":8,
                 "startsOn":"%s","clinician":"Dr Lan"}}
                """.formatted(infant.id(), LocalDate.now());
        mvc.perform(post("/api/v1/orders")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("no parental consent")));
        mvc.perform(post("/infants/" + infant.id() + "/orders")
                        .with(user(nurse).roles("NURSE"))
                        .with(csrf())
                        .param("volumePerDayMl", "160")
                        .param("volumePerFeedMl", "20")
                        .param("feedsPerDay", "8")
                        .param("startsOn", LocalDate.now().toString())
                        .param("clinician", "Dr Lan"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("no parental consent")));
        assertThat(ordersOf(infant.id())).isZero();
    }

    @Test
    void theOrderFormOnTheInfantPageOrdersAndRefusesVolumesThatDisagreeBesideTheField() throws Exception {
        InfantView infant = fixtures.infantWithConsent();
        mvc.perform(get("/infants/" + infant.id()).with(user(nurse).roles("NURSE")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"order-form\"")))
                .andExpect(content().string(containsString("criterion-weeks")));
        mvc.perform(post("/infants/" + infant.id() + "/orders")
                        .with(user(nurse).roles("NURSE"))
                        .with(csrf())
                        .param("volumePerDayMl", "200")
                        .param("volumePerFeedMl", "20")
                        .param("feedsPerDay", "8")
                        .param("startsOn", LocalDate.now().toString())
                        .param("clinician", "Dr Lan"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("makes 160 mL, not 200 mL per day")));
        assertThat(ordersOf(infant.id())).isZero();
        mvc.perform(post("/infants/" + infant.id() + "/orders")
                        .with(user(nurse).roles("NURSE"))
                        .with(csrf())
                        .param("volumePerDayMl", "160")
                        .param("volumePerFeedMl", "20")
                        .param("feedsPerDay", "8")
                        .param("startsOn", LocalDate.now().toString())
                        .param("energyBand", "")
                        .param("clinician", "Dr Lan"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/orders/*"));
        assertThat(ordersOf(infant.id())).isEqualTo(1);
    }

    @Test
    void anAmendmentNeedsAReasonAndHistoryKeepsIt() {
        InfantView infant = fixtures.infantWithConsent();
        OrderView order = order(infant, terms(160, 20, 8));
        Staff.as(
                nurse,
                Role.NURSE,
                () -> assertThatThrownBy(() -> orders.amend(order.id(), terms(240, 30, 8), " "))
                        .isInstanceOfSatisfying(
                                RuleViolation.class, e -> assertThat(e.code()).isEqualTo("history.reason.required")));
        Staff.as(nurse, Role.NURSE, () -> orders.amend(order.id(), terms(240, 30, 8), "weight gain"));
        assertThat(orders.find(order.id()).volumePerDayMl()).isEqualTo(240);
        assertThat(history.of(OrderManagement.ORDER, order.id())).anySatisfy(h -> {
            assertThat(h.action()).isEqualTo("Order amended");
            assertThat(h.reason()).isEqualTo("weight gain");
            assertThat(h.actor()).isEqualTo(nurse);
            assertThat(h.detail()).contains("160 → 240");
        });
    }

    @Test
    void theDispenserAcceptsTheProposalAndItsBottlesAreOfferedToNoOtherOrder() {
        fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 4);
        OrderView first = order(fixtures.infantWithConsent(), terms(80, 10, 8));
        OrderView second = order(fixtures.infantWithConsent(), terms(80, 10, 8));
        List<String> proposal = proposed(first.id());
        assertThat(proposal).isNotEmpty();

        Staff.as(dispenser, Role.DISPENSER, () -> allocation.accept(first.id(), proposal, null));

        OrderView allocated = orders.find(first.id());
        assertThat(allocated.state()).isEqualTo(OrderState.ALLOCATED);
        assertThat(allocated.bottles())
                .extracting(OrderView.OrderBottleView::din)
                .containsExactlyElementsOf(proposal);
        assertThat(allocated.allocatedMl()).isGreaterThanOrEqualTo(80);
        assertThat(proposed(second.id())).doesNotContainAnyElementsOf(proposal);
        Staff.as(
                dispenser,
                Role.DISPENSER,
                () -> assertThatThrownBy(() -> allocation.accept(second.id(), proposal, "x"))
                        .isInstanceOfSatisfying(
                                RuleViolation.class,
                                e -> assertThat(e.code()).isEqualTo("dispensing.allocation.notOnOffer")));
        assertThat(history.of(OrderManagement.ORDER, first.id()))
                .extracting(History.HistoryEntry::action)
                .contains("Bottles allocated as proposed");
    }

    @Test
    void aReservedBottleIsNotOfferedForTheOneStepDispenseNorTakenByIt() {
        fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 2);
        OrderView order = order(fixtures.infantWithConsent(), terms(80, 10, 8));
        Staff.as(dispenser, Role.DISPENSER, () -> allocation.accept(order.id(), proposed(order.id()), null));
        OrderView.OrderBottleView reserved = orders.find(order.id()).bottles().get(0);
        assertThat(dispensing.offeredBottles(LocalDate.now()))
                .extracting(BottleView::id)
                .doesNotContain(reserved.bottleId());
        InfantView other = fixtures.infantWithConsent();
        Staff.as(
                dispenser,
                Role.DISPENSER,
                () -> assertThatThrownBy(() -> dispensing.dispense(other.id(), reserved.din(), "urgent"))
                        .isInstanceOfSatisfying(
                                RuleViolation.class,
                                e -> assertThat(e.code()).isEqualTo("dispensing.bottle.reserved")));
        assertThat(dispensing.dispensesOf(other.id())).isEmpty();
    }

    @Test
    void bottlesOtherThanTheProposalNeedAReason() {
        List<BottleView> mine = fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 2)
                .bottles();
        OrderView order = order(fixtures.infantWithConsent(), terms(80, 10, 8));
        String chosen = Din.parse(mine.get(1).din()).withCheck();
        List<String> proposal = proposed(order.id());
        List<String> changed = allocation.swap(order.id(), proposal, proposal.get(0), chosen).stream()
                .map(OrderView.OrderBottleView::din)
                .toList();
        assertThat(changed).contains(chosen).doesNotContain(proposal.get(0));
        if (changed.stream().sorted().toList().equals(proposal.stream().sorted().toList())) {
            return; // the scanned bottle was the proposal's own: nothing changed to refuse
        }
        Staff.as(
                dispenser,
                Role.DISPENSER,
                () -> assertThatThrownBy(() -> allocation.accept(order.id(), changed, ""))
                        .isInstanceOfSatisfying(
                                RuleViolation.class,
                                e -> assertThat(e.code()).isEqualTo("dispensing.allocation.reasonRequired")));
        assertThat(orders.find(order.id()).state()).isEqualTo(OrderState.REQUESTED);

        Staff.as(dispenser, Role.DISPENSER, () -> allocation.accept(order.id(), changed, "same pool as yesterday"));
        assertThat(orders.find(order.id()).bottles())
                .extracting(OrderView.OrderBottleView::din)
                .contains(chosen);
        assertThat(history.of(OrderManagement.ORDER, order.id()))
                .anySatisfy(h -> assertThat(h.reason()).isEqualTo("same pool as yesterday"));
    }

    @Test
    void refusesAQuarantinedBottleAndAnAmendmentOnceAllocated() {
        BottleView quarantined = fixtures.quarantined(fixtures.containers(3, fixtures.eligibleDonor()), 1)
                .bottles()
                .get(0);
        fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 1);
        OrderView order = order(fixtures.infantWithConsent(), terms(80, 10, 8));
        Staff.as(
                dispenser,
                Role.DISPENSER,
                () -> assertThatThrownBy(() -> allocation.accept(order.id(), List.of(quarantined.din()), "mine"))
                        .isInstanceOfSatisfying(
                                RuleViolation.class,
                                e -> assertThat(e.code()).isEqualTo("dispensing.allocation.notOnOffer")));
        Staff.as(dispenser, Role.DISPENSER, () -> allocation.accept(order.id(), proposed(order.id()), null));
        Staff.as(
                nurse,
                Role.NURSE,
                () -> assertThatThrownBy(() -> orders.amend(order.id(), terms(240, 30, 8), "more"))
                        .isInstanceOfSatisfying(
                                RuleViolation.class,
                                e -> assertThat(e.code()).isEqualTo("dispensing.order.amend.notRequested")));
    }

    @Test
    void cancellingAnAllocatedOrderFreesItsBottles() {
        fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 2);
        OrderView order = order(fixtures.infantWithConsent(), terms(80, 10, 8));
        Staff.as(dispenser, Role.DISPENSER, () -> allocation.accept(order.id(), proposed(order.id()), null));
        Staff.as(nurse, Role.NURSE, () -> orders.cancel(order.id(), "moved to her mother's milk"));
        OrderView cancelled = orders.find(order.id());
        assertThat(cancelled.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("moved to her mother's milk");
        assertThat(cancelled.bottles()).isEmpty();
        assertThat(jdbc.sql("select count(*) from milk_order_bottle where order_id = :id and freed_at is not null")
                        .param("id", order.id())
                        .query(Integer.class)
                        .single())
                .isPositive();
    }

    @Test
    void inShortageTheSmallestAndSickestComeFirstAndTheManagersSwitchIsKept() throws Exception {
        InfantView big = registered(38, 3200);
        InfantView small = fixtures.infantWithConsent();
        OrderView bigOrder = order(big, terms(3000, 375, 8));
        OrderView smallOrder = order(small, terms(160, 20, 8));
        Staff.as(manager, Role.MANAGER, () -> {
            if (!shortage.status().switchedOn()) {
                shortage.switchTo(true, "freezer failure");
            }
        });
        try {
            ShortageView status = shortage.status();
            assertThat(status.on()).isTrue();
            assertThat(status.switchedBy()).isEqualTo(manager);
            List<UUID> ranked =
                    status.lines().stream().map(ShortageView.Line::orderId).toList();
            assertThat(ranked).containsSubsequence(smallOrder.id(), bigOrder.id());
            assertThat(status.lines())
                    .allSatisfy(l -> assertThat(l.givenMl() + l.shortMl()).isEqualTo(l.neededMl()));
            mvc.perform(get("/orders").with(user(manager).roles("MANAGER")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("shortage-line-" + small.infantCode())));
        } finally {
            Staff.as(manager, Role.MANAGER, () -> shortage.switchTo(false, "freezer repaired"));
        }
        assertThat(shortage.switchHistory())
                .extracting(History.HistoryEntry::reason)
                .contains("freezer failure", "freezer repaired");
    }

    @Test
    void theNurseAmendsTheInfantsRisksWithAReasonAndTheCriteriaFollow() throws Exception {
        InfantView infant = registered(38, 3200);
        assertThat(Criterion.anyMet(orders.criteria(infant))).isFalse();
        mvc.perform(post("/infants/" + infant.id() + "/risks")
                        .with(user(nurse).roles("NURSE"))
                        .with(csrf())
                        .param("necRisk", "true"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/infants/" + infant.id() + "/risks")
                        .with(user(nurse).roles("NURSE"))
                        .with(csrf())
                        .param("necRisk", "true")
                        .param("reason", "abdominal distension"))
                .andExpect(status().is3xxRedirection());
        InfantView amended = dispensing.find(infant.id()).orElseThrow();
        assertThat(amended.necRisk()).isTrue();
        assertThat(orders.criteria(amended))
                .filteredOn(Criterion::met)
                .extracting(Criterion::code)
                .containsExactly("nec");
        assertThat(history.of("Infant", infant.id()))
                .anySatisfy(h -> assertThat(h.reason()).isEqualTo("abdominal distension"));
    }

    @Test
    void theApiAmendsHerRisksWithAReasonKeepingTheOnesLeftOut() throws Exception {
        InfantView infant = registered(38, 3200);
        mvc.perform(post("/api/v1/infants/" + infant.id() + "/risks")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"heartDisease\":true}"))
                .andExpect(status().isBadRequest());
        assertThat(dispensing.find(infant.id()).orElseThrow().heartDisease()).isFalse();
        mvc.perform(post("/api/v1/infants/" + infant.id() + "/risks")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"heartDisease\":true,\"reason\":\"duct-dependent lesion\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.heartDisease").value(true));
        mvc.perform(post("/api/v1/infants/" + infant.id() + "/risks")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"necRisk\":true,\"reason\":\"abdominal distension\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.necRisk").value(true))
                .andExpect(jsonPath("$.heartDisease").value(true));
        assertThat(orders.criteria(dispensing.find(infant.id()).orElseThrow()))
                .filteredOn(Criterion::met)
                .extracting(Criterion::code)
                .containsExactlyInAnyOrder("nec", "heart");
    }

    @Test
    void anAllocatedOrderIsDispatchedWithItsManifestAndReceivedOnTheWardByScanningEveryBottle() throws Exception {
        fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 3);
        InfantView infant = fixtures.infantWithConsent();
        OrderView order = order(infant, terms(160, 20, 8));
        Staff.as(dispenser, Role.DISPENSER, () -> allocation.accept(order.id(), proposed(order.id()), null));
        List<OrderView.OrderBottleView> bottles = orders.find(order.id()).bottles();

        mvc.perform(post("/orders/" + order.id() + "/dispatch")
                        .with(user(dispenser).roles("DISPENSER"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(orders.find(order.id()).state()).isEqualTo(OrderState.DISPATCHED);
        mvc.perform(get("/api/v1/infants/" + infant.id() + "/dispenses").with(httpBasic(nurse, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(bottles.size()));
        byte[] pdf = mvc.perform(get("/orders/" + order.id() + "/manifest.pdf")
                        .with(user(nurse).roles("NURSE")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        String first = bottles.get(0).din();
        mvc.perform(post("/api/v1/orders/" + order.id() + "/receipt")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dins\":[\"" + first + "\"]}"))
                .andExpect(bottles.size() > 1 ? status().isUnprocessableContent() : status().isOk());
        if (bottles.size() > 1) {
            assertThat(orders.find(order.id()).state()).isEqualTo(OrderState.DISPATCHED);
        }
        String foreign = Din.parse(fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 1)
                        .bottles()
                        .get(0)
                        .din())
                .withCheck();
        mvc.perform(post("/orders/" + order.id() + "/receipt")
                        .with(user(nurse).roles("NURSE"))
                        .with(csrf())
                        .param("scanned", foreign))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("not part of this order")));
        String all = String.join(
                "\n", bottles.stream().map(OrderView.OrderBottleView::din).toList());
        mvc.perform(post("/orders/" + order.id() + "/receipt")
                        .with(user(nurse).roles("NURSE"))
                        .with(csrf())
                        .param("scanned", all))
                .andExpect(status().is3xxRedirection());
        assertThat(orders.find(order.id()).state()).isEqualTo(OrderState.RECEIVED);
        mvc.perform(post("/api/v1/orders/" + order.id() + "/fulfilment").with(httpBasic(nurse, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("FULFILLED"));
        assertThat(history.of(OrderManagement.ORDER, order.id()))
                .extracting(History.HistoryEntry::action)
                .contains("Order dispatched", "Order received on the ward", "Order fulfilled");
    }

    private InfantView registered(int weeks, int grams) {
        InfantView[] infant = new InfantView[1];
        Staff.as(
                nurse,
                Role.NURSE,
                () -> infant[0] = dispensing.registerInfant(new NewInfant(
                        "HT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                        "Term",
                        null,
                        LocalDate.now().minusDays(3),
                        weeks,
                        0,
                        grams,
                        "NICU",
                        true,
                        LocalDate.now().minusDays(2))));
        return infant[0];
    }
}
