package org.openmilkbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmilkbank.collection.CollectionManagement;
import org.openmilkbank.collection.DonationView;
import org.openmilkbank.donor.DeferralCategory;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.NewDeferral;
import org.openmilkbank.donor.NewDonor;
import org.openmilkbank.donor.SerologyOutcome;
import org.openmilkbank.logistics.LogisticsManagement;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.Html;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * From "who may call" ({@link AuthorizationMatrixTests}) to "what each role may see": a donor whose name, home
 * address, deferral words and positive test are distinctive strings, and every page and API answer each role
 * reaches about her and her milk. Staff without clinical rights over donors see her donor code and nothing else.
 */
@IntegrationTest
class WhatEachRoleSeesTests {

    private static final Set<Role> CLINICAL = Set.of(Role.DONOR_COORDINATOR, Role.MANAGER, Role.ADMIN);
    private static final String GIVEN = "Xanthippe";
    private static final String FAMILY = "Quillfeather";
    private static final String ADDRESS = "42 Vermilion Heron Street";
    private static final String DEFERRAL_WORDS = "zebrafinch tincture";
    private static final String POSITIVE_REFERENCE = "LABREF-ORCHID-77";

    @Autowired
    MockMvc mvc;

    @Autowired
    DonorManagement donors;

    @Autowired
    CollectionManagement collection;

    @Autowired
    LogisticsManagement logistics;

    @Autowired
    Standards standards;

    @Autowired
    Clock clock;

    DonorView donor;
    DonationView donation;
    UUID runId;

    @BeforeEach
    void aBankWithADistinctiveDonor() {
        LocalDate today = LocalDate.now(clock);
        AtomicReference<DonorView> d = new AtomicReference<>();
        AtomicReference<DonationView> received = new AtomicReference<>();
        AtomicReference<UUID> run = new AtomicReference<>();
        Staff.as("coordinator-sees", Role.DONOR_COORDINATOR, () -> {
            DonorView v = donors.register(new NewDonor(
                    GIVEN, FAMILY + " " + UUID.randomUUID().toString().substring(0, 4), null, null, ADDRESS));
            DonorFixtures.completeScreening(donors, v.id(), today.minusDays(5));
            DonorFixtures.recordNegativePanel(donors, standards, v.id(), today.minusDays(5));
            received.set(DonorFixtures.receive(collection, v.id(), today.minusDays(1), 120, 90));
            run.set(logistics.planRun(today, "Hoa").id());
            logistics.addDonorStop(run.get(), v.code());
            donors.defer(
                    v.id(),
                    new NewDeferral(
                            DeferralCategory.MEDICATION, false, today, today.plusDays(20), null, DEFERRAL_WORDS));
            String test = standards.activeProfile().serologyPanel().get(0);
            donors.recordSerology(v.id(), test, today, SerologyOutcome.POSITIVE, POSITIVE_REFERENCE);
            d.set(v);
        });
        donor = d.get();
        donation = received.get();
        runId = run.get();
    }

    /** Every page and API read that names her or her milk, with the matrix's lists on top. */
    List<String> reads() {
        String din = Din.parse(donation.lines().get(0).container().din()).withCheck();
        List<String> paths = new ArrayList<>();
        AuthorizationMatrixTests.matrix().stream()
                .filter(a -> a.method().name().equals("GET"))
                .map(AuthorizationMatrixTests.Access::path)
                .forEach(paths::add);
        paths.addAll(List.of(
                "/donors/" + donor.id(),
                "/donors/" + donor.id() + "/timeline",
                "/donors/worklists",
                "/api/v1/donors/" + donor.id(),
                "/api/v1/donors/" + donor.id() + "/serology",
                "/api/v1/donors/" + donor.id() + "/eligibility",
                "/api/v1/donor-worklists/status",
                "/reception?code=" + donor.code(),
                "/reception/donor?code=" + donor.code(),
                "/reception/worklists",
                "/donations/" + donation.id(),
                "/donations/" + donation.id() + "/receipt.pdf",
                "/api/v1/donations/" + donation.id(),
                "/containers?q=" + donor.code(),
                "/containers/" + din,
                "/api/v1/containers/" + din,
                "/logistics",
                "/logistics/runs",
                "/logistics/runs/" + runId,
                "/api/v1/logistics/runs",
                "/api/v1/logistics/runs/" + runId,
                "/api/v1/logistics/work-lists",
                "/api/v1/dashboard",
                "/trace/donors/" + donor.id(),
                "/api/v1/trace/donors/" + donor.id(),
                "/trace/dins/" + din,
                "/api/v1/trace/dins/" + din,
                "/trace/blocks",
                "/api/v1/trace/blocks"));
        return paths;
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void staffWithoutClinicalRightsNeverSeeHerNameAddressDeferralWordsOrPositiveTest(Role role) throws Exception {
        boolean clinical = CLINICAL.contains(role);
        List<String> reached = new ArrayList<>();
        for (String path : reads()) {
            MockHttpServletResponse response = mvc.perform(get(path)
                            .with(user("sees-" + role.name().toLowerCase()).roles(role.name())))
                    .andReturn()
                    .getResponse();
            if (path.equals("/") && response.getStatus() == 302 && response.getRedirectedUrl() != null) {
                // a home page elsewhere (the network coordinator's is the hub's overview): what she lands on counts
                path = response.getRedirectedUrl();
                response = mvc.perform(get(path)
                                .with(user("sees-" + role.name().toLowerCase()).roles(role.name())))
                        .andReturn()
                        .getResponse();
                if (response.getStatus() == 200) {
                    reached.add("/");
                }
            }
            if (response.getStatus() != 200) {
                continue;
            }
            reached.add(path);
            String body =
                    path.endsWith(".pdf") ? pdfText(response.getContentAsByteArray()) : response.getContentAsString();
            if (clinical) {
                continue;
            }
            assertThat(body)
                    .as("%s as %s shows her name or address", path, role)
                    .doesNotContain(GIVEN)
                    .doesNotContain(FAMILY)
                    .doesNotContain(ADDRESS)
                    .doesNotContain("Vermilion Heron");
            assertThat(body)
                    .as("%s as %s shows her health", path, role)
                    .doesNotContain(DEFERRAL_WORDS)
                    .doesNotContain(POSITIVE_REFERENCE);
        }
        assertThat(reached).as("%s reaches its home page", role).contains("/");
    }

    @Test
    void theSeededStringsAreRealTheCoordinatorSeesThemAll() throws Exception {
        String page = mvc.perform(get("/donors/" + donor.id()).with(user("c").roles("DONOR_COORDINATOR")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(GIVEN)
                .contains(ADDRESS)
                .contains(DEFERRAL_WORDS)
                .contains(POSITIVE_REFERENCE);
        assertThat(mvc.perform(get("/logistics/runs/" + runId).with(user("c").roles("DONOR_COORDINATOR")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(ADDRESS);
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"LAB_TECHNICIAN", "DISPENSER", "NURSE"})
    void scanningHerCodeWithoutTheRightToSeeDonorsAnswersAsForAnUnknownCode(Role role) throws Exception {
        String code = donor.code();
        String unknown = "D" + "9".repeat(code.length() - 1);
        MockHttpServletResponse known = mvc.perform(
                        get("/scan").param("code", code).with(user("scan").roles(role.name())))
                .andReturn()
                .getResponse();
        MockHttpServletResponse none = mvc.perform(
                        get("/scan").param("code", unknown).with(user("scan").roles(role.name())))
                .andReturn()
                .getResponse();
        assertThat(known.getStatus()).isEqualTo(none.getStatus()).isEqualTo(404);
        assertThat(known.getRedirectedUrl()).isNull();
        assertThat(Html.withoutCsrf(known.getContentAsString()))
                .doesNotContain(donor.id().toString())
                .isEqualTo(Html.withoutCsrf(none.getContentAsString()).replace(unknown, code));
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
