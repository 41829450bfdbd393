package org.openmilkbank.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.inventory.BottleView;
import org.openmilkbank.shared.Din;
import org.openmilkbank.traceability.Lineage;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkUnitKind;
import org.openmilkbank.traceability.Traced;
import tools.jackson.databind.json.JsonMapper;

class ManifestEntryTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Instant RUN_AT = Instant.parse("2026-03-01T02:00:00Z");
    static final Instant RELEASED_AT = Instant.parse("2026-03-03T04:00:00Z");

    static Traced.Unit unit(MilkUnitKind kind, String label, String donorCode) {
        return new Traced.Unit(
                UUID.randomUUID(),
                kind,
                label,
                null,
                donorCode == null ? null : UUID.randomUUID(),
                donorCode,
                null,
                null,
                null,
                RUN_AT,
                List.of(),
                List.of(),
                List.of());
    }

    static Lineage lineage(Traced.Unit bottle) {
        return new Lineage(
                bottle,
                List.of(
                        unit(MilkUnitKind.CONTAINER, "A000126000001", "D-0042"),
                        unit(MilkUnitKind.CONTAINER, "A000126000002", "D-0007"),
                        unit(MilkUnitKind.CONTAINER, "A000126000003", "D-0042"),
                        unit(MilkUnitKind.POOL, "A000126000010", null),
                        unit(MilkUnitKind.RUN, "A000126000010-R1", null),
                        bottle),
                List.of(),
                List.of(new Lineage.Event(
                        bottle.label(),
                        MilkUnitKind.BOTTLE,
                        MilkEventType.RELEASED,
                        RELEASED_AT,
                        "nguyen.thi.lan",
                        null,
                        null,
                        null,
                        Map.of())),
                List.of());
    }

    @Test
    void carriesTheBottleAndItsLineageAtTheSourceByCodesNeverNamesOrStaff() {
        Din din = Din.of("A0001", 26, 11);
        BottleView b = new BottleView(
                UUID.randomUUID(),
                din.value(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                100,
                LocalDate.of(2026, 9, 1),
                BottleState.RELEASED);
        ManifestEntry entry =
                ManifestEntry.of(b, lineage(unit(MilkUnitKind.BOTTLE, din.withCheck(), null)), "M0007", ZONE);

        assertThat(entry.din()).isEqualTo(din.withCheck());
        assertThat(entry.donors()).containsExactly("D-0007", "D-0042");
        assertThat(entry.pools()).containsExactly("A000126000010");
        assertThat(entry.runs()).containsExactly("A000126000010-R1");
        assertThat(entry.pasteurisedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(entry.releasedAt()).isEqualTo(RELEASED_AT);
        assertThat(entry.frozen()).isTrue();

        String json = JsonMapper.builder().build().writeValueAsString(entry.toMap());
        assertThat(json).doesNotContain("nguyen.thi.lan").doesNotContain("Khamla");
        assertThat(entry.toMap())
                .containsOnlyKeys(
                        "din",
                        "product",
                        "volumeMl",
                        "expiresOn",
                        "expiresAt",
                        "clock",
                        "frozen",
                        "runs",
                        "pasteurisedOn",
                        "releasedAt",
                        "pools",
                        "donors");
    }

    @Test
    void theDestinationReadsTheEntryAsTheSourceWroteIt() {
        Din din = Din.of("A0001", 26, 12);
        BottleView b = new BottleView(
                UUID.randomUUID(),
                din.value(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                90,
                LocalDate.of(2026, 9, 1),
                BottleState.RELEASED);
        ManifestEntry sent =
                ManifestEntry.of(b, lineage(unit(MilkUnitKind.BOTTLE, din.withCheck(), null)), "M0007", ZONE);
        JsonMapper json = JsonMapper.builder().build();

        ManifestEntry read = ManifestEntry.from(json.readTree(json.writeValueAsString(sent.toMap())));

        assertThat(read).isEqualTo(sent);
    }
}
