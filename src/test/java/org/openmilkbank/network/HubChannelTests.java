package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub's messages to banks: signed with the hub's key, each bank fetching its own and those for all, and the
 * bank's inbox keeping each once and handing it to the handler of its kind. This installation plays both: its key
 * signs as the hub, and its inbox receives.
 */
@IntegrationTest
class HubChannelTests {

    @Autowired
    HubMessages messages;

    @Autowired
    NetworkHub hub;

    @Autowired
    BankKey key;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JsonMapper json;

    @Autowired
    java.time.Clock clock;

    @Value("${openmilkbank.facility-code}")
    String facilityCode;

    private final List<InboxMessage> handled = new ArrayList<>();
    private NetworkInbox inbox;

    @BeforeEach
    void registerBanks() {
        if (!hub.isRegistered(facilityCode)) {
            hub.register(facilityCode, "VN", "Hà Nội", 380, key.publicKeyText());
        }
        if (!hub.isRegistered("LA001")) {
            hub.register(
                    "LA001",
                    "LA",
                    "Vientiane",
                    40,
                    BatchSignatures.encode(BatchSignatures.newKeyPair().getPublic()));
        }
        HubMessageHandler recorder = new HubMessageHandler() {
            @Override
            public String kind() {
                return "test-note";
            }

            @Override
            public void handle(InboxMessage message) {
                if (message.payload().path("refuse").asBoolean(false)) {
                    jdbc.sql("insert into network_outbox (sequence, payload, created_at) values (999999, '{}', now())")
                            .update();
                    throw new RuleViolation("network.bank.taken", "X");
                }
                handled.add(message);
            }
        };
        inbox = new NetworkInbox(jdbc, transactions, json, clock, facilityCode, List.of(recorder));
    }

    private long publish(Map<String, ?> fields, Optional<String> to) {
        return new TransactionTemplate(transactions).execute(s -> messages.publish("test-note", fields, to));
    }

    @Test
    void aBankFetchesItsOwnMessagesAndThoseForAllButNotAnotherBanks() {
        long mine = publish(Map.of("n", 1), Optional.of(facilityCode));
        long theirs = publish(Map.of("n", 2), Optional.of("LA001"));
        long all = publish(Map.of("n", 3), Optional.empty());

        List<Long> fetched = messages.since(facilityCode, mine - 1, 100).stream()
                .map(SignedBatch::sequence)
                .toList();
        assertThat(fetched).containsExactly(mine, all).doesNotContain(theirs);
        assertThat(messages.since("LA001", mine - 1, 100).stream().map(SignedBatch::sequence))
                .containsExactly(theirs, all);
    }

    @Test
    void theInboxKeepsEachMessageOnceAndHandsItToItsHandler() {
        long n = publish(Map.of("note", "hello"), Optional.of(facilityCode));
        SignedBatch message = messages.since(facilityCode, n - 1, 1).get(0);

        assertThat(inbox.deliver(message, BatchSignatures.publicKey(key.publicKeyText())))
                .isEqualTo(NetworkInbox.Delivery.HANDLED);
        assertThat(inbox.deliver(message, BatchSignatures.publicKey(key.publicKeyText())))
                .isEqualTo(NetworkInbox.Delivery.ALREADY_HELD);

        assertThat(handled).singleElement().satisfies(m -> {
            assertThat(m.sequence()).isEqualTo(n);
            assertThat(m.payload().path("note").asText()).isEqualTo("hello");
        });
        assertThat(inbox.lastSequence()).isGreaterThanOrEqualTo(n);
        assertThat(inbox.entries(new PageRequest(1, 50)).items()).anySatisfy(e -> {
            assertThat(e.sequence()).isEqualTo(n);
            assertThat(e.handledAt()).isNotNull();
        });
    }

    @Test
    void aMessageNotSignedByTheHubOrForAnotherBankIsNotKept() {
        long n = publish(Map.of("note", "x"), Optional.of(facilityCode));
        SignedBatch message = messages.since(facilityCode, n - 1, 1).get(0);
        KeyPair stranger = BatchSignatures.newKeyPair();

        assertThat(inbox.deliver(message, stranger.getPublic())).isEqualTo(NetworkInbox.Delivery.REJECTED);
        SignedBatch tampered = new SignedBatch(
                message.facilityCode(),
                message.sequence(),
                message.createdAt(),
                message.payload().replace("\"x\"", "\"y\""),
                message.sha256(),
                message.signature());
        assertThat(inbox.deliver(tampered, BatchSignatures.publicKey(key.publicKeyText())))
                .isEqualTo(NetworkInbox.Delivery.REJECTED);

        long other = publish(Map.of("note", "x"), Optional.of("LA001"));
        SignedBatch forLaos = messages.since("LA001", other - 1, 1).get(0);
        assertThat(inbox.deliver(forLaos, BatchSignatures.publicKey(key.publicKeyText())))
                .isEqualTo(NetworkInbox.Delivery.REJECTED);
        assertThat(handled).isEmpty();
        assertThat(inbox.entries(new PageRequest(1, 200)).items())
                .noneMatch(e -> e.sequence() == n || e.sequence() == other);
    }

    @Test
    void aRefusedMessageIsKeptWithItsRefusalAndNothingOfItsHandling() {
        long n = publish(Map.of("refuse", true), Optional.of(facilityCode));
        SignedBatch message = messages.since(facilityCode, n - 1, 1).get(0);

        assertThat(inbox.deliver(message, BatchSignatures.publicKey(key.publicKeyText())))
                .isEqualTo(NetworkInbox.Delivery.REFUSED);

        assertThat(inbox.entries(new PageRequest(1, 200)).items()).anySatisfy(e -> {
            assertThat(e.sequence()).isEqualTo(n);
            assertThat(e.handledAt()).isNull();
            assertThat(e.outcome())
                    .singleElement()
                    .satisfies(s -> assertThat(s.key()).isEqualTo("network.bank.taken"));
        });
        assertThat(jdbc.sql("select count(*) from network_outbox where sequence = 999999")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
