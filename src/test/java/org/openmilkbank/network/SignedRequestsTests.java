package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignedRequestsTests {

    private final KeyPair bank = BatchSignatures.newKeyPair();
    private final Instant at = Instant.parse("2026-03-04T05:06:07.123Z");
    private final byte[] body = "{\"code\": \"ABCD\"}".getBytes(StandardCharsets.UTF_8);

    private SignedRequests.Headers signed() {
        return SignedRequests.sign("POST", "/api/v1/network/enrolments?x=1", "VN001", at, body, bank.getPrivate());
    }

    @Test
    void aRequestSignedByTheBankVerifiesAgainstItsKey() {
        assertThat(SignedRequests.verify("POST", "/api/v1/network/enrolments?x=1", signed(), body, bank.getPublic()))
                .isTrue();
    }

    @Test
    void theHeadersCarryTheFacilityAndTheMomentAsAnIsoInstant() {
        assertThat(signed().facilityCode()).isEqualTo("VN001");
        assertThat(signed().timestamp()).isEqualTo("2026-03-04T05:06:07.123Z");
    }

    @Test
    void anotherMethodPathOrQueryIsRefused() {
        assertThat(SignedRequests.verify("GET", "/api/v1/network/enrolments?x=1", signed(), body, bank.getPublic()))
                .isFalse();
        assertThat(SignedRequests.verify("POST", "/api/v1/network/messages?x=1", signed(), body, bank.getPublic()))
                .isFalse();
        assertThat(SignedRequests.verify("POST", "/api/v1/network/enrolments?x=2", signed(), body, bank.getPublic()))
                .isFalse();
    }

    @Test
    void aChangedBodyIsRefused() {
        byte[] changed = "{\"code\": \"ABCE\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(SignedRequests.verify("POST", "/api/v1/network/enrolments?x=1", signed(), changed, bank.getPublic()))
                .isFalse();
    }

    @Test
    void anotherFacilityOrMomentIsRefused() {
        SignedRequests.Headers s = signed();
        SignedRequests.Headers otherBank = new SignedRequests.Headers("LA001", s.timestamp(), s.signature());
        SignedRequests.Headers later =
                new SignedRequests.Headers(s.facilityCode(), "2026-03-04T05:06:08.123Z", s.signature());

        assertThat(SignedRequests.verify("POST", "/api/v1/network/enrolments?x=1", otherBank, body, bank.getPublic()))
                .isFalse();
        assertThat(SignedRequests.verify("POST", "/api/v1/network/enrolments?x=1", later, body, bank.getPublic()))
                .isFalse();
    }

    @Test
    void anotherKeysSignatureIsRefused() {
        SignedRequests.Headers forged = SignedRequests.sign(
                "POST",
                "/api/v1/network/enrolments?x=1",
                "VN001",
                at,
                body,
                BatchSignatures.newKeyPair().getPrivate());

        assertThat(SignedRequests.verify("POST", "/api/v1/network/enrolments?x=1", forged, body, bank.getPublic()))
                .isFalse();
    }

    @Test
    void aGetWithNoBodySignsTheDigestOfNoBytes() {
        SignedRequests.Headers get = SignedRequests.sign(
                "get", "/api/v1/network/messages?after=0&limit=100", "VN001", at, null, bank.getPrivate());

        assertThat(SignedRequests.verify(
                        "GET", "/api/v1/network/messages?after=0&limit=100", get, new byte[0], bank.getPublic()))
                .isTrue();
    }

    @Test
    void aSignatureThatIsNotBase64OrMissingIsRefusedNotThrown() {
        SignedRequests.Headers garbled = new SignedRequests.Headers("VN001", at.toString(), "not base64!");
        SignedRequests.Headers missing = new SignedRequests.Headers("VN001", at.toString(), null);

        assertThat(SignedRequests.verify("POST", "/p", garbled, body, bank.getPublic()))
                .isFalse();
        assertThat(SignedRequests.verify("POST", "/p", missing, body, bank.getPublic()))
                .isFalse();
    }
}
