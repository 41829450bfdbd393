package org.openmilkbank.collection.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The raw store used to stop at 500 rows, oldest first: milk received today never showed. */
@IntegrationTest
class ContainerListPagingTests {

    static final int DONATIONS = 11;
    static final int PER_DONATION = 50;

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    DonorManagement donors;

    @Autowired
    Standards standards;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    @Test
    void theNewestOfMoreThanFiveHundredContainersIsOnTheFirstPageAndEveryOtherIsOnALaterOne() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        AtomicReference<DonorView> d = new AtomicReference<>();
        Staff.asSystem(() -> d.set(DonorFixtures.eligibleDonor(donors, standards, today.minusDays(10))));
        long before = page(technician, 1, 1).get("total").asLong();

        List<String> received = new ArrayList<>();
        for (int i = 0; i < DONATIONS; i++) {
            LocalDate expressed = today.minusDays((DONATIONS - i) / 4);
            String containers = IntStream.range(0, PER_DONATION)
                    .mapToObj(n -> "{\"volumeMl\":100,\"expressedOn\":\"" + expressed + "\"}")
                    .collect(Collectors.joining(",", "[", "]"));
            JsonNode donation = json.readTree(mvc.perform(post("/api/v1/donations")
                            .with(httpBasic(technician, Staff.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"donorCode\":\"" + d.get().code() + "\",\"containers\":" + containers + "}"))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            donation.get("containers").forEach(c -> received.add(c.get("din").asText()));
        }
        assertThat(received).hasSize(DONATIONS * PER_DONATION);
        String newest = received.stream().max(String::compareTo).orElseThrow();

        JsonNode first = page(technician, null, null);
        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("size").asInt()).isEqualTo(50);
        assertThat(first.get("total").asLong()).isEqualTo(before + DONATIONS * PER_DONATION);
        assertThat(first.get("hasNext").asBoolean()).isTrue();
        assertThat(first.get("items").get(0).get("din").asText()).isEqualTo(newest);

        Set<String> seen = new HashSet<>();
        JsonNode page;
        int n = 0;
        do {
            page = page(technician, ++n, 200);
            page.get("items")
                    .forEach(c -> assertThat(seen.add(c.get("din").asText()))
                            .as("listed once")
                            .isTrue());
        } while (page.get("hasNext").asBoolean());
        assertThat((long) seen.size()).isEqualTo(first.get("total").asLong());
        assertThat(seen).containsAll(received);

        String html = mvc.perform(get("/containers").with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("data-testid=\"pager\"").contains(newest).contains("rel=\"next\"");
        assertThat(html)
                .contains("of " + String.format("%,d", first.get("total").asLong()));
        String second = mvc.perform(get("/containers")
                        .param("state", "RAW_FROZEN")
                        .param("page", "2")
                        .with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(second).doesNotContain(newest).contains("Showing 51–100").contains("state=RAW_FROZEN&amp;page=1");
    }

    @Test
    void aPageBelowOneIsRefusedWithAReason() throws Exception {
        String technician = Staff.create(identity, Role.LAB_TECHNICIAN);
        mvc.perform(get("/api/v1/containers").param("page", "0").with(httpBasic(technician, Staff.PASSWORD)))
                .andExpect(status().isUnprocessableEntity());
    }

    JsonNode page(String user, Integer page, Integer size) throws Exception {
        var request = get("/api/v1/containers").with(httpBasic(user, Staff.PASSWORD));
        if (page != null) {
            request = request.param("page", page.toString());
        }
        if (size != null) {
            request = request.param("size", size.toString());
        }
        return json.readTree(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }
}
