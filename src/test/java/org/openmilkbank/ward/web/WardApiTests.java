package org.openmilkbank.ward.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.inventory.BottleView;
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
import org.springframework.test.web.servlet.ResultActions;

/**
 * The ward's steps through the API, as a bedside device would take them: thaw a dispensed bottle, divide it for two
 * infants, be stopped at the wrong baby (the near miss recorded), feed the right one, read her record; bad input is
 * refused and records nothing.
 */
@IntegrationTest
class WardApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeviceThawsDividesChecksAndFeedsThroughTheApi() throws Exception {
        DispensingFixtures fixtures = new DispensingFixtures(context);
        InfantView first = fixtures.orderedInfant();
        InfantView second = fixtures.orderedInfant();
        BottleView bottle = fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 1)
                .bottles()
                .get(0);
        fixtures.dispense(first, bottle);
        String din = Din.parse(bottle.din()).withCheck();
        String nurse = Staff.create(identity, Role.NURSE);

        as(nurse, "/api/v1/ward/thaws", "{\"din\":\"" + din + "\",\"method\":\"FRIDGE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.thawedAt").isNotEmpty());
        String prepared = as(
                        nurse,
                        "/api/v1/ward/preparations",
                        "{\"din\":\"" + din + "\",\"aliquots\":[{\"infantCode\":\"" + first.infantCode()
                                + "\",\"volumeMl\":30},{\"infantCode\":\"" + second.infantCode()
                                + "\",\"volumeMl\":40}],\"remainderReason\":\"not needed today\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> codes = JsonPath.read(prepared, "$.aliquots[*].code");
        assertThat(codes).hasSize(2);

        long nearMisses = count("ward_near_miss");
        as(
                        nurse,
                        "/api/v1/ward/feeds",
                        "{\"infantCode\":\"" + first.infantCode() + "\",\"milkCode\":\"" + codes.get(1)
                                + "\",\"volumeMl\":20}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.refusals[0]").value("WRONG_BABY"))
                .andExpect(jsonPath("$.nearMissId").isNotEmpty())
                .andExpect(jsonPath("$.feedId").doesNotExist());
        assertThat(count("ward_near_miss")).isEqualTo(nearMisses + 1);

        as(
                        nurse,
                        "/api/v1/ward/bedside-checks",
                        "{\"infantCode\":\"" + first.infantCode() + "\",\"milkCode\":\"" + codes.get(0) + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.refusals").isEmpty());
        as(
                        nurse,
                        "/api/v1/ward/feeds",
                        "{\"infantCode\":\"" + first.infantCode() + "\",\"milkCode\":\"" + codes.get(0)
                                + "\",\"volumeMl\":28}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.feedId").isNotEmpty());

        mvc.perform(get("/api/v1/ward/infants/" + first.id() + "/record").with(httpBasic(nurse, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.feeds.length()").value(1))
                // today against her order: 28 mL fed of the 120 mL a day ordered
                .andExpect(jsonPath("$.days[0].volumeMl").value(28))
                .andExpect(jsonPath("$.days[0].orderedMl").value(120));

        // bad input: a volume the syringe does not hold, an unknown wristband — refused, nothing recorded
        long feeds = count("ward_feed");
        long misses = count("ward_near_miss");
        as(
                        nurse,
                        "/api/v1/ward/feeds",
                        "{\"infantCode\":\"" + second.infantCode() + "\",\"milkCode\":\"" + codes.get(1)
                                + "\",\"volumeMl\":400}")
                .andExpect(status().isUnprocessableEntity());
        as(
                        nurse,
                        "/api/v1/ward/bedside-checks",
                        "{\"infantCode\":\"NO-SUCH-BABY\",\"milkCode\":\"" + codes.get(1) + "\"}")
                .andExpect(status().isUnprocessableEntity());
        as(nurse, "/api/v1/ward/feeds", "{\"infantCode\":\"\"}").andExpect(status().isBadRequest());
        assertThat(count("ward_feed")).isEqualTo(feeds);
        assertThat(count("ward_near_miss")).isEqualTo(misses);

        String manager = Staff.create(identity, Role.MANAGER);
        mvc.perform(get("/api/v1/ward/near-misses").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.reason == 'WRONG_BABY')]").isNotEmpty());
        mvc.perform(get("/api/v1/ward/near-misses").with(httpBasic(nurse, Staff.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    ResultActions as(String user, String path, String json) throws Exception {
        return mvc.perform(post(path)
                .with(httpBasic(user, Staff.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
