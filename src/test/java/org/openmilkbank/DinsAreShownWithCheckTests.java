package org.openmilkbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A DIN is shown one way, with its check character, on every page and in every API answer; a bottle's page says who
 * received it; a record's history and a run's bottles can be read over the API.
 */
@IntegrationTest
class DinsAreShownWithCheckTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityManagement identity;

    record Shelf(DispensingFixtures.Batch batch, InfantView infant, List<String> dins) {}

    private Shelf dispensedBatch() {
        DispensingFixtures fixtures = new DispensingFixtures(context);
        DispensingFixtures.Batch batch = fixtures.released(fixtures.containers(3, fixtures.eligibleDonor()), 2);
        InfantView infant = fixtures.infantWithConsent();
        fixtures.dispense(infant, batch.bottles().get(0));
        List<String> dins = new ArrayList<>();
        dins.add(batch.pool().din());
        batch.containers().forEach(c -> dins.add(c.din()));
        batch.bottles().forEach(b -> dins.add(b.din()));
        return new Shelf(
                batch, infant, dins.stream().map(d -> Din.parse(d).value()).toList());
    }

    /** The 13 characters of a DIN not followed by a check character: how a DIN must not be shown. */
    static List<String> shownWithoutCheck(String text, List<String> dins) {
        return dins.stream()
                .filter(d -> Pattern.compile(d + "(?![0-9A-Z*])").matcher(text).find())
                .toList();
    }

    @Test
    void everyPageAndApiAnswerAboutTheMilkShowsItsDinsWithTheCheckCharacter() throws Exception {
        Shelf shelf = dispensedBatch();
        String manager = Staff.create(identity, Role.MANAGER);
        String bottle = Din.parse(shelf.batch().bottles().get(0).din()).withCheck();
        String run = shelf.batch().run().id().toString();
        String pool = shelf.batch().pool().id().toString();
        String infant = shelf.infant().id().toString();

        String donor = shelf.batch().containers().get(0).donorId().toString();
        List<String> pages = List.of(
                "/runs",
                "/runs/" + run,
                "/bottles",
                "/bottles/" + bottle,
                "/pools/" + pool,
                "/infants/" + infant,
                "/trace/dins/" + bottle,
                "/trace/infants/" + infant,
                "/trace/donors/" + donor,
                "/trace/units/" + bottle + "/lineage");
        List<String> apis = List.of(
                "/api/v1/trace/dins/" + bottle,
                "/api/v1/trace/infants/" + infant,
                "/api/v1/trace/donors/" + donor,
                "/api/v1/units/" + bottle + "/lineage",
                "/api/v1/runs/" + run + "/bottles",
                "/api/v1/bottles/" + bottle,
                "/api/v1/bottles?state=RELEASED&size=100",
                "/api/v1/dispensable-bottles",
                "/api/v1/infants/" + infant + "/dispenses");
        List<String> offences = new ArrayList<>();
        for (String page : pages) {
            String html = mvc.perform(get(page).with(user(manager).roles("MANAGER")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            shownWithoutCheck(html, shelf.dins()).forEach(d -> offences.add(page + " shows " + d));
        }
        for (String api : apis) {
            String json = mvc.perform(get(api).with(httpBasic(manager, Staff.PASSWORD)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            shownWithoutCheck(json, shelf.dins()).forEach(d -> offences.add(api + " shows " + d));
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void theScanFindsADinShownWithoutItsCheckCharacter() {
        String din = Din.of("W1234", 26, 1).value();
        String shown = Din.parse(din).withCheck();
        assertThat(shownWithoutCheck("<td>" + shown + "</td>", List.of(din))).isEmpty();
        assertThat(shownWithoutCheck("<td>" + din + "</td>", List.of(din))).containsExactly(din);
        assertThat(shownWithoutCheck("{\"din\":\"" + din + "\"}", List.of(din))).containsExactly(din);
    }

    @Test
    void aBottlesPageShowsTheInfantWhoReceivedIt() throws Exception {
        Shelf shelf = dispensedBatch();
        String bottle = Din.parse(shelf.batch().bottles().get(0).din()).withCheck();
        String other = Din.parse(shelf.batch().bottles().get(1).din()).withCheck();

        mvc.perform(get("/bottles/" + bottle).with(user("dispenser").roles("DISPENSER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"bottle-received-by\"")))
                .andExpect(content().string(containsString(shelf.infant().infantCode())))
                .andExpect(content()
                        .string(containsString("/infants/" + shelf.infant().id())));
        mvc.perform(get("/bottles/" + other).with(user("dispenser").roles("DISPENSER")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("bottle-received-by"))));
    }

    @Test
    void aRecordsHistoryIsReadOverTheApiInTheReadersLanguageByTheRolesThatViewIt() throws Exception {
        Shelf shelf = dispensedBatch();
        String run = shelf.batch().run().id().toString();
        String labtech = Staff.create(identity, Role.LAB_TECHNICIAN);

        mvc.perform(get("/api/v1/history/PasteurisationRun/" + run).with(httpBasic(labtech, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(3)))
                .andExpect(jsonPath("$.items[*].action", org.hamcrest.Matchers.hasItem("Released")))
                .andExpect(jsonPath("$.items[0].actor").isNotEmpty())
                .andExpect(jsonPath("$.items[0].at").isNotEmpty());
        mvc.perform(get("/api/v1/history/PasteurisationRun/" + run)
                        .param("lang", "vi")
                        .with(httpBasic(labtech, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].action", org.hamcrest.Matchers.hasItem("Đã phát hành")));
        for (Role outside :
                Stream.of(Role.NURSE, Role.DISPENSER, Role.DONOR_COORDINATOR).toList()) {
            String who = Staff.create(identity, outside);
            mvc.perform(get("/api/v1/history/PasteurisationRun/" + run).with(httpBasic(who, Staff.PASSWORD)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/history/NoSuchRecord/" + run).with(httpBasic(labtech, Staff.PASSWORD)))
                .andExpect(status().isNotFound());
    }
}
