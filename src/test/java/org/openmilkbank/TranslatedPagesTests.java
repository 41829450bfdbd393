package org.openmilkbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.dispensing.InfantView;
import org.openmilkbank.donor.DonorBackground;
import org.openmilkbank.donor.DonorManagement;
import org.openmilkbank.donor.DonorView;
import org.openmilkbank.identity.IdentityManagement;
import org.openmilkbank.identity.StaffAccount;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Role;
import org.openmilkbank.support.AnalyserFixtures;
import org.openmilkbank.support.DispensingFixtures;
import org.openmilkbank.support.IntegrationTest;
import org.openmilkbank.support.ProcessingFixtures;
import org.openmilkbank.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Staff who read Vietnamese or Lao see every page in their language: each page reachable from the navigation,
 * and the detail pages of each kind of record, answer without a missing message key ({@code ??…??}) and without
 * a piece of text that is an English message left untranslated (hard-coded in a template), without a coded value
 * shown by its Java name (NEGATIVE, IN_PERSON, READY) or an English word built in Java ("12 bottle(s)", "min",
 * "false"), and with {@code <html lang>} of the reader's language. Numbers and dates follow the reader's language,
 * the CSV export opens in Excel, and the donor's receipt is printed in her language.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranslatedPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    ApplicationContext context;

    String everyone;
    List<String> pages;
    UUID readyPool;
    UUID vietnameseDonation;

    @BeforeAll
    void aLittleBank() {
        everyone = "all-roles-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Staff.asSystem(() -> identity.create(everyone, "Every Role", Staff.PASSWORD, EnumSet.allOf(Role.class)));
        StaffAccount account = identity.findByUsername(everyone).orElseThrow();

        DispensingFixtures bank = new DispensingFixtures(context);
        DonorView donor = bank.eligibleDonor();
        List<RawContainerView> containers = bank.containers(3, donor, bank.eligibleDonor());
        DispensingFixtures.Batch batch = bank.released(containers, 4);
        InfantView infant = bank.infantWithConsent();
        UUID[] order = new UUID[1];
        Staff.as(
                "nurse-translated",
                Role.NURSE,
                () -> order[0] = context.getBean(org.openmilkbank.dispensing.orders.OrderManagement.class)
                        .request(
                                infant.id(),
                                new org.openmilkbank.dispensing.orders.OrderTerms(
                                        160, 20, 8, java.time.LocalDate.now(), null, null, null, "Dr Lan"))
                        .id());
        bank.dispense(infant, batch.bottles().get(0));
        // 2,400 mL: a number that shows its digit grouping
        PoolView ready = ProcessingFixtures.readyPool(context, "tech-recorder", 800, 800, 800);
        readyPool = ready.id();
        DonorView vietnamese = bank.eligibleDonor();
        Staff.asSystem(() -> context.getBean(DonorManagement.class)
                .recordBackground(vietnamese.id(), new DonorBackground("Tiếng Việt", null, null, null, null, null)));
        List<RawContainerView> raw = bank.containers(2, vietnamese);
        vietnameseDonation = raw.get(0).donationId();
        // a raw container with every quality check recorded, so that its QC page shows each result
        String checked = Din.parse(raw.get(0).din()).withCheck();
        org.openmilkbank.lab.quality.QualityManagement quality =
                context.getBean(org.openmilkbank.lab.quality.QualityManagement.class);
        Staff.as("tech-recorder", Role.LAB_TECHNICIAN, () -> {
            quality.recordSensory(
                    checked, new org.openmilkbank.lab.quality.SensoryForm(true, true, true, true, null, null));
            quality.recordDornic(
                    checked,
                    new org.openmilkbank.lab.quality.DornicForm(
                            new java.math.BigDecimal("0.05"),
                            new java.math.BigDecimal("0.06"),
                            new java.math.BigDecimal("0.055"),
                            null));
            quality.recordCrematocrit(
                    checked,
                    new org.openmilkbank.lab.quality.CrematocritForm(
                            new java.math.BigDecimal("4.5"), new java.math.BigDecimal("50"), null));
        });
        String containerDin = Din.parse(containers.get(0).din()).withCheck();
        String bottleDin = Din.parse(batch.bottles().get(1).din()).withCheck();
        AnalyserFixtures.Made analysed = AnalyserFixtures.importedFile(context, containerDin);
        UUID pasteuriser = org.openmilkbank.support.EquipmentFixtures.recordedPasteuriser(context);
        // a released-milk room with a box holding a bottle, and a finished stock take of it with one difference
        org.openmilkbank.storage.Places places = context.getBean(org.openmilkbank.storage.Places.class);
        String store =
                "TR-" + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        UUID[] storage = new UUID[2];
        Staff.as("manager-translated", Role.MANAGER, () -> {
            var unit = places.registerUnit(new org.openmilkbank.storage.NewStorageUnit(
                    store,
                    "Kho " + store,
                    org.openmilkbank.storage.UnitType.ROOM,
                    null,
                    org.openmilkbank.storage.PlacePurpose.RELEASED,
                    null));
            places.addInside(
                    unit.id(),
                    new org.openmilkbank.storage.NewPlaceInside(
                            store + "-B1", null, org.openmilkbank.storage.PlaceLevel.BOX, null, 12));
            storage[0] = unit.id();
        });
        Staff.as("tech-recorder", Role.LAB_TECHNICIAN, () -> {
            context.getBean(org.openmilkbank.storage.PutAway.class)
                    .put(new org.openmilkbank.storage.PutAwayScan(bottleDin, store + "-B1"));
            var takes = context.getBean(org.openmilkbank.storage.StockTakes.class);
            storage[1] = takes.start(storage[0]).id();
            takes.finish(storage[1]);
        });

        org.openmilkbank.support.ReportingDhis2Fixtures.Made dhis2 =
                org.openmilkbank.support.ReportingDhis2Fixtures.configured(context);

        // a bank waiting at this installation's hub, for the hub's pages
        String networkBank =
                "TP" + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Staff.as(
                "coordinator-translated",
                Role.NETWORK_COORDINATOR,
                () -> context.getBean(org.openmilkbank.network.NetworkHub.class)
                        .registerForEnrolment(
                                new org.openmilkbank.network.NewNetworkBank(networkBank, "LA", "Vientiane", 40, null)));
        // a transfer to another bank with a bottle scanned into it
        UUID[] transfer = new UUID[1];
        Staff.as("manager-translated", Role.MANAGER, () -> {
            var transfers = context.getBean(org.openmilkbank.transfer.Transfers.class);
            transfer[0] = transfers
                    .create(new org.openmilkbank.transfer.TransferForms.NewTransfer("Z0009", "REQ-1"))
                    .id();
            transfers.addBottle(
                    transfer[0],
                    new org.openmilkbank.transfer.TransferForms.Scan(org.openmilkbank.shared.Din.parse(
                                    batch.bottles().get(1).din())
                            .withCheck()));
        });

        pages = List.of(
                "/network/transfers",
                "/network/transfers/" + transfer[0],
                "/hub/transfers",
                "/hub",
                "/hub/benchmarks",
                "/hub/dictionary",
                "/hub/forecasts",
                "/hub/exchange",
                "/hub/addenda",
                "/network/exchange",
                "/network/addenda",
                "/network/benchmarks",
                "/",
                "/network",
                "/hub/banks",
                "/hub/banks/" + networkBank,
                "/donors",
                "/donors/" + donor.id(),
                "/donors/" + donor.id() + "/timeline",
                "/donors/worklists",
                "/donors/addenda",
                "/reception",
                "/reception?code=" + donor.code(),
                "/donations/" + containers.get(0).donationId(),
                "/containers",
                "/containers/" + containerDin,
                "/pools",
                "/pools/new",
                "/pools/" + batch.pool().id(),
                "/pools/" + ready.id(),
                "/runs",
                "/runs/new?pool=" + ready.id(),
                "/runs/" + batch.run().id(),
                "/runs/" + batch.run().id() + "/curve",
                "/runs/log-to-follow?pool=" + ready.id(),
                "/runs/loggers",
                "/runs/loggers/new",
                "/lab",
                "/lab/plan",
                "/lab/samples/new",
                "/lab/samples/new?purpose=POST_CULTURE",
                "/lab/procedures",
                "/lab/procedures/pre-culture",
                "/lab/procedures/dornic",
                "/lab/culture-reads/import",
                "/lab/samples/" + batch.run().postCultureSampleId(),
                "/bottles",
                "/bottles/" + bottleDin,
                "/infants",
                "/infants/" + infant.id(),
                "/orders",
                "/orders/" + order[0],
                "/ward/prepare?din=" + batch.bottles().get(0).din(),
                "/ward/bedside",
                "/ward/bedside?infant=" + infant.infantCode(),
                "/ward/infants/" + infant.id(),
                "/ward/near-misses",
                "/trace",
                "/trace/donors/" + donor.id(),
                "/trace/infants/" + infant.id(),
                "/trace/dins/" + containerDin,
                "/trace/dins/" + batch.pool().dinWithCheck(),
                "/trace/dins/" + bottleDin,
                "/standards",
                "/standards/profiles/NICE",
                "/standards/profiles/ITALY",
                "/admin/users",
                "/admin/users/" + account.id(),
                "/lab/analysers",
                "/lab/analysers/" + analysed.instrumentId(),
                "/lab/analysers/import",
                "/lab/analysers/imports/" + analysed.importId(),
                "/lab/analysers/results",
                "/lab/analysers/results?code=" + containerDin,
                "/lab/quality",
                "/lab/quality/" + checked,
                "/reports/lab",
                "/reports/indicators",
                "/reports/indicators/DISCARDED_VOLUME?breakdown=OTHER",
                "/reports/dictionary",
                "/reports",
                "/reports/targets",
                "/reports/targets/VOLUME_DISPENSED",
                "/reports/monthly",
                "/reports/monthly/" + java.time.YearMonth.now().minusMonths(1),
                "/reports/dhis2",
                "/reports/dhis2/mappings/" + dhis2.mappingId(),
                "/reports/dhis2/pushes",
                "/reports/dhis2/pushes/" + dhis2.pushId(),
                "/equipment",
                "/equipment/" + pasteuriser,
                "/storage/places",
                "/storage/places/" + storage[0],
                "/storage/put-away",
                "/storage/where?code=" + bottleDin,
                "/storage/stock-takes/" + storage[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "lo"})
    void everyPageSpeaksTheReadersLanguage(String language) throws Exception {
        Set<String> english = untranslatedEnglish(language);
        List<String> problems = new ArrayList<>();
        for (String path : pages) {
            MockHttpServletResponse response = mvc.perform(
                            get(path).param("lang", language).with(httpBasic(everyone, Staff.PASSWORD)))
                    .andReturn()
                    .getResponse();
            if (response.getStatus() != 200) {
                problems.add(path + " answered " + response.getStatus());
                continue;
            }
            String html = response.getContentAsString(StandardCharsets.UTF_8);
            if (!html.contains("<html lang=\"" + language + "\"")) {
                problems.add(path + " does not say <html lang=\"" + language + "\">");
            }
            if (html.contains("??")) {
                int at = html.indexOf("??");
                problems.add(path + " misses a message key: " + html.substring(at, Math.min(html.length(), at + 60)));
            }
            for (String text : textNodes(html)) {
                if (english.contains(text) && !DATA.contains(text)) {
                    problems.add(path + " shows English “" + text + "”");
                }
                Matcher code = CODE_WORDS.matcher(text);
                if (code.find()) {
                    problems.add(path + " shows the untranslated code “" + code.group() + "” in “" + text + "”");
                }
                Matcher word = ENGLISH_WORDS.matcher(text);
                if (word.find()
                        && !DATA.contains(text)
                        && !STAFF_USERNAME.matcher(text).matches()) {
                    problems.add(path + " shows the English word “" + word.group() + "” in “" + text + "”");
                }
                for (String name : NAMED) {
                    if (text.contains(name)) {
                        problems.add(path + " shows English “" + name + "”");
                    }
                }
            }
        }
        assertThat(problems).as("pages in %s", language).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "lo"})
    void theNavigationIsTranslated(String language) throws Exception {
        String html = mvc.perform(get("/").param("lang", language).with(httpBasic(everyone, Staff.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Properties navigation = bundle("messages", "");
        Properties translated = bundle("messages", "_" + language);
        List<String> texts = textNodes(html);
        for (String key : navigation.stringPropertyNames()) {
            if (key.startsWith("nav.") && !key.startsWith("nav.scan") && !key.equals("nav.activeProfile")) {
                assertThat(texts).as(key).doesNotContain(navigation.getProperty(key));
                assertThat(texts).as(key).contains(translated.getProperty(key));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "vi", "lo"})
    void numbersAreGroupedAsTheReadersLanguageGroupsThem(String language) throws Exception {
        String grouped = language.equals("en") ? "2,400" : "2.400";
        String other = language.equals("en") ? "2.400" : "2,400";
        for (String path : List.of("/pools/" + readyPool, "/pools")) {
            List<String> texts = textNodes(page(path, language));
            assertThat(texts).as("%s in %s", path, language).anyMatch(t -> t.contains(grouped));
            assertThat(texts).as("%s in %s", path, language).noneMatch(t -> t.contains(other) || t.contains("2400"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "lo"})
    void datesFollowTheReadersPattern(String language) throws Exception {
        String today = LocalDate.now(context.getBean(java.time.Clock.class))
                .minusDays(2)
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String iso = LocalDate.now(context.getBean(java.time.Clock.class))
                .minusDays(2)
                .toString();
        String html = page("/donations/" + vietnameseDonation, language);
        assertThat(html).contains(today).doesNotContain(iso);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "vi", "lo"})
    void theCsvExportOpensInExcelInTheReadersLanguage(String language) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        get("/donors/worklists.csv").param("lang", language).with(httpBasic(everyone, Staff.PASSWORD)))
                .andReturn()
                .getResponse();
        byte[] bytes = response.getContentAsByteArray();
        assertThat(bytes).as("UTF-8 byte order mark").startsWith(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String csv = new String(bytes, StandardCharsets.UTF_8);
        Properties translated = bundle("donor", language.equals("en") ? "" : "_" + language);
        String header = csv.substring(1, csv.indexOf("\r\n"));
        assertThat(header)
                .isEqualTo("\"" + translated.getProperty("donor.csv.code") + "\",\""
                        + translated.getProperty("donor.csv.name") + "\",\""
                        + translated.getProperty("donor.csv.status")
                        + "\",\"" + translated.getProperty("donor.csv.deferredUntil") + "\"");
        assertThat(csv).contains("\"" + translated.getProperty("enum.DonorStatus.ELIGIBLE") + "\"");
        if (!language.equals("en")) {
            assertThat(csv).doesNotContain("\"ELIGIBLE\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "lo"})
    void theReceiptIsPrintedInTheDonorsLanguageNotTheClerks(String clerk) throws Exception {
        byte[] pdf = mvc.perform(get("/donations/" + vietnameseDonation + "/receipt.pdf")
                        .param("lang", clerk)
                        .with(httpBasic(everyone, Staff.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        Properties vi = bundle("collection", "_vi");
        Properties clerks = bundle("collection", clerk.equals("en") ? "" : "_" + clerk);
        assertThat(text)
                .contains(vi.getProperty("collection.slip.title"))
                .contains(vi.getProperty("collection.slip.thanks"))
                .doesNotContain(clerks.getProperty("collection.slip.title"));
    }

    private String page(String path, String language) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        get(path).param("lang", language).with(httpBasic(everyone, Staff.PASSWORD)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** English message texts without arguments whose translation differs (so seeing them means English leaked). */
    private static Set<String> untranslatedEnglish(String language) throws IOException {
        Set<String> english = new LinkedHashSet<>();
        Resource[] all = new PathMatchingResourcePatternResolver().getResources("classpath:i18n/*.properties");
        for (Resource resource : all) {
            String name = resource.getFilename();
            if (name == null || name.contains("_")) {
                continue;
            }
            String bundle = name.replace(".properties", "");
            Properties en = bundle(bundle, "");
            Properties other = bundle(bundle, "_" + language);
            for (String key : en.stringPropertyNames()) {
                String value = en.getProperty(key).strip();
                if (value.length() >= 3
                        && !value.contains("{")
                        && !value.contains("'")
                        && !value.equals(other.getProperty(key, "").strip())) {
                    english.add(value);
                }
            }
        }
        return english;
    }

    /** Texts that are records' data, not messages: the first admin's display name. */
    private static final Set<String> DATA = Set.of("Administrator");

    /** The user names test staff are given ({@code donor-coordinator-1a2b3c4d}): data, not words of the page. */
    private static final Pattern STAFF_USERNAME = Pattern.compile("[a-z]+(-[a-z]+)*-[0-9a-f]{8}");

    /** Codes that read the same in every language (file formats, ICCBBA product codes, the HTST method). */
    private static final Set<String> SAME_IN_EVERY_LANGUAGE =
            Set.of("PDF", "ZPL", "CSV", "XLSX", "M0001", "M0003", "M0006", "M0007", "HTST");

    /** States, outcomes and modes as stored, of every enum a page may show: never raw, always through a message. */
    private static final Set<String> CODES = codes();

    /** Any of the codes as a word of its own (a DIN or a donor code never is one). */
    private static final Pattern CODE_WORDS =
            Pattern.compile("(?<![\\p{L}\\p{N}_])(" + String.join("|", CODES) + ")(?![\\p{L}\\p{N}_])");

    private static Set<String> codes() {
        Set<String> codes = new LinkedHashSet<>(List.of("PASSED", "FAILED", "PASS", "FAIL", "YES", "NO"));
        for (Class<? extends Enum<?>> type : EnumLabelsTests.shownEnums()) {
            for (Enum<?> constant : type.getEnumConstants()) {
                if (!SAME_IN_EVERY_LANGUAGE.contains(constant.name())) {
                    codes.add(constant.name());
                }
            }
        }
        return codes;
    }

    /**
     * English words that once leaked into Vietnamese and Lao pages from Java code, the data or a template: booleans,
     * units, plural stand-ins, words of the donor's timeline and work lists.
     */
    private static final Pattern ENGLISH_WORDS =
            Pattern.compile("\\b(true|false|min|days|months|hours|sampled|expressed|permanent|until|void|voided|re-test"
                    + "|bottles?|containers?|donors?|donations?)\\b|\\(s\\)");

    /** English names stored with the built-in profiles and addenda, which pages show through the bundles. */
    private static final List<String> NAMED = List.of(
            "North America",
            "United Kingdom",
            "Human Milk Banking Association",
            "clinical guideline",
            "Rede Brasileira",
            "New pathogen",
            "exposure and symptoms");

    private static final Pattern TEXT = Pattern.compile(">([^<>]+)<");

    private static List<String> textNodes(String html) {
        // a citation kept in its own language says so (lang="en") and is not a message
        String body = html.replaceAll("(?s)<script.*?</script>", "")
                .replaceAll("(?s)<(td|span|p|div)\\b[^>]*\\slang=\"en\"[^>]*>.*?</\\1>", "");
        List<String> texts = new ArrayList<>();
        Matcher m = TEXT.matcher(body);
        while (m.find()) {
            String text = HtmlUtils.htmlUnescape(m.group(1)).strip().replaceAll("\\s+", " ");
            if (!text.isEmpty()) {
                texts.add(text);
            }
        }
        return texts;
    }

    private static Properties bundle(String bundle, String suffix) throws IOException {
        Properties p = new Properties();
        var resource = new org.springframework.core.io.ClassPathResource("i18n/" + bundle + suffix + ".properties");
        try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
