package org.openmilkbank.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.traceability.Lineage;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkUnitKind;
import org.openmilkbank.traceability.Traced;
import tools.jackson.databind.JsonNode;

/**
 * One bottle of a transfer's manifest, as the source sends it: its DIN (with check character), product code, volume,
 * expiry (day and, once thawed, moment), whether frozen, its run and pasteurisation day, release moment and its
 * lineage at the source: the pools it came from and the source's donor references (her donor code at the source,
 * never her name). The destination traces to the donor through the source bank by these references.
 */
public record ManifestEntry(
        String din,
        String product,
        int volumeMl,
        LocalDate expiresOn,
        Instant expiresAt,
        boolean frozen,
        List<String> runs,
        LocalDate pasteurisedOn,
        Instant releasedAt,
        List<String> pools,
        List<String> donors) {

    public ManifestEntry {
        runs = List.copyOf(runs);
        pools = List.copyOf(pools);
        donors = List.copyOf(donors);
    }

    /** The entry of a bottle from its view and its lineage at the source (only codes and labels are taken). */
    static ManifestEntry of(BottleView bottle, Lineage lineage, String product, ZoneId zone) {
        List<String> runs = new ArrayList<>();
        LocalDate pasteurisedOn = null;
        for (Traced.Unit u : lineage.units()) {
            if (u.kind() == MilkUnitKind.RUN) {
                runs.add(u.label());
                LocalDate day = u.createdAt().atZone(zone).toLocalDate();
                pasteurisedOn = pasteurisedOn == null || day.isAfter(pasteurisedOn) ? day : pasteurisedOn;
            }
        }
        List<String> pools = lineage.units().stream()
                .filter(u -> u.kind() == MilkUnitKind.POOL)
                .map(Traced.Unit::label)
                .toList();
        List<String> donors = new ArrayList<>(new LinkedHashSet<>(lineage.units().stream()
                .filter(u -> u.kind() == MilkUnitKind.CONTAINER && u.donorCode() != null)
                .map(Traced.Unit::donorCode)
                .sorted()
                .toList()));
        Instant released = lineage.events().stream()
                .filter(e -> e.type() == MilkEventType.RELEASED && e.kind() == MilkUnitKind.BOTTLE)
                .map(Lineage.Event::at)
                .reduce((a, b) -> b)
                .orElse(null);
        return new ManifestEntry(
                Din.parse(bottle.din()).withCheck(),
                product,
                bottle.volumeMl(),
                bottle.expiresOn(),
                bottle.expiresAt(),
                bottle.thawedAt() == null,
                runs,
                pasteurisedOn,
                released,
                pools,
                donors);
    }

    /** The entry as it travels (JSON object fields). */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("din", din);
        m.put("product", product);
        m.put("volumeMl", volumeMl);
        m.put("expiresOn", expiresOn.toString());
        m.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        m.put("clock", frozen ? "FROZEN" : "THAWED");
        m.put("frozen", frozen);
        m.put("runs", runs);
        m.put("pasteurisedOn", pasteurisedOn == null ? null : pasteurisedOn.toString());
        m.put("releasedAt", releasedAt == null ? null : releasedAt.toString());
        m.put("pools", pools);
        m.put("donors", donors);
        return m;
    }

    /** The lineage at the source, as the destination keeps it in the first event of the bottle's lineage. */
    Map<String, Object> sourceLineage() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pools", pools);
        m.put("runs", runs);
        m.put("donors", donors);
        m.put("pasteurisedOn", pasteurisedOn == null ? null : pasteurisedOn.toString());
        m.put("releasedAt", releasedAt == null ? null : releasedAt.toString());
        return m;
    }

    /** The entry as the destination received it; refuses one whose DIN or volume is not what a bottle has. */
    static ManifestEntry from(JsonNode m) {
        String expiresAt = text(m, "expiresAt");
        String pasteurised = text(m, "pasteurisedOn");
        String released = text(m, "releasedAt");
        return new ManifestEntry(
                Din.parse(m.path("din").asText("")).withCheck(),
                text(m, "product"),
                m.path("volumeMl").asInt(0),
                LocalDate.parse(m.path("expiresOn").asText("")),
                expiresAt == null ? null : Instant.parse(expiresAt),
                m.path("frozen").asBoolean(true),
                strings(m.path("runs")),
                pasteurised == null ? null : LocalDate.parse(pasteurised),
                released == null ? null : Instant.parse(released),
                strings(m.path("pools")),
                strings(m.path("donors")));
    }

    private static String text(JsonNode m, String field) {
        JsonNode v = m.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
