package org.openmilkbank.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.Installations;
import org.openmilkbank.support.Installations.Installation;
import org.openmilkbank.support.Staff;
import org.openmilkbank.traceability.GateUse;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.Holds;
import org.openmilkbank.traceability.Lineage;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkGate;
import org.openmilkbank.traceability.RecallCase;
import org.openmilkbank.traceability.RecallSource;
import org.openmilkbank.traceability.Recalls;
import org.openmilkbank.traceability.Traceability;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Two banks of a network, each its own application and database: the hub (also the source bank, A0001) transfers
 * three released bottles to bank B0002 through the hub; one arrives too warm and is discarded, one is dispensed to an
 * infant there; the trace at B0002 names the source and its donor references; a recall of one donor's milk at the
 * source follows the bottles to B0002, which holds them, refuses them at its gate and names the infant who was fed.
 */
class TransferIntegrationTests {

    static Installations network;
    static Installation source;
    static Installation destination;

    @BeforeAll
    static void start() {
        network = Installations.start(Installations.hub("A0001"), Installations.bank("B0002"));
        source = network.get("A0001");
        destination = network.get("B0002");
        network.enrol(source, source, destination);
    }

    @AfterAll
    static void stop() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void transfersBottlesWithARecallThatFollowsThem() {
        DispensingFixtures atSource = new DispensingFixtures(source.context());
        DonorView recalled = atSource.eligibleDonor();
        DonorView other = atSource.eligibleDonor();
        List<BottleView> ofRecalled =
                atSource.released(atSource.containers(3, recalled), 2).bottles();
        List<BottleView> ofOther =
                atSource.released(atSource.containers(3, other), 2).bottles();
        BottleView fed = ofRecalled.get(0);
        BottleView kept = ofRecalled.get(1);
        BottleView warm = ofOther.get(0);

        String manager = source.staff(Role.MANAGER);
        TransferView draft = post(
                source, manager, "/api/v1/network/transfers", Map.of("destination", "B0002", "reference", "REQ-7"));
        for (BottleView b : List.of(fed, kept, warm)) {
            post(
                    source,
                    manager,
                    "/api/v1/network/transfers/" + draft.id() + "/bottles",
                    Map.of("din", Din.parse(b.din()).withCheck()));
        }
        // a bottle scanned by mistake is taken out again, with the reason
        BottleView extra = ofOther.get(1);
        post(
                source,
                manager,
                "/api/v1/network/transfers/" + draft.id() + "/bottles",
                Map.of("din", Din.parse(extra.din()).withCheck()));
        TransferView packed = post(
                source,
                manager,
                "/api/v1/network/transfers/" + draft.id() + "/removals",
                Map.of("din", Din.parse(extra.din()).withCheck(), "reason", "Scanned by mistake"));
        assertThat(packed.bottles()).hasSize(3);
        // a bottle not in stock is refused, changing nothing
        assertThat(status(
                        source,
                        manager,
                        "/api/v1/network/transfers/" + draft.id() + "/bottles",
                        Map.of("din", Din.of("A0001", 26, 999_999).withCheck())))
                .isEqualTo(422);
        TransferView sent = post(
                source,
                manager,
                "/api/v1/network/transfers/" + draft.id() + "/dispatch",
                Map.of("reason", "Shortage at B0002", "packedBy", "Lan"));
        assertThat(sent.state()).isEqualTo(TransferState.DISPATCHED);
        assertThat(sent.bottles()).allSatisfy(b -> {
            assertThat(b.manifest().donors()).isNotEmpty();
            assertThat(b.manifest().pools()).isNotEmpty();
        });
        Inventory sourceStock = source.bean(Inventory.class);
        assertThat(sourceStock.find(fed.id()).orElseThrow().state()).isEqualTo(BottleState.TRANSFERRED);
        assertThat(sourceStock.find(extra.id()).orElseThrow().state()).isEqualTo(BottleState.RELEASED);
        // they cannot be dispensed at the source any more
        InfantView sourceInfant = atSource.infantWithConsent();
        assertThatThrownBy(() -> atSource.dispense(sourceInfant, kept)).isInstanceOf(RuleViolation.class);

        network.sync(source, source, destination);

        String dispenser = destination.staff(Role.DISPENSER);
        TransferView incoming = get(destination, dispenser, "/api/v1/network/transfers/" + draft.id());
        assertThat(incoming.direction()).isEqualTo(TransferDirection.IN);
        assertThat(incoming.peer()).isEqualTo("A0001");
        assertThat(incoming.state()).isEqualTo(TransferState.AWAITING);
        assertThat(incoming.bottles()).hasSize(3);

        String arrivals = "/api/v1/network/transfers/" + draft.id() + "/arrivals";
        // a DIN not in the manifest is refused
        assertThat(status(
                        destination,
                        dispenser,
                        arrivals,
                        Map.of("din", Din.of("A0001", 26, 999_998).withCheck(), "temperatureC", -25)))
                .isEqualTo(422);
        post(
                destination,
                dispenser,
                arrivals,
                Map.of("din", Din.parse(fed.din()).withCheck(), "temperatureC", -24));
        post(
                destination,
                dispenser,
                arrivals,
                Map.of("din", Din.parse(kept.din()).withCheck(), "temperatureC", -22));
        TransferView arrived = post(
                destination,
                dispenser,
                arrivals,
                Map.of("din", Din.parse(warm.din()).withCheck(), "temperatureC", -2));
        // the same bottle twice is refused
        assertThat(status(
                        destination,
                        dispenser,
                        arrivals,
                        Map.of("din", Din.parse(warm.din()).withCheck(), "temperatureC", -25)))
                .isEqualTo(422);
        assertThat(arrived.state()).isEqualTo(TransferState.ARRIVED);
        assertThat(arrived.count(ArrivalOutcome.ACCEPTED)).isEqualTo(2);
        assertThat(arrived.bottles())
                .filteredOn(b -> b.din().equals(Din.parse(warm.din()).withCheck()))
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.outcome()).isEqualTo(ArrivalOutcome.DISCARDED);
                    assertThat(b.outcomeCode()).isEqualTo(ArrivalRule.TOO_WARM);
                });
        Inventory stock = destination.bean(Inventory.class);
        BottleView fedThere = stock.findByDin(Din.parse(fed.din()).value()).orElseThrow();
        assertThat(fedThere.state()).isEqualTo(BottleState.RELEASED);
        assertThat(fedThere.sourceFacility()).isEqualTo("A0001");
        assertThat(fedThere.transferId()).isEqualTo(draft.id());
        assertThat(stock.findByDin(Din.parse(warm.din()).value()).orElseThrow().state())
                .isEqualTo(BottleState.DISCARDED);

        DispensingFixtures atDestination = new DispensingFixtures(destination.context());
        InfantView infant = atDestination.infantWithConsent();
        atDestination.dispense(infant, fedThere);

        // the trace at the destination names the source bank, the transfer and the source's donor references
        Lineage[] lineage = new Lineage[1];
        Staff.as(
                "manager-b",
                Role.MANAGER,
                () -> lineage[0] = destination.bean(Traceability.class).lineage(fedThere.din()));
        assertThat(lineage[0].events()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(MilkEventType.TRANSFER_RECEIVED);
            assertThat(e.data()).containsEntry("from", "A0001");
            assertThat(e.data().get("sourceDonors").toString()).contains(recalled.code());
        });

        network.sync(source, source, destination);
        TransferView atSourceNow = get(source, manager, "/api/v1/network/transfers/" + draft.id());
        assertThat(atSourceNow.state()).isEqualTo(TransferState.RECEIVED);
        assertThat(atSourceNow.count(ArrivalOutcome.DISCARDED)).isEqualTo(1);

        // the source recalls the donor's milk: the recall follows it to the destination
        Staff.as(
                manager,
                Role.MANAGER,
                () -> source.bean(Recalls.class).open(RecallSource.donor(recalled.code()), "Late positive serology"));
        network.sync(source, source, destination);

        BottleView keptThere = stock.findByDin(Din.parse(kept.din()).value()).orElseThrow();
        assertThat(destination.bean(Holds.class).activeOn(keptThere.id()))
                .anySatisfy(h -> assertThat(h.kind()).isEqualTo(HoldKind.NETWORK_RECALL));
        TransactionTemplate tx = new TransactionTemplate(destination.bean(PlatformTransactionManager.class));
        assertThatThrownBy(() -> tx.executeWithoutResult(
                        s -> destination.bean(MilkGate.class).require(keptThere.id(), GateUse.DISPENSE, Instant.now())))
                .isInstanceOf(RuleViolation.class);
        InfantView another = atDestination.infantWithConsent();
        assertThatThrownBy(() -> atDestination.dispense(another, keptThere)).isInstanceOf(RuleViolation.class);

        RecallCase[] local = new RecallCase[1];
        Staff.as("manager-b", Role.MANAGER, () -> {
            Recalls recalls = destination.bean(Recalls.class);
            String code = recalls.list().get(0).code();
            local[0] = recalls.find(code);
        });
        assertThat(local[0].source().kind()).isEqualTo(RecallSource.Kind.NETWORK);
        assertThat(local[0].infants())
                .anySatisfy(i -> assertThat(i.infantCode()).isEqualTo(infant.infantCode()));
        TransferView recalledThere = get(destination, dispenser, "/api/v1/network/transfers/" + draft.id());
        assertThat(recalledThere.bottles())
                .filteredOn(TransferView.Bottle::recalled)
                .extracting(TransferView.Bottle::din)
                .containsExactlyInAnyOrder(
                        Din.parse(fed.din()).withCheck(), Din.parse(kept.din()).withCheck());
        // the other donor's milk is untouched
        BottleView warmThere = stock.findByDin(Din.parse(warm.din()).value()).orElseThrow();
        assertThat(destination.bean(Holds.class).activeOn(warmThere.id()))
                .noneSatisfy(h -> assertThat(h.kind()).isEqualTo(HoldKind.NETWORK_RECALL));
    }

    private static TransferView post(Installation at, String user, String path, Map<String, ?> body) {
        return at.api(user)
                .post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(TransferView.class);
    }

    private static TransferView get(Installation at, String user, String path) {
        return at.api(user).get().uri(path).retrieve().body(TransferView.class);
    }

    private static int status(Installation at, String user, String path, Map<String, ?> body) {
        try {
            at.api(user)
                    .post()
                    .uri(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .toBodilessEntity();
            return 200;
        } catch (HttpClientErrorException e) {
            HttpStatusCode code = e.getStatusCode();
            return code.value();
        }
    }
}
