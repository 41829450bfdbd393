package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.LoopbackHub;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enrolment by key exchange, end to end: the coordinator issues a one-time code at the hub, the bank's manager enters
 * the hub's address and the code on the bank's page, the bank sends its key signed with it over HTTP (a loopback
 * {@code HttpServer} in front of this application's own hub endpoint) and keeps the hub's key it is answered.
 */
@IntegrationTest
class NetworkEnrolmentTests {

    private static final AtomicInteger BANKS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkHub hub;

    @Autowired
    NetworkLink link;

    @Autowired
    BankKey key;

    @Autowired
    IdentityManagement identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    @Value("${openmilkbank.facility-code}")
    String facilityCode;

    private LoopbackHub server;
    private String manager;

    @BeforeEach
    void startTheHub() throws IOException {
        if (!hub.isRegistered(facilityCode)) {
            hub.register(facilityCode, "VN", "Hà Nội", 380, key.publicKeyText());
        }
        manager = Staff.create(identity, Role.MANAGER);
        server = LoopbackHub.start(mvc);
    }

    @AfterEach
    void stopTheHub() {
        server.stop();
    }

    private String hubUrl() {
        return server.url();
    }

    private ResultActions enrolOnThePage(String hubUrl, String code) throws Exception {
        return mvc.perform(post("/network/enrol")
                .param("hubUrl", hubUrl)
                .param("code", code)
                .with(httpBasic(manager, Staff.PASSWORD))
                .with(csrf()));
    }

    private long keysOf(String facility) {
        return jdbc.sql("select count(*) from network_bank_key where facility_code = ?")
                .param(facility)
                .query(Long.class)
                .single();
    }

    private String waitingBank() {
        String code = "EN" + BANKS.incrementAndGet() + System.nanoTime() % 100_000;
        return code;
    }

    @Test
    void theBankEnrolsWithItsCodeAndKeepsTheHubsKeyAndBothSidesShowTheFingerprints() throws Exception {
        NetworkHub.IssuedCode code = hub.issueCode(facilityCode);

        enrolOnThePage(hubUrl(), code.code().toLowerCase().replace("-", " "))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/network"));

        NetworkLink.Link linked = link.current().orElseThrow();
        assertThat(linked.hubUrl()).isEqualTo(URI.create(hubUrl()));
        assertThat(linked.hubPublicKey()).isEqualTo(key.publicKeyText());
        assertThat(linked.enrolledBy()).isEqualTo(manager);
        assertThat(hub.codes(facilityCode))
                .first()
                .satisfies(c -> assertThat(c.usedAt()).isNotNull());
        String page = mvc.perform(get("/network").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(key.fingerprint()).contains(hubUrl());
    }

    @Test
    void aCodeIsUsedOnceAndTheSecondUseChangesNothing() throws Exception {
        NetworkHub.IssuedCode code = hub.issueCode(facilityCode);
        enrolOnThePage(hubUrl(), code.code()).andExpect(status().is3xxRedirection());
        Optional<NetworkLink.Link> before = link.current();
        long keys = keysOf(facilityCode);

        enrolOnThePage("http://127.0.0.1:1", code.code()).andExpect(status().isUnprocessableContent());
        enrolOnThePage(hubUrl(), code.code())
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("This enrolment code was already used.")));

        assertThat(link.current()).isEqualTo(before);
        assertThat(keysOf(facilityCode)).isEqualTo(keys);
    }

    @Test
    void anExpiredCodeIsRefused() throws Exception {
        NetworkHub.IssuedCode code = hub.issueCode(facilityCode, clock.instant().minus(Duration.ofSeconds(1)));
        long keys = keysOf(facilityCode);

        enrolOnThePage(hubUrl(), code.code())
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("This enrolment code has expired.")));

        assertThat(keysOf(facilityCode)).isEqualTo(keys);
        assertThat(hub.codes(facilityCode))
                .first()
                .satisfies(c -> assertThat(c.usedAt()).isNull());
    }

    @Test
    void anotherBanksCodeIsRefusedAndThatBankStaysWaiting() throws Exception {
        String other = waitingBank();
        NetworkHub.IssuedCode theirs =
                hub.registerForEnrolment(new NewNetworkBank(other, "la", "Luang Prabang", 20, null));

        enrolOnThePage(hubUrl(), theirs.code())
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "This enrolment code was issued for another bank, not for " + facilityCode + ".")));

        NetworkHub.BankView waiting = hub.bank(other);
        assertThat(waiting.enrolled()).isFalse();
        assertThat(waiting.country()).isEqualTo("LA");
        assertThat(keysOf(other)).isZero();
        assertThat(hub.codes(other))
                .singleElement()
                .satisfies(c -> assertThat(c.usedAt()).isNull());
    }

    @Test
    void anUnknownCodeAndAHubThatDoesNotAnswerAreRefusedBesideTheirFields() throws Exception {
        enrolOnThePage(hubUrl(), "AAAA-BBBB-CCCC-DDDD")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"error-code\"")));
        server.stop();
        enrolOnThePage(hubUrl(), "AAAA-BBBB-CCCC-DDDD")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"error-hubUrl\"")));
        enrolOnThePage("ftp://hub.example.org", "AAAA-BBBB-CCCC-DDDD")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"error-hubUrl\"")));
    }

    @Test
    void theManagersApiEnrolsToo() throws Exception {
        NetworkHub.IssuedCode code = hub.issueCode(facilityCode);

        mvc.perform(post("/api/v1/network/enrolment")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hubUrl\": \"" + hubUrl() + "\", \"code\": \"" + code.code() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hubPublicKey").value(key.publicKeyText()));
        mvc.perform(post("/api/v1/network/enrolment")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hubUrl\": \"" + hubUrl() + "\", \"code\": \"" + code.code() + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("network.enrolment.codeUsed"));
    }

    // the hub's enrolment endpoint, straight

    private ResultActions enrolDirectly(EnrolmentRequest body, KeyPair signer) throws Exception {
        byte[] bytes = json.writeValueAsBytes(body);
        SignedRequests.Headers h = SignedRequests.sign(
                "POST", NetworkEnrolment.ENROLMENTS, body.facilityCode(), clock.instant(), bytes, signer.getPrivate());
        return mvc.perform(post(NetworkEnrolment.ENROLMENTS)
                .contentType(MediaType.APPLICATION_JSON)
                .content(bytes)
                .header(SignedRequests.FACILITY, h.facilityCode())
                .header(SignedRequests.TIMESTAMP, h.timestamp())
                .header(SignedRequests.SIGNATURE, h.signature()));
    }

    @Test
    void aReEnrolmentWithANewKeyNeedsANewCodeAndTheHubKeepsBothKeys() throws Exception {
        String bank = waitingBank();
        NetworkHub.IssuedCode first = hub.registerForEnrolment(new NewNetworkBank(bank, "VN", "Huế", 90, "Huế"));
        KeyPair k1 = BatchSignatures.newKeyPair();
        KeyPair k2 = BatchSignatures.newKeyPair();
        String text1 = BatchSignatures.encode(k1.getPublic());
        String text2 = BatchSignatures.encode(k2.getPublic());

        enrolDirectly(new EnrolmentRequest(bank, text1, first.code()), k1)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hubPublicKey").value(key.publicKeyText()));
        enrolDirectly(new EnrolmentRequest(bank, text2, first.code()), k2)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("network.enrolment.codeUsed"));
        assertThat(hub.bank(bank).keyFingerprint()).isEqualTo(KeyFingerprints.of(text1));

        NetworkHub.IssuedCode second = hub.issueCode(bank);
        enrolDirectly(new EnrolmentRequest(bank, text2, second.code()), k2).andExpect(status().isOk());

        assertThat(hub.bank(bank).keyFingerprint()).isEqualTo(KeyFingerprints.of(text2));
        assertThat(hub.keys(bank))
                .extracting(NetworkHub.KeyView::fingerprint)
                .containsExactly(KeyFingerprints.of(text2), KeyFingerprints.of(text1));
    }

    @Test
    void anEnrolmentNotSignedByTheKeyItBringsIsRefusedAndChangesNothing() throws Exception {
        String bank = waitingBank();
        NetworkHub.IssuedCode code = hub.registerForEnrolment(new NewNetworkBank(bank, "VN", null, 10, null));
        KeyPair brought = BatchSignatures.newKeyPair();

        enrolDirectly(
                        new EnrolmentRequest(bank, BatchSignatures.encode(brought.getPublic()), code.code()),
                        BatchSignatures.newKeyPair())
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("network.request.badSignature"));

        assertThat(hub.bank(bank).enrolled()).isFalse();
        assertThat(hub.codes(bank))
                .singleElement()
                .satisfies(c -> assertThat(c.usedAt()).isNull());
    }

    @Test
    void aBodyThatIsNoEnrolmentIsRefusedWithoutA500() throws Exception {
        KeyPair k = BatchSignatures.newKeyPair();
        byte[] bytes = "{\"facilityCode\": \"X\"}".getBytes(StandardCharsets.UTF_8);
        SignedRequests.Headers h =
                SignedRequests.sign("POST", NetworkEnrolment.ENROLMENTS, "X", clock.instant(), bytes, k.getPrivate());

        mvc.perform(post(NetworkEnrolment.ENROLMENTS)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(bytes)
                        .header(SignedRequests.FACILITY, h.facilityCode())
                        .header(SignedRequests.TIMESTAMP, h.timestamp())
                        .header(SignedRequests.SIGNATURE, h.signature()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("network.request.bodyInvalid"));
    }
}
