package org.openmilkbank.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openmilkbank.shared.Din;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandling;
import org.openmilkbank.traceability.MilkUnitKind;

/** What pooling and the culture add to the lineage; a block of the donors' milk is a hold, never a pool state. */
class PoolLineageTest {

    static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");

    @Test
    void noStateSaysBlocked() {
        assertThat(Arrays.stream(PoolState.values()).map(Enum::name)).doesNotContain("BLOCKED");
    }

    @Test
    void poolingMakesThePoolAUnitWithEachContainerAsItsParentAndItsVolume() {
        UUID pool = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Din din = Din.of("A0001", 26, 42);
        MilkHandling h = new ContainersPooled(
                        pool, din, AT, 2, List.of(new ContainersPooled.Part(a, 120), new ContainersPooled.Part(b, 80)))
                .handling();
        assertThat(h.units()).singleElement().satisfies(u -> {
            assertThat(u.id()).isEqualTo(pool);
            assertThat(u.din()).isEqualTo(din);
            assertThat(u.kind()).isEqualTo(MilkUnitKind.POOL);
            assertThat(u.donorId()).isNull();
        });
        assertThat(h.links())
                .containsExactly(new MilkHandling.Link(a, pool, 120, AT), new MilkHandling.Link(b, pool, 80, AT));
        assertThat(h.events()).singleElement().satisfies(e -> {
            assertThat(e.unitId()).isEqualTo(pool);
            assertThat(e.type()).isEqualTo(MilkEventType.POOLED);
            assertThat(e.data()).containsEntry("volumeMl", 200).containsEntry("donorCount", 2);
        });
    }

    @Test
    void aPassingCultureIsRecordedAndAFailingOneDiscardsThePoolWithACode() {
        UUID pool = UUID.randomUUID();
        assertThat(new PoolCultureRecorded(pool, AT, true, 100, 0L, null)
                        .handling()
                        .events())
                .extracting(MilkHandling.Happened::type)
                .containsExactly(MilkEventType.CULTURE_RECORDED);
        MilkHandling failed = new PoolCultureRecorded(pool, AT, false, 1_000_000, 0L, 0L).handling();
        assertThat(failed.events())
                .extracting(MilkHandling.Happened::type)
                .containsExactly(MilkEventType.CULTURE_RECORDED, MilkEventType.DISCARDED);
        assertThat(failed.events()).allSatisfy(e -> assertThat(e.reasonCode()).isEqualTo(PoolCultureRecorded.FAILED));
        assertThat(new PoolDiscarded(pool, AT).handling().events())
                .singleElement()
                .satisfies(e -> assertThat(e.reasonCode()).isEqualTo(PoolDiscarded.REASON));
    }
}
