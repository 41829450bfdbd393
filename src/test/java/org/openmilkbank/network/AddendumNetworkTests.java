package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.donor.AddendumView;
import org.openmilkbank.donor.AnswerType;
import org.openmilkbank.donor.DeferralCategory;
import org.openmilkbank.donor.DeferralView;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorStatus;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.donor.InterviewMode;
import org.openmilkbank.donor.MilkAcceptance;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.support.DonorFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15, point 5: the hub publishes an emergency addendum, the bank receives it and its manager adopts it in one
 * step; a donor is then asked its questions and paused by them, recruitment is suspended, the adoption reaches the
 * hub, which lists the bank as adopted with its time; withdrawal; bad addenda refused; roles. This installation plays
 * both hub and bank.
 */
@IntegrationTest
class AddendumNetworkTests {

    @Autowired
    Addenda addenda;

    @Autowired
    AddendumOffers offers;

    @Autowired
    HubMessages messages;

    @Autowired
    NetworkInbox inbox;

    @Autowired
    NetworkOutbox outbox;

    @Autowired
    BatchIntake intake;

    @Autowired
    NetworkHub hub;

    @Autowired
    BankKey key;

    @Autowired
    DonorManagement donors;

    @Autowired
    Standards standards;

    @Autowired
    org.openmilkbank.identity.IdentityManagement identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Value("${openmilkbank.facility-code}")
    String facilityCode;

    private String coordinator;
    private String manager;

    @BeforeEach
    void registerTheBankAtItsOwnHub() {
        if (!hub.isRegistered(facilityCode)) {
            hub.register(facilityCode, "VN", "Hà Nội", 380, key.publicKeyText());
        }
        coordinator = Staff.create(identity, Role.NETWORK_COORDINATOR);
        manager = Staff.create(identity, Role.MANAGER);
    }

    /** Whatever a test adopted is switched off, so no other test meets its questions, suspension or tests. */
    @AfterEach
    void switchOffWhatWasAdopted() {
        Staff.as(
                manager,
                Role.MANAGER,
                () -> donors.addenda().stream()
                        .filter(a -> a.active() && a.origin() != null)
                        .forEach(a -> donors.switchOffAddendum(a.code(), "test over")));
        sendOutboxToHub();
    }

    private static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static AddendumDraft draft(String code, boolean suspends, String tests, AddendumDraft.Question... qs) {
        return new AddendumDraft(
                code,
                "Avian influenza H5N1: exposure",
                "Cúm gia cầm H5N1: phơi nhiễm",
                null,
                "WHO Disease Outbreak News, 2026-12-01",
                21,
                suspends,
                tests,
                new ArrayList<>(List.of(qs)));
    }

    private static AddendumDraft.Question poultry() {
        return new AddendumDraft.Question(
                "POULTRY_CONTACT",
                "Have you handled sick or dead poultry in the last 21 days?",
                "Chị có tiếp xúc với gia cầm ốm hoặc chết trong 21 ngày qua không?",
                "ທ່ານໄດ້ສຳຜັດສັດປີກທີ່ເຈັບ ຫຼື ຕາຍໃນ 21 ວັນຜ່ານມາບໍ່?",
                AnswerType.YES_NO,
                "YES",
                DeferralCategory.ILLNESS);
    }

    private static AddendumDraft.Question fever() {
        return new AddendumDraft.Question(
                "FEVER_DAYS",
                "For how many days have you had fever?",
                "Chị bị sốt bao nhiêu ngày rồi?",
                "ທ່ານເປັນໄຂ້ມາຈັກມື້ແລ້ວ?",
                AnswerType.NUMBER,
                ">0",
                DeferralCategory.ILLNESS);
    }

    private <T> T asCoordinator(Supplier<T> action) {
        AtomicReference<T> result = new AtomicReference<>();
        Staff.as(coordinator, Role.NETWORK_COORDINATOR, () -> result.set(action.get()));
        return result.get();
    }

    private <T> T asManager(Supplier<T> action) {
        AtomicReference<T> result = new AtomicReference<>();
        Staff.as(manager, Role.MANAGER, () -> result.set(action.get()));
        return result.get();
    }

    /** The bank fetches its hub's messages after the last it holds and hands each to its inbox. */
    private void bankFetchesItsMessages(long from) {
        for (SignedBatch message : messages.since(facilityCode, from, 1000)) {
            inbox.deliver(message, BatchSignatures.publicKey(key.publicKeyText()));
        }
    }

    private long lastHubMessage() {
        return jdbc.sql("select coalesce(max(sequence), 0) from network_hub_message")
                .query(Long.class)
                .single();
    }

    /** What the bank's sender does: every waiting entry, signed, to the hub's intake, in order. */
    private void sendOutboxToHub() {
        for (NetworkOutbox.Entry entry : outbox.pending(1000)) {
            intake.receive(key.sign(Batch.of(facilityCode, entry.sequence(), entry.createdAt(), entry.payload())));
            outbox.markSent(entry.sequence());
        }
    }

    private void addToOutbox(Map<String, ?> payload) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> outbox.add(payload));
    }

    private static Map<String, Object> indicators(YearMonth month, int activeDonors, double received) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", "indicators");
        payload.put("month", month.toString());
        List<Map<String, Object>> values = new ArrayList<>();
        Map<String, Object> donorsActive = new LinkedHashMap<>();
        donorsActive.put("code", "DONORS_ACTIVE");
        donorsActive.put("breakdown", null);
        donorsActive.put("value", activeDonors);
        donorsActive.put("numerator", activeDonors);
        donorsActive.put("denominator", null);
        values.add(donorsActive);
        Map<String, Object> volume = new LinkedHashMap<>();
        volume.put("code", "VOLUME_RECEIVED");
        volume.put("breakdown", null);
        volume.put("value", received);
        volume.put("numerator", received);
        volume.put("denominator", null);
        values.add(volume);
        payload.put("values", values);
        return payload;
    }

    @Test
    void anAddendumPublishedAtTheHubIsAdoptedInOneStepAndPausesRecruitsAndReachesTheHub() throws Exception {
        LocalDate today = LocalDate.now(clock);
        YearMonth month = YearMonth.now(clock);
        // a donor who was eligible before the outbreak, and her bank's monthly indicators around it
        DonorView donor = asManager(() -> {
            AtomicReference<DonorView> d = new AtomicReference<>();
            Staff.as(
                    "coordinator-e",
                    Role.DONOR_COORDINATOR,
                    () -> d.set(DonorFixtures.eligibleDonor(donors, standards, today.minusDays(10))));
            return d.get();
        });
        // every month of the window is this test's own (the latest batch of a month wins), whatever other tests sent
        addToOutbox(indicators(month.minusMonths(3), 11, 42.0));
        addToOutbox(indicators(month.minusMonths(2), 10, 40.0));
        addToOutbox(indicators(month.minusMonths(1), 12, 44.0));
        addToOutbox(indicators(month.plusMonths(1), 7, 30.0));

        String code = uniqueCode("H5N1");
        long before = lastHubMessage();
        HubAddendum drafted = asCoordinator(() -> addenda.draft(draft(code, true, "ZIKV", poultry(), fever())));
        assertThat(drafted.state()).isEqualTo(HubAddendum.State.DRAFT);
        HubAddendum published = asCoordinator(() -> addenda.publish(drafted.id()));
        assertThat(published.state()).isEqualTo(HubAddendum.State.PUBLISHED);
        assertRefused(
                () -> asCoordinator(() -> addenda.amend(drafted.id(), draft(code, false, null, poultry()))),
                "network.addendum.frozen");

        bankFetchesItsMessages(before);
        OfferedAddendum offered = offers.find(code, 1);
        assertThat(offered.titleIn("vi")).isEqualTo("Cúm gia cầm H5N1: phơi nhiễm");
        assertThat(offered.titleIn("lo")).isEqualTo("Avian influenza H5N1: exposure");
        assertThat(offered.questions())
                .extracting(HubAddendum.Question::code)
                .containsExactly("POULTRY_CONTACT", "FEVER_DAYS");
        assertThat(offered.adoptable()).isTrue();

        // the manager adopts it in one step, on her page: a confirmation is required
        mvc.perform(post("/network/addenda/" + code + "/1/adopt")
                        .with(csrf())
                        .with(user(manager).roles("MANAGER"))
                        .param("note", "outbreak in the province"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("error-confirmed")));
        assertThat(offers.find(code, 1).adoptedAt()).isNull();
        mvc.perform(post("/network/addenda/" + code + "/1/adopt")
                        .with(csrf())
                        .with(user(manager).roles("MANAGER"))
                        .param("confirmed", "true")
                        .param("note", "outbreak in the province"))
                .andExpect(status().is3xxRedirection());
        OfferedAddendum adopted = offers.find(code, 1);
        assertThat(adopted.inForce()).isTrue();
        assertThat(adopted.adoptedBy()).isEqualTo(manager);
        String local = "NET-" + code + "-V1";
        assertThat(donors.addenda())
                .filteredOn(a -> a.code().equals(local))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.active()).isTrue();
                    assertThat(a.pauseDays()).isEqualTo(21);
                    assertThat(a.suspendsRecruitment()).isTrue();
                    assertThat(a.titleIn("vi")).isEqualTo("Cúm gia cầm H5N1: phơi nhiễm");
                });

        // the donor is asked its questions at her next contact, her milk held until she answers; a yes pauses her
        assertThat(donors.addendaDue(donor.id())).extracting(AddendumView::code).containsExactly(local);
        assertThat(donors.acceptanceOn(donor.id(), today).decision()).isEqualTo(MilkAcceptance.HOLD);
        List<DeferralView> paused = asManager(() -> {
            AtomicReference<List<DeferralView>> p = new AtomicReference<>();
            Staff.as(
                    "coordinator-e",
                    Role.DONOR_COORDINATOR,
                    () -> p.set(donors.answerAddendum(
                            donor.id(),
                            local,
                            today,
                            InterviewMode.PHONE,
                            Map.of("POULTRY_CONTACT", "YES", "FEVER_DAYS", "0"))));
            return p.get();
        });
        assertThat(paused).singleElement().satisfies(d -> assertThat(d.until()).isEqualTo(today.plusDays(21)));
        assertThat(donors.eligibilityOn(donor.id(), today).status()).isEqualTo(DonorStatus.TEMPORARILY_DEFERRED);

        // recruitment is suspended, with a banner on the donor pages; the extra test joins every donor's panel
        assertRefused(
                () -> Staff.as("coordinator-e", Role.DONOR_COORDINATOR, () -> DonorFixtures.registeredDonor(donors)),
                "donor.recruitment.suspended");
        assertThat(donors.serologyPanel()).contains("ZIKV");
        mvc.perform(get("/donors").with(user("coordinator-e").roles("DONOR_COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("data-testid=\"recruitment-suspended\"")));
        mvc.perform(post("/api/v1/donors")
                        .with(csrf())
                        .with(user("coordinator-e").roles("DONOR_COORDINATOR"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"givenName\":\"Lan\",\"familyName\":\"Nguyễn\",\"birthDate\":\"1995-03-04\"}"))
                .andExpect(status().isUnprocessableContent());

        // the adoption reaches the hub in the bank's next batch; the hub lists the bank as adopted, with its time
        sendOutboxToHub();
        assertThat(addenda.adoptions(published.id()))
                .filteredOn(a -> a.facilityCode().equals(facilityCode))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.adopted()).isTrue();
                    assertThat(a.adoptedAt()).isEqualTo(adopted.adoptedAt());
                    assertThat(a.hoursAfterPublication()).isNotNull();
                    assertThat(a.suspendsRecruitment()).isTrue();
                    assertThat(a.endedAt()).isNull();
                });
        assertThat(addenda.latestAdoption()).hasValueSatisfying(l -> {
            assertThat(l.addendum().id()).isEqualTo(published.id());
            assertThat(l.adoptedCount()).isGreaterThanOrEqualTo(1);
        });
        Addenda.ResponseBenchmark benchmark = addenda.benchmark(published.id());
        assertThat(benchmark.medianHours()).isNotNull();
        assertThat(benchmark.banks())
                .filteredOn(b -> b.adoption().facilityCode().equals(facilityCode))
                .singleElement()
                .satisfies(b -> assertThat(b.indicators())
                        .filteredOn(i -> i.code().equals("DONORS_ACTIVE"))
                        .singleElement()
                        .satisfies(i -> {
                            assertThat(i.before()).isEqualByComparingTo(new BigDecimal("11"));
                            assertThat(i.monthsBefore()).isEqualTo(3);
                            assertThat(i.after()).isEqualByComparingTo(new BigDecimal("7"));
                            assertThat(i.change()).isEqualByComparingTo(new BigDecimal("-4"));
                        }));
        String page = mvc.perform(get("/hub/addenda/" + published.id())
                        .with(user(coordinator).roles("NETWORK_COORDINATOR")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("data-testid=\"adoption-" + facilityCode + "\"");
        assertThat(page).contains("data-testid=\"benchmark-" + facilityCode + "-DONORS_ACTIVE\"");
        assertThat(page).contains("data-testid=\"median-response\"");
        // the coordinator's words in the reader's language when given, the pages' own words translated
        for (String lang : List.of("vi", "lo")) {
            String hubPage = mvc.perform(get("/hub/addenda/" + published.id())
                            .param("lang", lang)
                            .with(user(coordinator).roles("NETWORK_COORDINATOR")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String bankPage = mvc.perform(get("/network/addenda")
                            .param("lang", lang)
                            .with(user(manager).roles("MANAGER")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            for (String html : List.of(hubPage, bankPage)) {
                assertThat(html)
                        .contains("lang=\"" + lang + "\"")
                        .doesNotContain("??")
                        .doesNotContain("Hours after");
            }
            assertThat(hubPage).contains(lang.equals("vi") ? "Cúm gia cầm H5N1: phơi nhiễm" : "Avian influenza H5N1");
        }

        // switching it off on the donor pages ends the adoption, and the hub learns it
        mvc.perform(post("/donors/addenda/" + local + "/off")
                        .with(csrf())
                        .with(user(manager).roles("MANAGER"))
                        .param("reason", "outbreak contained"))
                .andExpect(status().is3xxRedirection());
        assertThat(offers.find(code, 1).endedAt()).isNotNull();
        assertThat(donors.recruitmentSuspendedBy()).isEmpty();
        sendOutboxToHub();
        assertThat(addenda.adoptions(published.id()))
                .filteredOn(a -> a.facilityCode().equals(facilityCode))
                .singleElement()
                .satisfies(a -> assertThat(a.endedAt()).isNotNull());

        // switched on again on the donor pages: in force again, and the hub learns that too
        mvc.perform(post("/donors/addenda/" + local + "/on")
                        .with(csrf())
                        .with(user(manager).roles("MANAGER"))
                        .param("reason", "second wave"))
                .andExpect(status().is3xxRedirection());
        assertThat(offers.find(code, 1).inForce()).isTrue();
        sendOutboxToHub();
        assertThat(addenda.adoptions(published.id()))
                .filteredOn(a -> a.facilityCode().equals(facilityCode))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.endedAt()).isNull();
                    assertThat(a.adoptedAt()).isEqualTo(adopted.adoptedAt());
                });
    }

    @Test
    void aWithdrawnAddendumCannotBeAdoptedAndANewVersionSupersedesTheOld() {
        String code = uniqueCode("MPOX");
        long before = lastHubMessage();
        HubAddendum v1 = asCoordinator(() -> addenda.publish(
                addenda.draft(draft(code, false, null, poultry())).id()));
        bankFetchesItsMessages(before);
        asManager(() -> offers.adopt(code, 1, new AdoptAddendum(true, null)));

        // version 2 supersedes version 1 at the hub; adopting it at the bank switches version 1 off
        HubAddendum v2 = asCoordinator(() -> addenda.newVersion(v1.id()));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.draft()).isTrue();
        assertRefused(() -> asCoordinator(() -> addenda.newVersion(v1.id())), "network.addendum.draftExists");
        long beforeV2 = lastHubMessage();
        asCoordinator(() -> addenda.amend(v2.id(), draft(code, false, null, poultry(), fever())));
        asCoordinator(() -> addenda.publish(v2.id()));
        assertThat(addenda.find(v1.id()).state()).isEqualTo(HubAddendum.State.SUPERSEDED);
        bankFetchesItsMessages(beforeV2);
        assertThat(offers.find(code, 1).newerVersion()).isEqualTo(2);
        assertRefused(
                () -> asManager(() -> offers.adopt(code, 1, new AdoptAddendum(true, null))),
                "network.addendum.alreadyAdopted");
        asManager(() -> offers.adopt(code, 2, new AdoptAddendum(true, "second version")));
        assertThat(offers.find(code, 1).inForce()).isFalse();
        assertThat(offers.find(code, 2).inForce()).isTrue();

        // withdrawn at the hub with a reason: the bank is told, and can no longer adopt it once it is off
        long beforeWithdrawal = lastHubMessage();
        assertRefused(() -> asCoordinator(() -> addenda.withdraw(v2.id(), " ")), "history.reason.required");
        asCoordinator(() -> addenda.withdraw(v2.id(), "WHO declared the event over"));
        assertThat(addenda.find(v2.id()).state()).isEqualTo(HubAddendum.State.WITHDRAWN);
        bankFetchesItsMessages(beforeWithdrawal);
        OfferedAddendum withdrawn = offers.find(code, 2);
        assertThat(withdrawn.withdrawn()).isTrue();
        assertThat(withdrawn.withdrawnReason()).isEqualTo("WHO declared the event over");
        asManager(() -> offers.end(code, 2, "withdrawn by the hub"));
        assertRefused(
                () -> asManager(() -> offers.adopt(code, 2, new AdoptAddendum(true, null))),
                "network.addendum.withdrawnByHub");
        assertRefused(() -> asCoordinator(() -> addenda.withdraw(v2.id(), "again")), "network.addendum.notInForce");
    }

    @Test
    void aBadAddendumIsRefusedWithCodedMessagesAndNothingChanges() throws Exception {
        long kept = jdbc.sql("select count(*) from network_addendum")
                .query(Long.class)
                .single();
        long sent = lastHubMessage();
        // nothing to do: no questions, no suspension, no extra test
        assertRefused(
                () -> asCoordinator(() -> addenda.draft(draft(uniqueCode("EMPTY"), false, null))),
                "donor.addendum.empty");
        // a defer-when that does not fit the answer type
        RuleViolation mismatch = refusal(() -> asCoordinator(() -> addenda.draft(draft(
                uniqueCode("BAD"),
                false,
                null,
                poultry(),
                new AddendumDraft.Question(
                        "TRAVEL",
                        "Where did you travel?",
                        null,
                        null,
                        AnswerType.TEXT,
                        "YES",
                        DeferralCategory.OTHER)))));
        assertThat(mismatch.code()).isEqualTo("donor.addendum.deferWhenMismatch");
        assertThat(mismatch.field()).contains("questions[1].deferWhen");
        assertRefused(
                () -> asCoordinator(() -> addenda.draft(draft(
                        uniqueCode("BAD"),
                        false,
                        null,
                        new AddendumDraft.Question(
                                "FEVER", "Fever?", null, null, AnswerType.YES_NO, ">3", DeferralCategory.ILLNESS)))),
                "donor.addendum.deferWhenMismatch");
        // two questions of one code, and no title in any language
        assertRefused(
                () -> asCoordinator(() -> addenda.draft(draft(uniqueCode("BAD"), false, null, poultry(), poultry()))),
                "donor.addendum.questionTwice");
        assertRefused(
                () -> asCoordinator(() -> addenda.draft(
                        new AddendumDraft(uniqueCode("BAD"), " ", null, null, null, 14, true, null, List.of()))),
                "donor.addendum.titleRequired");
        // a duplicate code
        String code = uniqueCode("DUP");
        asCoordinator(() -> addenda.draft(draft(code, true, null)));
        assertRefused(
                () -> asCoordinator(() -> addenda.draft(draft(code, false, null, poultry()))),
                "network.addendum.codeTaken");
        assertThat(jdbc.sql("select count(*) from network_addendum")
                        .query(Long.class)
                        .single())
                .isEqualTo(kept + 1);
        assertThat(lastHubMessage()).isEqualTo(sent);

        // the page draws the same form again with the reason beside the field; the API answers 422
        mvc.perform(post("/hub/addenda")
                        .with(csrf())
                        .with(user(coordinator).roles("NETWORK_COORDINATOR"))
                        .param("code", uniqueCode("BAD"))
                        .param("titleEn", "Bad")
                        .param("pauseDays", "14")
                        .param("questions[0].code", "TRAVEL")
                        .param("questions[0].textEn", "Where did you travel?")
                        .param("questions[0].answerType", "TEXT")
                        .param("questions[0].deferWhen", "YES")
                        .param("questions[0].category", "OTHER"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("error-questions[0].deferWhen")));
        mvc.perform(post("/hub/addenda")
                        .with(csrf())
                        .with(user(coordinator).roles("NETWORK_COORDINATOR"))
                        .param("code", uniqueCode("BAD"))
                        .param("titleEn", "Bad")
                        .param("pauseDays", "many"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/hub/addenda")
                        .with(csrf())
                        .with(user(coordinator).roles("NETWORK_COORDINATOR"))
                        .param("code", uniqueCode("BAD"))
                        .param("titleEn", "Bad")
                        .param("pauseDays", "14")
                        .param("questions[0].code", "Q")
                        .param("questions[0].answerType", "MAYBE"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/hub/addenda")
                        .with(csrf())
                        .with(user(coordinator).roles("NETWORK_COORDINATOR"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + uniqueCode("API") + "\",\"titleEn\":\"x\",\"pauseDays\":14,"
                                + "\"suspendsRecruitment\":false,\"questions\":[]}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/hub/addenda/" + UUID.randomUUID())
                        .with(user(coordinator).roles("NETWORK_COORDINATOR")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from network_addendum")
                        .query(Long.class)
                        .single())
                .isEqualTo(kept + 1);
    }

    @Test
    void onlyTheCoordinatorPublishesAndOnlyAManagerAdopts() throws Exception {
        mvc.perform(get("/hub/addenda").with(user("nurse").roles("NURSE"))).andExpect(status().isForbidden());
        mvc.perform(get("/network/addenda").with(user("nurse").roles("NURSE"))).andExpect(status().isForbidden());
        mvc.perform(get("/hub/addenda").with(user(coordinator).roles("NETWORK_COORDINATOR")))
                .andExpect(status().isOk());
        mvc.perform(get("/network/addenda").with(user("coordinator-e").roles("DONOR_COORDINATOR")))
                .andExpect(status().isOk());
        mvc.perform(post("/hub/addenda")
                        .with(csrf())
                        .with(user(manager).roles("MANAGER"))
                        .param("code", uniqueCode("MGR"))
                        .param("titleEn", "Bank manager")
                        .param("pauseDays", "14")
                        .param("suspendsRecruitment", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/hub/addenda")
                        .with(csrf())
                        .with(user(manager).roles("MANAGER"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"X1\",\"titleEn\":\"x\",\"pauseDays\":14,\"suspendsRecruitment\":true}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/network/addenda/X1/1/adopt")
                        .with(csrf())
                        .with(user("coordinator-e").roles("DONOR_COORDINATOR"))
                        .param("confirmed", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/network/addenda/NONE/1/adopt")
                        .with(csrf())
                        .with(user(manager).roles("MANAGER"))
                        .param("confirmed", "true"))
                .andExpect(status().isNotFound());
    }

    private static void assertRefused(Runnable action, String code) {
        assertThatThrownBy(action::run)
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code())
                .isEqualTo(code);
    }

    private static RuleViolation refusal(Runnable action) {
        try {
            action.run();
        } catch (RuleViolation refused) {
            return refused;
        }
        throw new AssertionError("not refused");
    }
}
