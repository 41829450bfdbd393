package org.openmilkbank.inventory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.AnalyserFixtures;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The released stock, pick list, days of supply and expiry work list through their pages and API. */
@IntegrationTest
class StockPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theStockApiCountsReleasedBottlesAndThePickListTakesTheFirstToExpireFirst() throws Exception {
        List<BottleView> mine = ProcessingFixtures.releasedBottles(context, 3, 120);
        String dispenser = Staff.create(identity, Role.DISPENSER);

        String stock = mvc.perform(get("/api/v1/storage/stock").with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> dins = JsonPath.read(stock, "$.stock[*].bottle.din");
        assertThat(dins)
                .containsAll(
                        mine.stream().map(b -> Din.parse(b.din()).withCheck()).toList());
        int bottles = JsonPath.read(stock, "$.bottles");
        Number volume = JsonPath.read(stock, "$.volumeMl");
        List<Number> byExpiry = JsonPath.read(stock, "$.byExpiry[*].volumeMl");
        List<Number> byEnergy = JsonPath.read(stock, "$.byEnergy[*].volumeMl");
        assertThat(byExpiry.stream().mapToLong(Number::longValue).sum()).isEqualTo(volume.longValue());
        assertThat(byEnergy.stream().mapToLong(Number::longValue).sum()).isEqualTo(volume.longValue());
        assertThat(volume.longValue()).isGreaterThanOrEqualTo(360);

        String pick = mvc.perform(get("/api/v1/storage/stock/pick")
                        .param("count", String.valueOf(bottles))
                        .with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> expiries = JsonPath.read(pick, "$.bottles[*].bottle.expiresOn");
        assertThat(expiries).hasSize(bottles);
        assertThat(expiries.stream().map(LocalDate::parse).toList()).isSorted();

        mvc.perform(get("/api/v1/storage/stock/pick")
                        .param("count", "1")
                        .param("volumeMl", "100")
                        .with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void aPoolMeasuredByItsMilkAnalyserIsClassedByThatEnergyAsItsLabelPrintsIt() throws Exception {
        BottleView bottle = ProcessingFixtures.releasedBottles(context, 1, 100).get(0);
        String pool = jdbc.sql("select din from milk_unit where id = :id")
                .param("id", bottle.poolId())
                .query(String.class)
                .single();
        String dispenser = Staff.create(identity, Role.DISPENSER);
        String din = Din.parse(bottle.din()).withCheck();
        String path = "$.stock[?(@.bottle.din == '" + din + "')]";
        String before = mvc.perform(get("/api/v1/storage/stock").with(httpBasic(dispenser, Staff.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(before, path + ".energyClass")).containsExactly("NOT_ANALYSED");

        // 290 kJ/dL from the analyser: 69.3 kcal/dL, a normocaloric pool
        AnalyserFixtures.importedFile(context, Din.parse(pool).withCheck());
        String after = mvc.perform(get("/api/v1/storage/stock").with(httpBasic(dispenser, Staff.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(after, path + ".energyClass")).containsExactly("NORMOCALORIC");
        assertThat(JsonPath.<List<Double>>read(after, path + ".kcalPerDl")).containsExactly(69.3);
    }

    @Test
    void daysOfSupplyCountTheMilkDispensedToday() throws Exception {
        DispensingFixtures fixtures = new DispensingFixtures(context);
        List<BottleView> mine = ProcessingFixtures.releasedBottles(context, 2, 90);
        fixtures.dispense(fixtures.infantWithConsent(), mine.get(0));
        String manager = Staff.create(identity, Role.MANAGER);

        String supply = mvc.perform(get("/api/v1/storage/stock/supply").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.useDays").value(30))
                .andExpect(jsonPath("$.series.length()").value(30))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Number todayDispensed = JsonPath.read(supply, "$.series[29].dispensedMl");
        Number todayStock = JsonPath.read(supply, "$.series[29].stockMl");
        assertThat(todayDispensed.longValue()).isGreaterThanOrEqualTo(90);
        assertThat(todayStock.longValue()).isGreaterThanOrEqualTo(90);
        Number dispensed = JsonPath.read(supply, "$.dispensedMl");
        assertThat(dispensed.longValue()).isGreaterThanOrEqualTo(90);
        assertThat((Object) JsonPath.read(supply, "$.daysOfSupply")).isNotNull();
    }

    @Test
    void theStockPagesDrawForADispenser() throws Exception {
        ProcessingFixtures.releasedBottles(context, 1, 100);
        String dispenser = Staff.create(identity, Role.DISPENSER);
        mvc.perform(get("/stock").with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-testid=\"days-of-supply\"")))
                .andExpect(content().string(Matchers.containsString("id=\"stock-chart\"")));
        mvc.perform(get("/stock/pick").param("volumeMl", "150").with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-testid=\"pick-row\"")))
                // each bottle's place is loaded beside it from the storage module
                .andExpect(content().string(Matchers.containsString("hx-get=\"/storage/where/place?code=")));
        // both asked: the stock page again with the reason beside the volume, nothing picked
        mvc.perform(get("/stock/pick")
                        .param("volumeMl", "150")
                        .param("count", "2")
                        .with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-testid=\"error-volumeMl\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("data-testid=\"pick-row\""))));
        mvc.perform(get("/stock/expiry").param("days", "400").with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-testid=\"expiry-form\"")));
        mvc.perform(get("/api/v1/storage/expiry").param("days", "30").with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void aBottleIsThawedOnceThroughTheApi() throws Exception {
        BottleView bottle = ProcessingFixtures.releasedBottles(context, 1, 100).get(0);
        String technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        String din = Din.parse(bottle.din()).withCheck();
        mvc.perform(post("/api/v1/bottles/" + din + "/thaw")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"method\":\"FRIDGE\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.thawMethod").value("FRIDGE"))
                .andExpect(jsonPath("$.expiresAt").isNotEmpty());
        mvc.perform(post("/api/v1/bottles/" + din + "/thaw")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"method\":\"ROOM\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/bottles/" + din + "/warm")
                        .with(httpBasic(technician, Staff.PASSWORD))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warmedAt").isNotEmpty());
        mvc.perform(get("/bottles/" + din).with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-testid=\"bottle-usable-until\"")));
    }
}
