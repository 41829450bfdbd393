package org.openmilkbank.collection.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.ContainerCondition;
import org.openmilkbank.collection.ContainerIntake;
import org.openmilkbank.collection.ContainerState;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reception page keeps every container's line as typed and says beside the line and field what is wrong; the
 * container page keeps a discard reason; the work list counts what reception decided.
 */
@IntegrationTest
class ReceptionFormTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DonorManagement donors;

    @Autowired
    CollectionManagement collection;

    @Autowired
    PoolManagement pools;

    @Autowired
    Standards standards;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    LocalDate today;
    DonorView donor;

    @BeforeEach
    void eligibleDonor() {
        today = LocalDate.now(clock);
        AtomicReference<DonorView> d = new AtomicReference<>();
        Staff.asSystem(() -> d.set(DonorFixtures.eligibleDonor(donors, standards, today.minusDays(10))));
        donor = d.get();
    }

    @Test
    void anAmountThatIsNotANumberRedrawsEveryLineAsTypedWithTheReasonBesideItAndReceivesNothing() throws Exception {
        long before = containers();
        mvc.perform(post("/reception")
                        .with(user("clerk").roles("DONOR_COORDINATOR"))
                        .with(csrf())
                        .param("donorCode", donor.code())
                        .param("containers[0].labelCode", "FORM-L1")
                        .param("containers[0].amount", "140")
                        .param("containers[0].unit", "ML")
                        .param("containers[0].expressedOn", today.toString())
                        .param("containers[0].expressedAt", "06:30")
                        .param("containers[0].condition", "INTACT")
                        .param("containers[1].labelCode", "FORM-L2")
                        .param("containers[1].amount", "a lot")
                        .param("containers[1].unit", "G")
                        .param("containers[1].expressedOn", today.toString())
                        .param("containers[1].condition", "THAWED")
                        .param("note", "brought by her sister"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("reception", "containers[1].amount"))
                .andExpect(content().string(containsString("data-testid=\"error-containers[1].amount\"")))
                .andExpect(content().string(containsString("value=\"FORM-L1\"")))
                .andExpect(content().string(containsString("value=\"140\"")))
                .andExpect(content().string(containsString("value=\"06:30\"")))
                .andExpect(content().string(containsString("value=\"FORM-L2\"")))
                .andExpect(content().string(containsString("value=\"a lot\"")))
                .andExpect(content().string(containsString("<option value=\"G\" selected=\"selected\">")))
                .andExpect(content().string(containsString("<option value=\"THAWED\" selected=\"selected\"")))
                .andExpect(content().string(containsString("brought by her sister</textarea>")));
        assertThat(containers()).isEqualTo(before);
    }

    @Test
    void aNoteTooLongIsRefusedBesideTheNoteAndTheLinesAreKept() throws Exception {
        long before = containers();
        mvc.perform(post("/reception")
                        .with(user("clerk").roles("DONOR_COORDINATOR"))
                        .with(csrf())
                        .param("donorCode", donor.code())
                        .param("containers[0].amount", "120")
                        .param("containers[0].expressedOn", today.toString())
                        .param("note", "x".repeat(5_000)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("reception", "note", "Size"))
                .andExpect(content().string(containsString("data-testid=\"error-note\"")))
                .andExpect(content().string(containsString("value=\"120\"")));
        assertThat(containers()).isEqualTo(before);
    }

    @Test
    void aLabelScannedTwiceIsRefusedBesideTheSecondLine() throws Exception {
        long before = containers();
        mvc.perform(post("/reception")
                        .with(user("clerk").roles("LAB_TECHNICIAN"))
                        .with(csrf())
                        .param("donorCode", donor.code())
                        .param("containers[0].labelCode", "TWICE-1")
                        .param("containers[0].amount", "100")
                        .param("containers[0].expressedOn", today.toString())
                        .param("containers[1].labelCode", "twice-1")
                        .param("containers[1].amount", "90")
                        .param("containers[1].expressedOn", today.toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("reception", "containers[1].labelCode"))
                .andExpect(content().string(containsString("data-testid=\"error-containers[1].labelCode\"")))
                .andExpect(content().string(containsString("value=\"twice-1\"")))
                .andExpect(content().string(containsString("value=\"90\"")));
        assertThat(containers()).isEqualTo(before);
    }

    @Test
    void anUnknownDonorCodeIsRefusedBesideTheDonorCode() throws Exception {
        mvc.perform(post("/reception")
                        .with(user("clerk").roles("LAB_TECHNICIAN"))
                        .with(csrf())
                        .param("donorCode", "NOBODY-42")
                        .param("containers[0].amount", "100")
                        .param("containers[0].expressedOn", today.toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("data-testid=\"error-donorCode\"")))
                .andExpect(content().string(containsString("NOBODY-42")));
    }

    @Test
    void aValidReceptionGoesToTheDonation() throws Exception {
        mvc.perform(post("/reception")
                        .with(user("clerk").roles("DONOR_COORDINATOR"))
                        .with(csrf())
                        .param("donorCode", donor.code())
                        .param("containers[0].amount", "110")
                        .param("containers[0].unit", "ML")
                        .param("containers[0].expressedOn", today.toString())
                        .param("containers[0].condition", "INTACT")
                        .param("containers[1].amount", "")
                        .param("containers[1].expressedOn", today.toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/donations/*"));
        assertThat(collection.donationsOf(donor.id()))
                .singleElement()
                .satisfies(d -> assertThat(d.lines()).hasSize(1));
    }

    @Test
    void aDiscardWithoutAReasonIsRefusedBesideTheReasonAndTheContainerStaysInTheStore() throws Exception {
        AtomicReference<DonationView> d = new AtomicReference<>();
        Staff.asSystem(() -> d.set(DonorFixtures.receive(collection, donor.id(), today, 100)));
        String din = Din.parse(d.get().containers().get(0).din()).withCheck();
        mvc.perform(post("/containers/{din}/discard", din)
                        .with(user("clerk").roles("LAB_TECHNICIAN"))
                        .with(csrf())
                        .param("reason", "  "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("discard", "reason"))
                .andExpect(content().string(containsString("data-testid=\"error-reason\"")));
        assertThat(collection.findByDin(din).orElseThrow().state()).isEqualTo(ContainerState.RAW_FROZEN);
        mvc.perform(post("/containers/{din}/discard", din)
                        .with(user("clerk").roles("LAB_TECHNICIAN"))
                        .with(csrf())
                        .param("reason", "lid cracked in the freezer"))
                .andExpect(status().is3xxRedirection());
        assertThat(collection.findByDin(din).orElseThrow().state()).isEqualTo(ContainerState.DISCARDED);
    }

    @Test
    void theWorkListCountsWhatReceptionDecidedNotWhatBecameOfTheMilkSince() throws Exception {
        // one accepted and one rejected from an eligible donor, one held from a donor not yet cleared
        AtomicReference<DonationView> acceptedAndRejected = new AtomicReference<>();
        AtomicReference<DonationView> held = new AtomicReference<>();
        AtomicReference<DonorView> pending = new AtomicReference<>();
        Instant receivedAt = DonorFixtures.RECEIVED_AGO.apply(Instant.now());
        Staff.asSystem(() -> {
            acceptedAndRejected.set(collection.receive(
                    donor.id(),
                    null,
                    List.of(
                            new ContainerIntake(100, today.minusDays(1)),
                            ContainerIntake.ofWeight(103, today.minusDays(1), ContainerCondition.THAWED)),
                    null,
                    receivedAt));
            pending.set(DonorFixtures.registeredDonor(donors));
            held.set(DonorFixtures.receive(collection, pending.get().id(), today, 120));
        });
        assertThat(acceptedAndRejected.get().accepted()).hasSize(1);
        assertThat(acceptedAndRejected.get().rejected()).hasSize(1);
        assertThat(held.get().held()).hasSize(1);
        LocalDate day = receivedAt.atZone(clock.getZone()).toLocalDate();
        assertThat(summaryOf(day, donor.code())).isEqualTo("1 accepted, 0 held, 1 rejected");
        assertThat(summaryOf(day, pending.get().code())).isEqualTo("0 accepted, 1 held, 0 rejected");

        // since then: the accepted one was pooled, and the held one released when its donor was cleared
        RawContainerView accepted = acceptedAndRejected.get().accepted().get(0).container();
        Staff.as(
                "tech.worklist",
                Role.LAB_TECHNICIAN,
                () -> pools.createPool(List.of(accepted.id()), DonorFixtures.POOLED_AGO.apply(Instant.now())));
        Staff.asSystem(() -> {
            DonorFixtures.recordNegativePanel(donors, standards, pending.get().id(), today.minusDays(1));
            DonorFixtures.completeScreening(donors, pending.get().id(), today.minusDays(1));
            collection.decideHeld(pending.get().id());
        });
        assertThat(collection.findByDin(accepted.din()).orElseThrow().state()).isEqualTo(ContainerState.POOLED);
        assertThat(collection
                        .findByDin(held.get().containers().get(0).din())
                        .orElseThrow()
                        .state())
                .isEqualTo(ContainerState.RAW_FROZEN);

        // the work list still says what reception decided: 1 accepted, 1 held, 1 rejected
        assertThat(summaryOf(day, donor.code())).isEqualTo("1 accepted, 0 held, 1 rejected");
        assertThat(summaryOf(day, pending.get().code())).isEqualTo("0 accepted, 1 held, 0 rejected");
    }

    /** The outcome summary of the donor's donation in the day's list, read page by page. */
    private String summaryOf(LocalDate day, String donorCode) throws Exception {
        Pattern row = Pattern.compile(
                "<td class=\"din\">" + Pattern.quote(donorCode)
                        + "</td>.*?data-testid=\"received-summary\">([^<]*)</a>",
                Pattern.DOTALL);
        for (int page = 1; page <= 50; page++) {
            String html = mvc.perform(get("/reception/worklists")
                            .param("day", day.toString())
                            .param("page", String.valueOf(page))
                            .param("size", "200")
                            .with(user("m").roles("MANAGER")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            Matcher m = row.matcher(html);
            if (m.find()) {
                return m.group(1).strip();
            }
            if (!html.contains("data-testid=\"received-row\"")) {
                break;
            }
        }
        throw new AssertionError("no donation of " + donorCode + " on the work list of " + day);
    }

    private long containers() {
        return jdbc.sql("select count(*) from raw_container").query(Long.class).single();
    }
}
