package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The bank's network page and the hub's register of banks, by role. */
@IntegrationTest
class NetworkPagesTests {

    private static final AtomicInteger BANKS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    NetworkHub hub;

    @Autowired
    NetworkOutbox outbox;

    @Autowired
    NetworkSharing sharing;

    @Autowired
    History history;

    @Autowired
    Clock clock;

    private String manager;
    private String admin;
    private String nurse;
    private String coordinator;

    @BeforeEach
    void staff() {
        manager = Staff.create(identity, Role.MANAGER);
        admin = Staff.create(identity, Role.ADMIN);
        nurse = Staff.create(identity, Role.NURSE);
        coordinator = Staff.create(identity, Role.NETWORK_COORDINATOR);
    }

    private static String newCode() {
        return "PG" + BANKS.incrementAndGet() + System.nanoTime() % 100_000;
    }

    private String page(String path, String user) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aNurseIsRefusedTheNetworkAndTheHub() throws Exception {
        for (String path : List.of("/network", "/hub/banks", "/api/v1/network/outbox", "/api/v1/hub/banks")) {
            mvc.perform(get(path).with(httpBasic(nurse, Staff.PASSWORD))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/network/sync").with(httpBasic(nurse, Staff.PASSWORD)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/hub/banks")
                        .param("facilityCode", "NURSE1")
                        .param("country", "VN")
                        .param("sizeLitresPerMonth", "1")
                        .with(httpBasic(nurse, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(hub.isRegistered("NURSE1")).isFalse();
    }

    @Test
    void aManagerSeesHerBanksKeyTheOutboxWithItsJsonAndTheNetworkMenu() throws Exception {
        long entry = new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .execute(s -> outbox.add(java.util.Map.of("kind", "indicators", "month", "2024-07")));

        String html = page("/network", manager);

        assertThat(html)
                .contains("data-testid=\"bank-fingerprint\"")
                .contains("data-sequence=\"" + entry + "\"")
                .contains("href=\"/network/outbox/" + entry + "\"")
                .contains("data-testid=\"nav-network-overview\"")
                .contains("href=\"/network/benchmarks\"")
                .contains("href=\"/network/transfers\"")
                .contains("data-testid=\"sync-now\"")
                .contains("data-testid=\"enrol-form\"");
        mvc.perform(get("/network/outbox/" + entry).with(httpBasic(admin, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string("{\"kind\": \"indicators\", \"month\": \"2024-07\"}"));
        mvc.perform(get("/network/outbox/99999999").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/network/outbox/" + entry).with(httpBasic(nurse, Staff.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/network/outbox").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].sequence").isNumber());
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Test
    void anAdministratorSeesTheNetworkPageButCannotAct() throws Exception {
        String html = page("/network", admin);

        assertThat(html).doesNotContain("data-testid=\"enrol-form\"").doesNotContain("data-testid=\"sync-now\"");
        mvc.perform(post("/network/sync").with(httpBasic(admin, Staff.PASSWORD)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void sendNowFlashesWhatHappened() throws Exception {
        mvc.perform(post("/network/sync")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/network"))
                .andExpect(result -> assertThat(result.getFlashMap().keySet())
                        .containsAnyOf("success", "error")
                        .allSatisfy(k -> assertThat(
                                        String.valueOf(result.getFlashMap().get(k)))
                                .isNotBlank()));
    }

    @Test
    void theCoordinatorRegistersABankAndSeesItsCodeOnce() throws Exception {
        String code = newCode();

        MvcResult registered = mvc.perform(post("/hub/banks")
                        .param("facilityCode", code)
                        .param("country", "vn")
                        .param("region", "Cần Thơ")
                        .param("sizeLitresPerMonth", "150")
                        .param("displayName", "Ngân hàng sữa Cần Thơ")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/hub/banks/" + code))
                .andExpect(flash().attributeExists("issuedCode"))
                .andReturn();
        NetworkHub.IssuedCode issued =
                (NetworkHub.IssuedCode) registered.getFlashMap().get("issuedCode");

        String once = mvc.perform(get("/hub/banks/" + code)
                        .flashAttr("issuedCode", issued)
                        .with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(once).contains(issued.code());
        assertThat(page("/hub/banks/" + code, coordinator)).doesNotContain(issued.code());
        assertThat(issued.code()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(issued.expiresAt()).isAfter(clock.instant().plus(Duration.ofDays(13)));

        NetworkHub.BankView bank = hub.bank(code);
        assertThat(bank.country()).isEqualTo("VN");
        assertThat(bank.sizeLitresPerMonth()).isEqualTo(150);
        assertThat(bank.enrolled()).isFalse();
        assertThat(page("/hub/banks", coordinator))
                .contains("data-facility=\"" + code + "\"")
                .contains("Cần Thơ")
                .contains("data-testid=\"nav-hub-banks\"");
        assertThat(history.of("NetworkBank", bank.id())).hasSize(2);
    }

    @Test
    void aRegistrationWithABadCountryOrATakenCodeIsRefusedAndNothingIsRegistered() throws Exception {
        String code = newCode();
        mvc.perform(post("/hub/banks")
                        .param("facilityCode", code)
                        .param("country", "Vietnam")
                        .param("sizeLitresPerMonth", "10")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent());
        assertThat(hub.isRegistered(code)).isFalse();

        hub.registerForEnrolment(new NewNetworkBank(code, "VN", null, 10, null));
        String again = mvc.perform(post("/hub/banks")
                        .param("facilityCode", code)
                        .param("country", "LA")
                        .param("sizeLitresPerMonth", "10")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("A bank " + code + " is already registered.");
        assertThat(hub.bank(code).country()).isEqualTo("VN");
    }

    @Test
    void theCoordinatorsApiRegistersAndIssuesCodes() throws Exception {
        String code = newCode();
        mvc.perform(post("/api/v1/hub/banks")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"facilityCode\": \"" + code
                                + "\", \"country\": \"LA\", \"region\": \"Pakse\", \"sizeLitresPerMonth\": 12}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").isString());
        mvc.perform(post("/api/v1/hub/banks/" + code + "/codes").with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/hub/banks/NOPE-NOPE/codes").with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/hub/banks")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"facilityCode\": \"\", \"country\": \"LA\"}"))
                .andExpect(status().isBadRequest());
        assertThat(hub.codes(code)).hasSize(2);
        mvc.perform(get("/api/v1/hub/banks/" + code).with(httpBasic(admin, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.region").value("Pakse"));
        mvc.perform(post("/api/v1/hub/banks/" + code + "/codes").with(httpBasic(admin, Staff.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCoordinatorsHomeIsTheRegisterOfBanks() throws Exception {
        mvc.perform(get("/").with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/hub/banks"));
        mvc.perform(get("/").with(httpBasic(manager, Staff.PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void aBanksPageShowsItsBatchesAndRefusals() throws Exception {
        String code = newCode();
        java.security.KeyPair pair = BatchSignatures.newKeyPair();
        hub.register(code, "VN", "Huế", 50, BatchSignatures.encode(pair.getPublic()));
        mvc.perform(post("/api/v1/network/batches")
                .contentType(MediaType.APPLICATION_JSON)
                .content(new tools.jackson.databind.json.JsonMapper()
                        .writeValueAsString(BatchSignatures.sign(
                                Batch.of(code, 1, clock.instant(), "{\"kind\": \"indicators\"}"), pair.getPrivate()))));
        mvc.perform(post("/api/v1/network/batches")
                .contentType(MediaType.APPLICATION_JSON)
                .content(new tools.jackson.databind.json.JsonMapper()
                        .writeValueAsString(BatchSignatures.sign(
                                Batch.of(code, 5, clock.instant(), "{\"kind\": \"indicators\"}"), pair.getPrivate()))));

        assertThat(hub.batches(code, PageRequest.first()).items())
                .singleElement()
                .satisfies(b -> assertThat(b.kind()).isEqualTo("indicators"));
        String html = page("/hub/banks/" + code + "?lang=vi", coordinator);
        assertThat(html)
                .contains("data-testid=\"hub-batch\"")
                .contains("Chỉ số hằng tháng")
                .contains("Lô 5 bị từ chối: trung tâm đang chờ lô 2 tiếp theo.");
        mvc.perform(get("/hub/banks/NO-SUCH-BANK").with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theHubsDoorsDoNotExistOnABank() {
        HubRequests onABank = new HubRequests(null, clock, NetworkMode.of(false), null, null, Duration.ofMinutes(5));

        assertThatThrownBy(onABank::requireHub).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> onABank.authenticate(new org.springframework.mock.web.MockHttpServletRequest(), null))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void aSharingChangeNeedsAReasonAndIsToldToTheHubInItsTransaction() throws Exception {
        long before = outbox.entries(PageRequest.first()).total();
        mvc.perform(post("/network/sharing")
                        .param("sharesEvents", "true")
                        .param("named", "true")
                        .param("reason", " ")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent());
        assertThat(outbox.entries(PageRequest.first()).total()).isEqualTo(before);

        mvc.perform(post("/network/sharing")
                        .param("sharesEvents", "true")
                        .param("named", "false")
                        .param("reason", "Board decision of 3 December")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(sharing.sharesEvents()).isTrue();
        assertThat(sharing.namedToPeers()).isFalse();
        assertThat(sharing.current().orElseThrow().changedBy()).isEqualTo(manager);
        NetworkOutbox.Entry told = outbox.entries(PageRequest.first()).items().get(0);
        assertThat(told.payload()).isEqualTo("{\"kind\": \"sharing\", \"named\": false, \"events\": true}");
        assertThat(history.of("NetworkSharing", NetworkSharing.HISTORY_ID))
                .anySatisfy(h -> assertThat(h.reason()).isEqualTo("Board decision of 3 December"));
        assertThat(page("/network", manager)).contains("Board decision of 3 December");
    }

    @Test
    void theCoordinatorMayPasteABanksKeyAndAWrongKeyChangesNothing() throws Exception {
        String code = newCode();
        hub.registerForEnrolment(new NewNetworkBank(code, "VN", "Đà Nẵng", 70, null));

        mvc.perform(post("/hub/banks/" + code + "/key")
                        .param("publicKey", "not a key")
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent());
        assertThat(hub.bank(code).enrolled()).isFalse();

        String key = BatchSignatures.encode(BatchSignatures.newKeyPair().getPublic());
        mvc.perform(post("/hub/banks/" + code + "/key")
                        .param("publicKey", key)
                        .with(httpBasic(coordinator, Staff.PASSWORD))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("success"));

        NetworkHub.BankView bank = hub.bank(code);
        assertThat(bank.enrolled()).isTrue();
        assertThat(bank.keyFingerprint()).isEqualTo(KeyFingerprints.of(key));
        assertThat(hub.keys(code))
                .singleElement()
                .satisfies(k -> assertThat(k.enrolledBy()).isEqualTo(coordinator));
    }
}
