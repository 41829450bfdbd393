package org.openmilkbank.reporting.dhis2;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.openmilkbank.reporting.indicators.IndicatorDefinition;
import org.openmilkbank.reporting.indicators.IndicatorTable;
import org.openmilkbank.reporting.indicators.IndicatorValue;
import org.openmilkbank.shared.RuleViolation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One month of the bank's mapped numbers as DHIS2 takes them: a data value set (JSON) and the same values in ADX.
 * Only mapped numbers are sent; a mapped number the month has not got (a ratio with no denominator …) is left out
 * and listed in {@link #missing()} with why.
 */
public record Dhis2Export(
        YearMonth month,
        String orgUnit,
        String dataSet,
        String attributeOptionCombo,
        List<Sent> values,
        List<Missing> missing) {

    public static final String ADX_NAMESPACE = "urn:ihe:qrph:adx:2015";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyyyMM");

    public Dhis2Export {
        values = List.copyOf(values);
        missing = List.copyOf(missing);
    }

    /** A number sent: the mapping row and the value as DHIS2 reads it (a plain decimal with a dot). */
    public record Sent(Dhis2Mapping mapping, BigDecimal number, String value) {}

    /** A mapped number that is not sent, and why. */
    public record Missing(Dhis2Mapping mapping, MissingReason reason) {}

    /**
     * The month's export from the mapping rows in force and the month's indicator table; rows follow the data
     * dictionary's order (each indicator's total, then its breakdowns in their order).
     */
    public static Dhis2Export of(
            YearMonth month,
            Dhis2Connection connection,
            List<Dhis2Mapping> mappings,
            List<IndicatorDefinition> dictionary,
            IndicatorTable table) {
        Map<String, Integer> order = new java.util.HashMap<>();
        Map<String, IndicatorDefinition> definitions =
                dictionary.stream().collect(Collectors.toMap(IndicatorDefinition::code, Function.identity()));
        for (int i = 0; i < dictionary.size(); i++) {
            order.put(dictionary.get(i).code(), i);
        }
        Comparator<Dhis2Mapping> byDictionary = Comparator.<Dhis2Mapping>comparingInt(
                        m -> order.getOrDefault(m.indicatorCode(), Integer.MAX_VALUE))
                .thenComparing(Dhis2Mapping::indicatorCode)
                .thenComparingInt(m -> m.breakdown() == null
                        ? -1
                        : Optional.ofNullable(definitions.get(m.indicatorCode()))
                                .map(d -> d.breakdowns().indexOf(m.breakdown()))
                                .orElse(Integer.MAX_VALUE));
        List<Sent> sent = new ArrayList<>();
        List<Missing> missing = new ArrayList<>();
        for (Dhis2Mapping m : mappings.stream().sorted(byDictionary).toList()) {
            IndicatorDefinition definition = definitions.get(m.indicatorCode());
            if (definition == null) {
                missing.add(new Missing(m, MissingReason.UNKNOWN_INDICATOR));
                continue;
            }
            Optional<IndicatorValue> value = table.find(m.indicatorCode(), m.breakdown());
            if (value.isEmpty()) {
                missing.add(new Missing(m, MissingReason.NOT_COMPUTED));
            } else if (value.get().value() == null) {
                missing.add(
                        new Missing(m, definition.ratio() ? MissingReason.NO_DENOMINATOR : MissingReason.NOT_COMPUTED));
            } else {
                sent.add(new Sent(m, value.get().value(), plain(value.get().value())));
            }
        }
        return new Dhis2Export(
                month, connection.orgUnit(), connection.dataSet(), connection.attributeOptionCombo(), sent, missing);
    }

    /** DHIS2 reads numbers as plain decimals with a dot: {@code 12.5}, never {@code 1.25E+1} or {@code 12,5}. */
    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** DHIS2's monthly period: {@code 202611}. */
    public String period() {
        return month.format(PERIOD);
    }

    /** ADX's period: the first day and its duration, {@code 2026-11-01/P1M}. */
    public String adxPeriod() {
        return month.atDay(1) + "/P1M";
    }

    /** The data value set, the body of {@code POST /api/dataValueSets}, the same bytes every time. */
    public byte[] json() {
        ObjectNode root = JSON.createObjectNode();
        if (dataSet != null) {
            root.put("dataSet", dataSet);
        }
        root.put("period", period());
        root.put("orgUnit", orgUnit);
        if (attributeOptionCombo != null) {
            root.put("attributeOptionCombo", attributeOptionCombo);
        }
        ArrayNode list = root.putArray("dataValues");
        for (Sent s : values) {
            ObjectNode v = list.addObject();
            v.put("dataElement", s.mapping().dataElement());
            if (s.mapping().categoryOptionCombo() != null) {
                v.put("categoryOptionCombo", s.mapping().categoryOptionCombo());
            }
            v.put("value", s.value());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    }

    /** The SHA-256 of the data value set: a real push goes only after a dry run of the same digest succeeded. */
    public String digest() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same values in ADX ({@value #ADX_NAMESPACE}). ADX needs the data set. A value's disaggregation is its
     * mapping's ADX attributes (category code = option code), else DHIS2's own {@code categoryOptionCombo}.
     */
    public String adx(Instant exported) {
        if (dataSet == null) {
            throw new RuleViolation("reporting.dhis2.adx.needsDataSet");
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("adx");
            xml.writeDefaultNamespace(ADX_NAMESPACE);
            xml.writeAttribute(
                    "exported", exported.truncatedTo(ChronoUnit.SECONDS).toString());
            xml.writeCharacters("\n  ");
            xml.writeStartElement("group");
            xml.writeAttribute("orgUnit", orgUnit);
            xml.writeAttribute("period", adxPeriod());
            xml.writeAttribute("dataSet", dataSet);
            if (attributeOptionCombo != null) {
                xml.writeAttribute("attributeOptionCombo", attributeOptionCombo);
            }
            for (Sent s : values) {
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("dataValue");
                xml.writeAttribute("dataElement", s.mapping().dataElement());
                if (s.mapping().adxDisaggregation() != null) {
                    for (String pair : s.mapping().adxDisaggregation().split(";")) {
                        int eq = pair.indexOf('=');
                        xml.writeAttribute(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                } else if (s.mapping().categoryOptionCombo() != null) {
                    xml.writeAttribute("categoryOptionCombo", s.mapping().categoryOptionCombo());
                }
                xml.writeAttribute("value", s.value());
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.writeCharacters("\n");
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write ADX", e);
        }
        return out.toString();
    }
}
