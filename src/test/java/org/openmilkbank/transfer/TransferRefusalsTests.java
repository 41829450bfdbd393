package org.openmilkbank.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.network.BankKey;
import org.openmilkbank.network.BatchSignatures;
import org.openmilkbank.network.HubMessages;
import org.openmilkbank.network.NetworkHub;
import org.openmilkbank.network.NetworkInbox;
import org.openmilkbank.network.SignedBatch;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Bad input to transfers is refused with its reason (422, 404, 403), never a 500, and changes nothing. */
@IntegrationTest
class TransferRefusalsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    HubMessages messages;

    @Autowired
    NetworkInbox inbox;

    @Autowired
    NetworkHub hub;

    @Autowired
    BankKey key;

    @Autowired
    HubTransfers hubTransfers;

    @Autowired
    Transfers transfers;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JsonMapper json;

    @Value("${openmilkbank.facility-code}")
    String facilityCode;

    String manager;

    @BeforeEach
    void manager() {
        manager = Staff.create(identity, Role.MANAGER);
        if (!hub.isRegistered(facilityCode)) {
            hub.register(facilityCode, "VN", "Hà Nội", 380, key.publicKeyText());
        }
    }

    private int post(String path, Map<String, ?> body, String user) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body))
                        .with(httpBasic(user, Staff.PASSWORD)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private UUID draft() throws Exception {
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/network/transfers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("destination", "Z0001")))
                        .with(httpBasic(manager, Staff.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return UUID.fromString(json.readTree(body).path("id").asText());
    }

    @Test
    void refusesADestinationThatIsNoFacilityCodeOrThisBank() throws Exception {
        assertThat(post("/api/v1/network/transfers", Map.of("destination", "x!"), manager))
                .isEqualTo(422);
        assertThat(post("/api/v1/network/transfers", Map.of("destination", facilityCode), manager))
                .isEqualTo(422);
        assertThat(post("/api/v1/network/transfers", Map.of("destination", ""), manager))
                .isIn(400, 422);
    }

    @Test
    void refusesAnUnknownDinABottleNotInStockAnEmptyDispatchAndAnUnknownTransfer() throws Exception {
        UUID id = draft();
        assertThat(post("/api/v1/network/transfers/" + id + "/bottles", Map.of("din", "not-a-din"), manager))
                .isEqualTo(422);
        assertThat(post(
                        "/api/v1/network/transfers/" + id + "/bottles",
                        Map.of("din", Din.of(facilityCode, 26, 987_654).withCheck()),
                        manager))
                .isEqualTo(422);
        assertThat(post(
                        "/api/v1/network/transfers/" + id + "/dispatch",
                        Map.of("reason", "Shortage", "packedBy", "Lan"),
                        manager))
                .isEqualTo(422);
        assertThat(post(
                        "/api/v1/network/transfers/" + id + "/arrivals",
                        Map.of("din", Din.of(facilityCode, 26, 987_654).withCheck(), "temperatureC", -20),
                        manager))
                .isEqualTo(422);
        assertThat(mvc.perform(get("/api/v1/network/transfers/" + UUID.randomUUID())
                                .with(httpBasic(manager, Staff.PASSWORD)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void onlyAManagerSendsMilk() throws Exception {
        String nurse = Staff.create(identity, Role.NURSE);
        String dispenser = Staff.create(identity, Role.DISPENSER);
        assertThat(post("/api/v1/network/transfers", Map.of("destination", "Z0001"), nurse))
                .isEqualTo(403);
        assertThat(post("/api/v1/network/transfers", Map.of("destination", "Z0001"), dispenser))
                .isEqualTo(403);
    }

    @Test
    void theHubRefusesATransferToABankItDoesNotKnow() {
        var payload = json.readTree(json.writeValueAsString(Map.of(
                "kind", "transfer",
                "transfer", UUID.randomUUID().toString(),
                "destination", "Q9999",
                "dispatchedAt", "2026-03-04T03:00:00Z",
                "bottles", List.of(Map.of("din", Din.of(facilityCode, 26, 1).withCheck())))));
        assertThatThrownBy(() -> new TransactionTemplate(transactions)
                        .executeWithoutResult(s -> hubTransfers.transfer(facilityCode, 1, payload)))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("transfer.hub.destinationUnknown");
    }

    @Test
    void aTransferAnnouncedTwiceIsKeptOnce() {
        UUID transfer = UUID.randomUUID();
        Map<String, Object> fields = Map.of(
                "from",
                "Z0002",
                "transfer",
                transfer.toString(),
                "dispatchedAt",
                "2026-03-04T03:00:00Z",
                "bottles",
                List.of(Map.of(
                        "din",
                        Din.of("Z0002", 26, 5).withCheck(),
                        "volumeMl",
                        100,
                        "expiresOn",
                        "2027-01-01",
                        "frozen",
                        true)));
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long first = tx.execute(s -> messages.publish("transfer", fields, Optional.of(facilityCode)));
        long second = tx.execute(s -> messages.publish("transfer", fields, Optional.of(facilityCode)));
        var hubKey = BatchSignatures.publicKey(key.publicKeyText());
        SignedBatch one = messages.since(facilityCode, first - 1, 1).get(0);
        SignedBatch two = messages.since(facilityCode, second - 1, 1).get(0);

        assertThat(inbox.deliver(one, hubKey)).isEqualTo(NetworkInbox.Delivery.HANDLED);
        assertThat(inbox.deliver(two, hubKey)).isEqualTo(NetworkInbox.Delivery.REFUSED);
        TransferView kept = transfers.find(transfer);
        assertThat(kept.direction()).isEqualTo(TransferDirection.IN);
        assertThat(kept.state()).isEqualTo(TransferState.AWAITING);
        assertThat(kept.bottles()).hasSize(1);
    }
}
