package org.openmilkbank.reporting.dhis2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.openmilkbank.reporting.indicators.IndicatorDefinition;
import org.openmilkbank.reporting.indicators.IndicatorTable;
import org.openmilkbank.reporting.indicators.IndicatorUnit;
import org.openmilkbank.reporting.indicators.IndicatorValue;
import org.openmilkbank.shared.RuleViolation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A month's mapped numbers as a DHIS2 data value set and as ADX, from a dictionary and a table made here. */
class Dhis2ExportTest {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final String OU = "DiszpKrYNg8";
    static final String DS = "BfMAe6Itzgt";

    static final List<IndicatorDefinition> DICTIONARY = List.of(
            new IndicatorDefinition("VOLUME_DISPENSED", IndicatorUnit.LITRES, false, List.of("NICU", "OUTPATIENT")),
            new IndicatorDefinition("VOLUME_PER_DONOR", IndicatorUnit.LITRES, true, List.of()),
            new IndicatorDefinition("DONORS_NEW", IndicatorUnit.COUNT, false, List.of()));

    static final IndicatorTable TABLE = new IndicatorTable(
            NOVEMBER.atDay(1),
            NOVEMBER.atEndOfMonth(),
            List.of(
                    value("VOLUME_DISPENSED", null, "382.450"),
                    value("VOLUME_DISPENSED", "NICU", "301.200"),
                    value("VOLUME_DISPENSED", "OUTPATIENT", "81.250"),
                    new IndicatorValue("VOLUME_PER_DONOR", null, null, BigDecimal.ZERO, BigDecimal.ZERO),
                    value("DONORS_NEW", null, "12")));

    static IndicatorValue value(String code, String breakdown, String v) {
        return new IndicatorValue(code, breakdown, new BigDecimal(v), new BigDecimal(v), null);
    }

    static Dhis2Mapping row(String code, String breakdown, String dataElement, String coc, String adx) {
        return new Dhis2Mapping(
                UUID.randomUUID(),
                code,
                breakdown,
                dataElement,
                coc,
                adx,
                "manager",
                Instant.EPOCH,
                null,
                null,
                null,
                0);
    }

    static Dhis2Connection connection(String dataSet) {
        return new Dhis2Connection(
                "https://dhis2.example.org", "bank", true, OU, dataSet, null, "admin", Instant.EPOCH, 0);
    }

    static final List<Dhis2Mapping> MAPPINGS = List.of(
            // in a different order than the dictionary's, to show the export follows the dictionary
            row("DONORS_NEW", null, "eY5ehpbEsB7", null, null),
            row("VOLUME_DISPENSED", "OUTPATIENT", "fbfJHSPpUQD", "Prlt0C1RF0s", "WARD=OUTPATIENT"),
            row("VOLUME_DISPENSED", "NICU", "fbfJHSPpUQD", "V6L425pT3A0", "WARD=NICU"),
            row("VOLUME_DISPENSED", null, "cYeuwXTCPkU", null, null),
            row("VOLUME_PER_DONOR", null, "hfdmMSPBgLG", null, null),
            row("RETIRED_INDICATOR", null, "x3Do5e7g4Qo", null, null));

    static final Dhis2Export EXPORT = Dhis2Export.of(NOVEMBER, connection(DS), MAPPINGS, DICTIONARY, TABLE);

    @Test
    void theDataValueSetHasThePeriodTheOrgUnitAndOneValuePerMappedNumberAsPlainDecimals() {
        JsonNode json = JsonMapper.builder().build().readTree(EXPORT.json());

        assertThat(json.path("period").asString()).isEqualTo("202611");
        assertThat(json.path("orgUnit").asString()).isEqualTo(OU);
        assertThat(json.path("dataSet").asString()).isEqualTo(DS);
        assertThat(json.has("attributeOptionCombo")).isFalse();
        List<String> values = new ArrayList<>();
        for (JsonNode v : json.path("dataValues")) {
            values.add(v.path("dataElement").asString() + "/"
                    + v.path("categoryOptionCombo").asString("-") + "="
                    + v.path("value").asString());
            assertThat(v.path("value").isString())
                    .as("DHIS2 takes values as text")
                    .isTrue();
        }
        assertThat(values)
                .containsExactly(
                        "cYeuwXTCPkU/-=382.45",
                        "fbfJHSPpUQD/V6L425pT3A0=301.2",
                        "fbfJHSPpUQD/Prlt0C1RF0s=81.25",
                        "eY5ehpbEsB7/-=12");
    }

    @Test
    void aRatioWithNoDenominatorAndAnIndicatorNoLongerInTheDictionaryAreLeftOutAndSaidWhy() {
        assertThat(EXPORT.missing())
                .extracting(m -> m.mapping().indicatorCode() + ":" + m.reason())
                .containsExactly("VOLUME_PER_DONOR:NO_DENOMINATOR", "RETIRED_INDICATOR:UNKNOWN_INDICATOR");
        assertThat(new String(EXPORT.json(), StandardCharsets.UTF_8))
                .doesNotContain("hfdmMSPBgLG")
                .doesNotContain("x3Do5e7g4Qo");
    }

    @Test
    void aBreakdownTheMonthHasNoNumberForIsLeftOutAsNotComputed() {
        Dhis2Export export = Dhis2Export.of(
                NOVEMBER,
                connection(null),
                List.of(row("DONORS_NEW", null, "eY5ehpbEsB7", null, null)),
                DICTIONARY,
                new IndicatorTable(NOVEMBER.atDay(1), NOVEMBER.atEndOfMonth(), List.of()));
        assertThat(export.values()).isEmpty();
        assertThat(export.missing())
                .extracting(Dhis2Export.Missing::reason)
                .containsExactly(MissingReason.NOT_COMPUTED);
    }

    @Test
    void numbersAreWrittenWithADotAndNeverInScientificNotation() {
        assertThat(Dhis2Export.plain(new BigDecimal("0.000"))).isEqualTo("0");
        assertThat(Dhis2Export.plain(new BigDecimal("1.2E+3"))).isEqualTo("1200");
        assertThat(Dhis2Export.plain(new BigDecimal("0.0000012"))).isEqualTo("0.0000012");
        assertThat(Dhis2Export.plain(new BigDecimal("2400.500"))).isEqualTo("2400.5");
    }

    @Test
    void theSamePayloadHasTheSameDigestAndAChangedValueAnother() {
        Dhis2Export again = Dhis2Export.of(NOVEMBER, connection(DS), MAPPINGS, DICTIONARY, TABLE);
        List<IndicatorValue> changed = new ArrayList<>(TABLE.values());
        changed.set(4, value("DONORS_NEW", null, "13"));
        Dhis2Export other = Dhis2Export.of(
                NOVEMBER, connection(DS), MAPPINGS, DICTIONARY, new IndicatorTable(TABLE.from(), TABLE.to(), changed));
        assertThat(again.digest()).isEqualTo(EXPORT.digest()).hasSize(64);
        assertThat(other.digest()).isNotEqualTo(EXPORT.digest());
    }

    @Test
    void theAdxIsWellFormedInItsNamespaceWithTheMonthAsAPeriodAndEveryValue() throws Exception {
        String adx = EXPORT.adx(Instant.parse("2026-12-01T08:15:30.123Z"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(adx.getBytes(StandardCharsets.UTF_8)));

        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("adx");
        assertThat(root.getNamespaceURI()).isEqualTo("urn:ihe:qrph:adx:2015");
        assertThat(root.getAttribute("exported")).isEqualTo("2026-12-01T08:15:30Z");
        NodeList groups = root.getElementsByTagNameNS("urn:ihe:qrph:adx:2015", "group");
        assertThat(groups.getLength()).isEqualTo(1);
        Element group = (Element) groups.item(0);
        assertThat(group.getAttribute("period")).isEqualTo("2026-11-01/P1M");
        assertThat(group.getAttribute("orgUnit")).isEqualTo(OU);
        assertThat(group.getAttribute("dataSet")).isEqualTo(DS);
        NodeList values = group.getElementsByTagNameNS("urn:ihe:qrph:adx:2015", "dataValue");
        List<String> read = new ArrayList<>();
        for (int i = 0; i < values.getLength(); i++) {
            Element v = (Element) values.item(i);
            read.add(v.getAttribute("dataElement") + "[" + v.getAttribute("WARD")
                    + v.getAttribute("categoryOptionCombo") + "]=" + v.getAttribute("value"));
        }
        assertThat(read)
                .containsExactly(
                        "cYeuwXTCPkU[]=382.45",
                        "fbfJHSPpUQD[NICU]=301.2",
                        "fbfJHSPpUQD[OUTPATIENT]=81.25",
                        "eY5ehpbEsB7[]=12");
    }

    @Test
    void theAdxIsValidAgainstTheAdxSchema() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/dhis2/adx.xsd"));
        schema.newValidator().validate(new StreamSource(new StringReader(EXPORT.adx(Instant.now()))));
    }

    @Test
    void theSchemaRefusesAPeriodThatIsNotAStartAndADuration() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/dhis2/adx.xsd"));
        String wrong = EXPORT.adx(Instant.now()).replace("2026-11-01/P1M", "202611");
        assertThatThrownBy(() -> schema.newValidator().validate(new StreamSource(new StringReader(wrong))))
                .hasMessageContaining("202611");
    }

    @Test
    void aCategoryOptionComboIsWrittenAsDhis2sOwnAttributeWhenNoAdxCodesAreMapped() {
        Dhis2Export export = Dhis2Export.of(
                NOVEMBER,
                connection(DS),
                List.of(row("VOLUME_DISPENSED", "NICU", "fbfJHSPpUQD", "V6L425pT3A0", null)),
                DICTIONARY,
                TABLE);
        assertThat(export.adx(Instant.now()))
                .contains("dataElement=\"fbfJHSPpUQD\" categoryOptionCombo=\"V6L425pT3A0\" value=\"301.2\"");
    }

    @Test
    void adxNeedsTheDataSet() {
        Dhis2Export export = Dhis2Export.of(NOVEMBER, connection(null), MAPPINGS, DICTIONARY, TABLE);
        assertThatThrownBy(() -> export.adx(Instant.now()))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code())
                .isEqualTo("reporting.dhis2.adx.needsDataSet");
        assertThat(new String(export.json(), StandardCharsets.UTF_8)).doesNotContain("dataSet");
    }
}
