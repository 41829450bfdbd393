package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contingency end to end in one application that plays the hub and this bank: another bank's batches are signed
 * with its own key and taken by the hub's intake; this bank's outbox goes to the same intake signed with its key; the
 * hub's messages come back through this bank's inbox.
 */
@IntegrationTest
class ContingencyTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    NetworkHub hub;

    @Autowired
    BankKey key;

    @Autowired
    BatchIntake intake;

    @Autowired
    NetworkOutbox outbox;

    @Autowired
    NetworkInbox inbox;

    @Autowired
    HubMessages messages;

    @Autowired
    Forecasts forecasts;

    @Autowired
    ExchangeBoard board;

    @Autowired
    NetworkExchange exchange;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    @Value("${openmilkbank.facility-code}")
    String facilityCode;

    /** Another bank of the network, with its own key and its own numbers. */
    private final class OtherBank {
        final String code;
        final KeyPair pair = BatchSignatures.newKeyPair();
        long sequence;

        OtherBank(String country) {
            code = country + ThreadLocalRandom.current().nextInt(10_000, 99_999);
            hub.register(code, country, "Região " + code, 200, BatchSignatures.encode(pair.getPublic()));
        }

        BatchReceipt send(Map<String, ?> payload) {
            Batch batch = Batch.of(
                    code, ++sequence, Instant.now().truncatedTo(ChronoUnit.MICROS), json.writeValueAsString(payload));
            return intake.receive(BatchSignatures.sign(batch, pair.getPrivate()));
        }

        void month(YearMonth month, double pasteurised, double dispensed, double stock) {
            List<Map<String, Object>> values = new ArrayList<>();
            values.add(value("VOLUME_PASTEURISED", pasteurised));
            values.add(value("VOLUME_DISPENSED", dispensed));
            values.add(value("STOCK_ON_HAND", stock));
            Map<String, Object> nicu = value("VOLUME_DISPENSED", 1);
            nicu.put("breakdown", "NICU");
            values.add(nicu);
            send(Map.of("kind", "indicators", "month", month.toString(), "values", values));
        }
    }

    private static Map<String, Object> value(String code, double v) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("code", code);
        value.put("breakdown", null);
        value.put("value", v);
        value.put("numerator", v);
        value.put("denominator", null);
        return value;
    }

    @BeforeEach
    void registerThisBank() {
        if (!hub.isRegistered(facilityCode)) {
            hub.register(facilityCode, "VN", "Hà Nội", 380, key.publicKeyText());
        }
        flushOutbox();
        deliverAll();
    }

    /** This bank's waiting outbox entries, signed with its key and taken by the hub's intake, in order. */
    private void flushOutbox() {
        for (NetworkOutbox.Entry entry : outbox.pending(1000)) {
            intake.receive(key.sign(Batch.of(facilityCode, entry.sequence(), entry.createdAt(), entry.payload())));
            outbox.markSent(entry.sequence());
        }
    }

    /** The hub's messages for this bank that it does not hold yet, through its inbox. */
    private void deliverAll() {
        var hubKey = BatchSignatures.publicKey(key.publicKeyText());
        for (SignedBatch m : messages.since(facilityCode, inbox.lastSequence(), 1000)) {
            inbox.deliver(m, hubKey);
        }
    }

    private List<JsonNode> published(String kind, String facility) {
        return jdbc
                .sql("select payload_text from network_hub_message where kind = ? and payload ->> 'facilityCode' = ?")
                .params(kind, facility)
                .query(String.class)
                .list()
                .stream()
                .map(json::readTree)
                .toList();
    }

    @Test
    void aBankWhoseMonthsFallBelowTheThresholdIsAlertedOnceAndItsRecoveryToo() {
        OtherBank brazil = new OtherBank("BR");
        for (int m = 1; m <= 3; m++) {
            brazil.month(YearMonth.of(2026, m), 300, 300, 1000);
        }
        assertThat(forecasts.review(brazil.code)).isFalse();
        assertThat(published(Forecasts.SHORTAGE, brazil.code)).isEmpty();

        // April: 20 L left for 10 L a day
        brazil.month(YearMonth.of(2026, 4), 100, 300, 20);
        assertThat(published(Forecasts.SHORTAGE, brazil.code))
                .as("the month's batch itself alerts the network, before any watch runs")
                .hasSize(1);
        assertThat(forecasts.review(brazil.code)).isTrue();
        assertThat(published(Forecasts.SHORTAGE, brazil.code)).singleElement().satisfies(p -> {
            assertThat(p.path("daysOfSupply").decimalValue()).isEqualByComparingTo("2.0");
            assertThat(p.path("country").asText()).isEqualTo("BR");
            assertThat(p.path("to").isNull()).isTrue();
        });
        assertThat(forecasts.shortages()).extracting(Shortage::facilityCode).contains(brazil.code);

        // still short: no second alert
        assertThat(forecasts.review(brazil.code)).isTrue();
        brazil.month(YearMonth.of(2026, 5), 100, 300, 20);
        assertThat(forecasts.review(brazil.code)).isTrue();
        assertThat(published(Forecasts.SHORTAGE, brazil.code)).hasSize(1);
        assertThat(published(Forecasts.SHORTAGE_ENDED, brazil.code)).isEmpty();

        deliverAll();
        assertThat(exchange.alerts()).anySatisfy(a -> {
            assertThat(a.facilityCode()).isEqualTo(brazil.code);
            assertThat(a.shortOfMilk()).isTrue();
        });

        // June: the stock is back; the next month's forecast is above the threshold too
        brazil.month(YearMonth.of(2026, 6), 900, 300, 1000);
        assertThat(forecasts.review(brazil.code)).isFalse();
        assertThat(published(Forecasts.SHORTAGE_ENDED, brazil.code)).hasSize(1);
        assertThat(forecasts.review(brazil.code)).isFalse();
        assertThat(published(Forecasts.SHORTAGE_ENDED, brazil.code)).hasSize(1);
        assertThat(forecasts.shortages()).extracting(Shortage::facilityCode).doesNotContain(brazil.code);

        deliverAll();
        assertThat(exchange.alerts()).extracting(NetworkAlert::facilityCode).doesNotContain(brazil.code);
    }

    @Test
    void eachMonthsBatchIsReviewedAsItArrivesSoTheWatchHasNothingLeftToDecide() {
        OtherBank chile = new OtherBank("CL");
        for (int m = 1; m <= 3; m++) {
            chile.month(YearMonth.of(2026, m), 100, 100, m == 3 ? 1 : 500);
        }

        assertThat(forecasts.isShort(chile.code)).isTrue();
        assertThat(forecasts.reviewChanged()).doesNotContain(chile.code);
        assertThat(published(Forecasts.SHORTAGE, chile.code)).hasSize(1);
    }

    @Test
    void aMonthWhoseContentTheHubRefusedDoesNotFeedTheForecast() {
        OtherBank peru = new OtherBank("PE");
        for (int m = 1; m <= 3; m++) {
            peru.month(YearMonth.of(2026, m), 300, 300, 1000);
        }
        // April would leave 1 L for 10 L a day, but one of its figures is no code: the hub keeps the batch, not its
        // content
        List<Map<String, Object>> values = new ArrayList<>();
        values.add(value("VOLUME_PASTEURISED", 100));
        values.add(value("VOLUME_DISPENSED", 300));
        values.add(value("STOCK_ON_HAND", 1));
        values.add(value("not a code", 1));
        BatchReceipt april = peru.send(Map.of("kind", "indicators", "month", "2026-04", "values", values));
        assertThat(april.status()).isEqualTo(BatchReceipt.Status.CONTENT_REFUSED);

        Forecast forecast = forecasts.forecast(peru.code);
        assertThat(forecast.history())
                .extracting(MonthFigures::month)
                .containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3));
        assertThat(forecast.daysOfSupplyNow()).isEqualByComparingTo("103.3");
        assertThat(forecasts.review(peru.code)).isFalse();
        assertThat(published(Forecasts.SHORTAGE, peru.code)).isEmpty();
    }

    @Test
    void aBankTooNewForItsOwnSeasonsBorrowsItsCountrysOrElseTheNetworks() {
        // two whole years of a bank whose stock falls every December to February
        OtherBank veteran = new OtherBank("XQ");
        for (YearMonth m = YearMonth.of(2024, 1); m.isBefore(YearMonth.of(2026, 1)); m = m.plusMonths(1)) {
            boolean summer = m.getMonthValue() <= 2 || m.getMonthValue() == 12;
            veteran.month(m, summer ? 180 : 300, 300, summer ? 600 : 1000);
        }
        OtherBank neighbour = new OtherBank("XQ");
        OtherBank abroad = new OtherBank("XR");
        for (int m = 9; m <= 11; m++) {
            neighbour.month(YearMonth.of(2025, m), 300, 300, 1000);
            abroad.month(YearMonth.of(2025, m), 300, 300, 1000);
        }

        assertThat(forecasts.forecast(veteran.code).seasonalSource()).isEqualTo(SeasonalSource.OWN);
        Forecast borrowed = forecasts.forecast(neighbour.code);
        assertThat(borrowed.seasonalSource()).isEqualTo(SeasonalSource.COUNTRY);
        assertThat(borrowed.ahead()).first().satisfies(december -> {
            assertThat(december.month()).isEqualTo(YearMonth.of(2025, 12));
            assertThat(december.stockLitres())
                    .as("December's stock below the autumn's, as the country's veteran's is")
                    .isLessThan(java.math.BigDecimal.valueOf(1000));
        });
        assertThat(forecasts.forecast(abroad.code).seasonalSource()).isEqualTo(SeasonalSource.NETWORK);
        assertThat(forecasts.all())
                .filteredOn(
                        f -> List.of(veteran.code, neighbour.code, abroad.code).contains(f.facilityCode()))
                .extracting(Forecast::facilityCode, Forecast::seasonalSource)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(veteran.code, SeasonalSource.OWN),
                        org.assertj.core.groups.Tuple.tuple(neighbour.code, SeasonalSource.COUNTRY),
                        org.assertj.core.groups.Tuple.tuple(abroad.code, SeasonalSource.NETWORK));
    }

    @Test
    void theHubsForecastPagesShowEveryBankAndItsTrend() throws Exception {
        OtherBank laos = new OtherBank("LA");
        for (int m = 1; m <= 4; m++) {
            laos.month(YearMonth.of(2026, m), 50, 60, m == 4 ? 5 : 100);
        }
        forecasts.review(laos.code);
        String coordinator = Staff.create(identity, Role.NETWORK_COORDINATOR);

        String list = mvc.perform(get("/hub/forecasts").with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("data-facility=\"" + laos.code + "\"").contains("data-testid=\"is-short\"");

        String one = mvc.perform(get("/hub/forecasts/" + laos.code).with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(one).contains("class=\"omb-forecast\"").contains("data-testid=\"ahead\"");

        Forecast forecast = forecasts.forecast(laos.code);
        assertThat(forecast.history()).hasSize(4);
        assertThat(forecast.ahead()).hasSize(3);
        assertThat(forecast.status()).isEqualTo(Forecast.Status.FORECAST);

        mvc.perform(get("/hub/forecasts/NOPE").with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isNotFound());
        String manager = Staff.create(identity, Role.MANAGER);
        mvc.perform(get("/hub/forecasts").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/hub/exchange").with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    private String request(int volumeMl, LocalDate neededBy) {
        return """
                {"type":"REQUEST","volumeMl":%d,"productClass":"PRETERM","neededBy":"%s","reason":"NICU full"}
                """.formatted(volumeMl, neededBy);
    }

    @Test
    void aRequestTravelsToTheHubsBoardAndBackToEveryBankAndIsAnsweredMatchedAndWithdrawn() throws Exception {
        String manager = Staff.create(identity, Role.MANAGER);
        LocalDate today = LocalDate.now(clock);
        String body = mvc.perform(post("/api/v1/network/exchange")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request(2000, today.plusDays(10))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID id = UUID.fromString(json.readTree(body).path("id").asText());
        assertThat(outbox.pending(1000)).anySatisfy(e -> assertThat(e.payload()).contains(id.toString()));

        flushOutbox();
        assertThat(board.open()).anySatisfy(e -> {
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.facilityCode()).isEqualTo(facilityCode);
            assertThat(e.volumeMl()).isEqualTo(2000);
        });
        deliverAll();
        assertThat(exchange.board()).extracting(ExchangeEntry::id).contains(id);

        // another bank offers 3 L of the same milk and answers our request
        OtherBank thailand = new OtherBank("TH");
        UUID offer = UUID.randomUUID();
        thailand.send(Map.of(
                "kind",
                "exchange-offer",
                "id",
                offer.toString(),
                "volumeMl",
                3000,
                "productClass",
                "PRETERM",
                "useBefore",
                today.plusDays(20).toString()));
        thailand.send(Map.of(
                "kind",
                "exchange-reply",
                "id",
                UUID.randomUUID().toString(),
                "entryFacility",
                facilityCode,
                "entryId",
                id.toString(),
                "volumeMl",
                2000,
                "note",
                "we can send 2 L"));
        assertThat(board.matches()).anySatisfy(m -> {
            assertThat(m.request().id()).isEqualTo(id);
            assertThat(m.offer().id()).isEqualTo(offer);
        });
        deliverAll();

        String dispenser = Staff.create(identity, Role.DISPENSER);
        String page = mvc.perform(get("/network/exchange").with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("data-id=\"" + offer + "\"")
                .contains(thailand.code)
                .contains("data-id=\"" + id + "\"");
        String ours = mvc.perform(get("/network/exchange/" + id).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(ours)
                .contains("data-testid=\"reply\"")
                .contains("we can send 2 L")
                .contains("withdraw-form");
        String theirs = mvc.perform(get("/network/exchange/" + offer).with(httpBasic(manager, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(theirs).contains("/network/transfers/new?answering=" + offer).contains("reply-form");

        String coordinator = Staff.create(identity, Role.NETWORK_COORDINATOR);
        String hubPage = mvc.perform(get("/hub/exchange").with(httpBasic(coordinator, Staff.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(hubPage).contains("data-request=\"" + id + "\"");

        // withdrawn: it leaves the hub's board and every bank's
        mvc.perform(post("/api/v1/network/exchange/" + id + "/withdrawal")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"covered by the Thai offer\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"));
        flushOutbox();
        assertThat(board.open()).extracting(ExchangeEntry::id).doesNotContain(id);
        assertThat(board.matches()).noneMatch(m -> m.request().id().equals(id));
        deliverAll();
        assertThat(exchange.board()).extracting(ExchangeEntry::id).doesNotContain(id);
        // posted and withdrawn here (the answer is the other bank's, on the hub's board)
        assertThat(exchange.history(id)).hasSize(2);
    }

    @Test
    void badRequestsAreRefusedWithTheirCodesAndChangeNothing() throws Exception {
        String manager = Staff.create(identity, Role.MANAGER);
        LocalDate today = LocalDate.now(clock);
        int posts = exchange.own().size();
        int waiting = outbox.pending(1000).size();

        mvc.perform(post("/api/v1/network/exchange")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request(-5, today.plusDays(3))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0]").value("volumeMl"));
        mvc.perform(post("/api/v1/network/exchange")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request(500, today.minusDays(1))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("network.exchange.neededBy.past"));
        mvc.perform(post("/api/v1/network/exchange")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"OFFER\",\"volumeMl\":500,\"productClass\":\"TERM\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("network.exchange.useBefore.required"));
        mvc.perform(post("/api/v1/network/exchange")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"SWAP\",\"volumeMl\":500,\"productClass\":\"TERM\"}"))
                .andExpect(status().isBadRequest());
        // the page draws the form again with the reason beside the field
        String page = mvc.perform(post("/network/exchange")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf())
                        .param("type", "REQUEST")
                        .param("volumeMl", "-5")
                        .param("productClass", "PRETERM")
                        .param("neededBy", today.plusDays(3).toString()))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("data-testid=\"error-volumeMl\"");
        String past = mvc.perform(post("/network/exchange")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf())
                        .param("type", "REQUEST")
                        .param("volumeMl", "500")
                        .param("productClass", "PRETERM")
                        .param("neededBy", today.minusDays(2).toString()))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(past).contains("data-testid=\"error-neededBy\"");
        assertThat(exchange.own()).hasSize(posts);
        assertThat(outbox.pending(1000)).hasSize(waiting);

        // withdrawn once; the second withdrawal and an amendment are refused and change nothing
        String body = mvc.perform(post("/api/v1/network/exchange")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request(800, today.plusDays(5))))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = json.readTree(body).path("id").asText();
        mvc.perform(post("/api/v1/network/exchange/" + id + "/withdrawal")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"no longer needed\"}"))
                .andExpect(status().isOk());
        int afterWithdrawal = outbox.pending(1000).size();
        mvc.perform(post("/api/v1/network/exchange/" + id + "/withdrawal")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"again\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("network.exchange.withdrawn"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/network/exchange/" + id)
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"volumeMl\":900,\"day\":\"" + today.plusDays(6) + "\",\"reason\":\"more\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("network.exchange.withdrawn"));
        mvc.perform(post("/api/v1/network/exchange/" + id + "/withdrawal")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/network/exchange/" + UUID.randomUUID() + "/withdrawal")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"who\"}"))
                .andExpect(status().isNotFound());
        assertThat(outbox.pending(1000)).hasSize(afterWithdrawal);
        assertThat(exchange.own(UUID.fromString(id)).withdrawnReason()).isEqualTo("no longer needed");
        assertThat(exchange.history(UUID.fromString(id))).hasSize(2);
    }

    @Test
    void anAmendmentChangesThePostWithItsReasonAndTheHubRelaysIt() throws Exception {
        String manager = Staff.create(identity, Role.MANAGER);
        LocalDate today = LocalDate.now(clock);
        ExchangeEntry[] posted = new ExchangeEntry[1];
        Staff.as(
                manager,
                Role.MANAGER,
                () -> posted[0] = exchange.post(new ExchangePost(
                        ExchangeEntry.Type.OFFER,
                        4000,
                        ExchangeEntry.ProductClass.HIGH_ENERGY,
                        null,
                        today.plusDays(30),
                        "surplus after the drive")));
        ExchangeEntry offer = posted[0];
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/network/exchange/" + offer.id())
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"volumeMl\":2500,\"day\":\"" + today.plusDays(25) + "\",\"reason\":\"some sent\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.volumeMl").value(2500));
        flushOutbox();
        deliverAll();
        ExchangeEntry relayed = exchange.boardEntry(offer.id());
        assertThat(relayed.volumeMl()).isEqualTo(2500);
        assertThat(relayed.useBefore()).isEqualTo(today.plusDays(25));
        assertThat(exchange.history(offer.id()))
                .anySatisfy(h -> assertThat(h.reason()).isEqualTo("some sent"));
    }

    @Test
    void aBankDeclaresAShortageItselfAndEndsIt() throws Exception {
        String manager = Staff.create(identity, Role.MANAGER);
        mvc.perform(post("/network/exchange/shortage")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf())
                        .param("reason", "freezer failure"))
                .andExpect(status().is3xxRedirection());
        assertThat(exchange.declaredShortage())
                .hasValueSatisfying(d -> assertThat(d.declared()).isTrue());
        flushOutbox();
        assertThat(forecasts.shortages()).anySatisfy(s -> {
            assertThat(s.facilityCode()).isEqualTo(facilityCode);
            assertThat(s.declared()).isTrue();
            assertThat(s.declaredReason()).isEqualTo("freezer failure");
        });
        deliverAll();
        assertThat(exchange.alerts())
                .anySatisfy(a -> assertThat(a.facilityCode()).isEqualTo(facilityCode));

        mvc.perform(post("/network/exchange/shortage")
                        .with(httpBasic(manager, Staff.PASSWORD))
                        .with(csrf())
                        .param("reason", "freezer repaired"))
                .andExpect(status().is3xxRedirection());
        flushOutbox();
        assertThat(forecasts.shortages()).noneMatch(s -> s.facilityCode().equals(facilityCode) && s.declared());
        assertThat(exchange.declarationHistory()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aRelayedEntryTheBankCannotKeepIsRefusedAndChangesNothing() {
        long n = new org.springframework.transaction.support.TransactionTemplate(transactions)
                .execute(s -> messages.publish(
                        ExchangeBoard.RELAY,
                        Map.of("facilityCode", "XX1", "id", "not-a-uuid", "type", "SWAP"),
                        java.util.Optional.empty()));
        SignedBatch message = messages.since(facilityCode, n - 1, 1).get(0);
        long before =
                jdbc.sql("select count(*) from network_board").query(Long.class).single();

        assertThat(inbox.deliver(message, BatchSignatures.publicKey(key.publicKeyText())))
                .isEqualTo(NetworkInbox.Delivery.REFUSED);
        assertThat(jdbc.sql("select count(*) from network_board")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void onlyTheManagerActsAndTheDispenserReads() throws Exception {
        String dispenser = Staff.create(identity, Role.DISPENSER);
        String nurse = Staff.create(identity, Role.NURSE);
        String admin = Staff.create(identity, Role.ADMIN);
        LocalDate today = LocalDate.now(clock);
        mvc.perform(get("/network/exchange").with(httpBasic(dispenser, Staff.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/network/exchange").with(httpBasic(admin, Staff.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/network/exchange").with(httpBasic(nurse, Staff.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/network/exchange")
                        .with(httpBasic(dispenser, Staff.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request(500, today.plusDays(3))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/network/exchange/shortage")
                        .with(httpBasic(admin, Staff.PASSWORD))
                        .with(csrf())
                        .param("reason", "x"))
                .andExpect(status().isForbidden());
        String page = mvc.perform(get("/network/exchange").with(httpBasic(dispenser, Staff.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain("data-testid=\"post-form\"");
    }
}
