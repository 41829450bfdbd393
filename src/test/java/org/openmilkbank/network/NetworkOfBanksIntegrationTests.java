package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.Holds;
import org.openmilkbank.traceability.RecallCase;
import org.openmilkbank.traceability.RecallSource;
import org.openmilkbank.traceability.Recalls;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * A hub and three banks, each its own application and database on a loopback port, as the "done when" asks:
 * the banks enrol by exchanging keys with one-time codes, each sends a month of its own milk's indicators over HTTP,
 * the coordinator benchmarks them and sees who is short, the hub publishes an emergency addendum that one bank adopts
 * (and the coordinator sees who did), and one bank transfers bottles to another with a recall at the source that
 * follows them. Everything moves through each bank's own sync (its outbox to the hub, the hub's messages back), as in
 * production, never through a back door.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkOfBanksIntegrationTests {

    static Installations network;
    static Installation hub;
    static Installation hanoi;
    static Installation vientiane;
    static Installation danang;
    static String coordinator;
    static final Map<String, String> managers = new LinkedHashMap<>();
    static YearMonth month;

    @BeforeAll
    static void start() {
        network = Installations.start(
                Installations.hub("H0001"),
                Installations.bank("V0001"),
                Installations.bank("L0001"),
                Installations.bank("D0002"));
        hub = network.get("H0001");
        hanoi = network.get("V0001");
        vientiane = network.get("L0001");
        danang = network.get("D0002");
        coordinator = hub.staff(Role.NETWORK_COORDINATOR);
        for (Installation bank : banks()) {
            managers.put(bank.facilityCode(), bank.staff(Role.MANAGER));
        }
        month = YearMonth.now(ZoneId.systemDefault());
    }

    @AfterAll
    static void stop() {
        if (network != null) {
            network.close();
        }
    }

    static List<Installation> banks() {
        return List.of(hanoi, vientiane, danang);
    }

    static JsonNode post(Installation at, String user, String path, Object body) {
        return at.api(user)
                .post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(JsonNode.class);
    }

    static JsonNode get(Installation at, String user, String path) {
        return at.api(user).get().uri(path).retrieve().body(JsonNode.class);
    }

    /** Each bank syncs with the hub (its outbox out, the hub's messages in) until nothing moves. */
    static void syncAll() {
        for (int round = 0; round < 10; round++) {
            int moved = 0;
            for (Installation bank : banks()) {
                JsonNode result = post(bank, managers.get(bank.facilityCode()), "/api/v1/network/sync", Map.of());
                assertThat(result.path("failure").isMissingNode()
                                || result.path("failure").isNull())
                        .as("%s synced: %s", bank.facilityCode(), result)
                        .isTrue();
                moved += result.path("sent").asInt() + result.path("fetched").asInt();
            }
            if (moved == 0) {
                return;
            }
        }
        throw new AssertionError("the network did not settle");
    }

    @Test
    @Order(0)
    void the_installations_started_side_by_side_left_one_logging_configuration_not_four() {
        // Logback's context is the JVM's; starts that configured it at the same time each attached their own console
        // appender (every line printed four times) or aborted a start with a configuration error
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<String> appenders = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(a -> appenders.add(a.getName()));
        assertThat(appenders).doesNotHaveDuplicates().contains("CONSOLE");
    }

    @Test
    @Order(1)
    void theBanksEnrolWithOneTimeCodesAndShareAMonthThatTheCoordinatorBenchmarks() {
        Map<String, String[]> places = Map.of(
                "V0001", new String[] {"VN", "Hà Nội"},
                "L0001", new String[] {"LA", "Vientiane"},
                "D0002", new String[] {"VN", "Đà Nẵng"});
        for (Installation bank : banks()) {
            String[] place = places.get(bank.facilityCode());
            JsonNode issued = post(
                    hub,
                    coordinator,
                    "/api/v1/hub/banks",
                    Map.of(
                            "facilityCode",
                            bank.facilityCode(),
                            "country",
                            place[0],
                            "region",
                            place[1],
                            "sizeLitresPerMonth",
                            300));
            String code = issued.path("code").asText();
            assertThat(code).isNotBlank();
            JsonNode link = post(
                    bank,
                    managers.get(bank.facilityCode()),
                    "/api/v1/network/enrolment",
                    Map.of("hubUrl", hub.uri().toString(), "code", code));
            assertThat(link.path("hubPublicKey").asText())
                    .isEqualTo(hub.bean(BankKey.class).publicKeyText());
            // a code works once
            assertThatThrownBy(() -> post(
                            bank,
                            managers.get(bank.facilityCode()),
                            "/api/v1/network/enrolment",
                            Map.of("hubUrl", hub.uri().toString(), "code", code)))
                    .isInstanceOf(org.springframework.web.client.HttpClientErrorException.class);
        }
        // Hà Nội agrees to be named to its peers and to share its events; the others stay anonymous
        post(
                hanoi,
                managers.get("V0001"),
                "/api/v1/network/sharing",
                Map.of("sharesEvents", true, "named", true, "reason", "Agreed by the hospital board"));

        // a month of each bank's own milk: Hà Nội the most, Vientiane the least
        Map<String, Integer> pools = Map.of("V0001", 3, "L0001", 1, "D0002", 2);
        for (Installation bank : banks()) {
            DispensingFixtures milk = new DispensingFixtures(bank.context());
            for (int i = 0; i < pools.get(bank.facilityCode()); i++) {
                milk.released(milk.containers(3, milk.eligibleDonor()), 2);
            }
            post(
                    bank,
                    managers.get(bank.facilityCode()),
                    "/api/v1/network/indicators",
                    Map.of("month", month.toString()));
        }
        syncAll();

        for (Installation bank : banks()) {
            JsonNode outbox = get(bank, managers.get(bank.facilityCode()), "/api/v1/network/outbox");
            assertThat(outbox.path("items"))
                    .allSatisfy(e -> assertThat(e.path("sentAt").isNull())
                            .as("every entry left %s", bank.facilityCode())
                            .isFalse());
        }
        // only the bank that agreed shared unit-level events
        assertThat(hub.bean(UnitEvents.class).countsByType("V0001", month)).isNotEmpty();
        assertThat(hub.bean(UnitEvents.class).countsByType("L0001", month)).isEmpty();

        JsonNode benchmark = get(hub, coordinator, "/api/v1/hub/benchmarks?indicator=VOLUME_RECEIVED&month=" + month);
        List<String> ranked = new ArrayList<>();
        benchmark.path("banks").forEach(b -> ranked.add(b.path("facilityCode").asText()));
        assertThat(ranked).containsExactly("V0001", "D0002", "L0001");

        // a bank sees itself against its peers: the one that agreed by name, the other by a number only
        JsonNode seen = get(
                vientiane,
                managers.get("L0001"),
                "/api/v1/network/our-benchmarks?indicator=VOLUME_RECEIVED&month=" + month);
        assertThat(seen.path("self").path("facilityCode").asText()).isEqualTo("L0001");
        assertThat(seen.toString()).contains("V0001").doesNotContain("D0002");

        JsonNode overview = get(hub, coordinator, "/api/v1/hub/overview");
        assertThat(overview.path("month").asText()).isEqualTo(month.toString());
        assertThat(overview.path("leaders")).anySatisfy(l -> {
            assertThat(l.path("indicator").asText()).isEqualTo("VOLUME_RECEIVED");
            assertThat(l.path("facilityCode").asText()).isEqualTo("V0001");
            assertThat(l.path("tied").asInt())
                    .as("Hà Nội alone received the most")
                    .isEqualTo(1);
        });
    }

    @Test
    @Order(2)
    void aBankShortOfMilkIsSeenByTheCoordinatorAndAlertsEveryBank() {
        post(
                vientiane,
                managers.get("L0001"),
                "/api/v1/network/exchange/shortage",
                Map.of("declared", true, "reason", "Two donors stopped at once"));
        syncAll();

        JsonNode overview = get(hub, coordinator, "/api/v1/hub/overview");
        List<String> shortNow = new ArrayList<>();
        overview.path("shortages")
                .forEach(s -> shortNow.add(s.path("facilityCode").asText()));
        assertThat(shortNow).contains("L0001").doesNotContain("V0001");
        JsonNode alerts = get(hanoi, managers.get("V0001"), "/api/v1/network/exchange/alerts");
        assertThat(alerts)
                .anySatisfy(a -> assertThat(a.path("facilityCode").asText()).isEqualTo("L0001"));
    }

    @Test
    @Order(3)
    void theHubPublishesAnAddendumThatOneBankAdoptsAndTheCoordinatorSeesWho() {
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("code", "FEVER_14");
        question.put("textEn", "Have you had a fever in the last 14 days?");
        question.put("answerType", "YES_NO");
        question.put("deferWhen", "YES");
        question.put("category", "ILLNESS");
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("code", "PATHOGEN-X");
        draft.put("titleEn", "Pathogen X: exposure and fever");
        draft.put("source", "Network notice 2026/12");
        draft.put("pauseDays", 14);
        draft.put("suspendsRecruitment", false);
        draft.put("questions", List.of(question));
        JsonNode drafted = post(hub, coordinator, "/api/v1/hub/addenda", draft);
        String id = drafted.path("id").asText();
        post(hub, coordinator, "/api/v1/hub/addenda/" + id + "/publish", Map.of());
        syncAll();

        JsonNode offered = get(danang, managers.get("D0002"), "/api/v1/network/addenda");
        assertThat(offered.path("items"))
                .anySatisfy(o -> assertThat(o.path("code").asText()).isEqualTo("PATHOGEN-X"));
        JsonNode adopted = post(
                danang,
                managers.get("D0002"),
                "/api/v1/network/addenda/PATHOGEN-X/1/adoption",
                Map.of("confirmed", true, "note", "Adopted the day it came"));
        assertThat(adopted.path("adoptedAt").isNull()).isFalse();
        syncAll();

        JsonNode latest = get(hub, coordinator, "/api/v1/hub/overview").path("latestAddendum");
        assertThat(latest.path("addendum").path("code").asText()).isEqualTo("PATHOGEN-X");
        Map<String, Boolean> who = new LinkedHashMap<>();
        latest.path("banks")
                .forEach(b -> who.put(
                        b.path("facilityCode").asText(), !b.path("adoptedAt").isNull()));
        assertThat(who)
                .containsEntry("D0002", true)
                .containsEntry("V0001", false)
                .containsEntry("L0001", false);
    }

    @Test
    @Order(4)
    void bottlesTransferredToAnotherBankAreHeldThereWhenTheSourceRecallsTheirDonor() {
        DispensingFixtures atSource = new DispensingFixtures(hanoi.context());
        DonorView donor = atSource.eligibleDonor();
        List<BottleView> bottles =
                atSource.released(atSource.containers(3, donor), 2).bottles();
        String manager = managers.get("V0001");
        JsonNode transfer = post(
                hanoi, manager, "/api/v1/network/transfers", Map.of("destination", "L0001", "reference", "Shortage"));
        String id = transfer.path("id").asText();
        for (BottleView b : bottles) {
            post(
                    hanoi,
                    manager,
                    "/api/v1/network/transfers/" + id + "/bottles",
                    Map.of("din", Din.parse(b.din()).withCheck()));
        }
        post(
                hanoi,
                manager,
                "/api/v1/network/transfers/" + id + "/dispatch",
                Map.of("reason", "Vientiane is short", "packedBy", "Lan"));
        syncAll();

        String dispenser = vientiane.staff(Role.DISPENSER);
        for (BottleView b : bottles) {
            post(
                    vientiane,
                    dispenser,
                    "/api/v1/network/transfers/" + id + "/arrivals",
                    Map.of("din", Din.parse(b.din()).withCheck(), "temperatureC", -22));
        }
        Inventory stock = vientiane.bean(Inventory.class);
        BottleView fed =
                stock.findByDin(Din.parse(bottles.get(0).din()).value()).orElseThrow();
        BottleView kept =
                stock.findByDin(Din.parse(bottles.get(1).din()).value()).orElseThrow();
        assertThat(fed.sourceFacility()).isEqualTo("V0001");
        DispensingFixtures atDestination = new DispensingFixtures(vientiane.context());
        InfantView infant = atDestination.infantWithConsent();
        atDestination.dispense(infant, fed);
        syncAll();

        // the source recalls the donor's milk; the recall follows the bottles to Vientiane
        Staff.as(
                manager,
                Role.MANAGER,
                () -> hanoi.bean(Recalls.class).open(RecallSource.donor(donor.code()), "Late positive serology"));
        assertThat(hanoi.bean(Inventory.class)
                        .find(bottles.get(1).id())
                        .orElseThrow()
                        .state())
                .isEqualTo(BottleState.TRANSFERRED);
        syncAll();

        assertThat(vientiane.bean(Holds.class).activeOn(kept.id()))
                .anySatisfy(h -> assertThat(h.kind()).isEqualTo(HoldKind.NETWORK_RECALL));
        InfantView another = atDestination.infantWithConsent();
        assertThatThrownBy(() -> atDestination.dispense(another, kept)).isInstanceOf(RuleViolation.class);
        RecallCase[] local = new RecallCase[1];
        Staff.as("manager-l", Role.MANAGER, () -> {
            Recalls recalls = vientiane.bean(Recalls.class);
            local[0] = recalls.find(recalls.list().get(0).code());
        });
        assertThat(local[0].source().kind()).isEqualTo(RecallSource.Kind.NETWORK);
        assertThat(local[0].infants())
                .anySatisfy(i -> assertThat(i.infantCode()).isEqualTo(infant.infantCode()));
        // the coordinator sees the transfer between the two banks
        JsonNode transfers = get(hub, coordinator, "/api/v1/hub/transfers");
        assertThat(transfers.toString()).contains("V0001").contains("L0001");
    }
}
