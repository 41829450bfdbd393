package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ExchangeMatchingTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private static ExchangeEntry request(String bank, int ml, ExchangeEntry.ProductClass c, LocalDate neededBy) {
        return new ExchangeEntry(
                bank,
                "BR",
                null,
                UUID.randomUUID(),
                ExchangeEntry.Type.REQUEST,
                ml,
                c,
                neededBy,
                null,
                null,
                ExchangeEntry.Status.OPEN,
                null,
                null,
                List.of());
    }

    private static ExchangeEntry offer(String bank, int ml, ExchangeEntry.ProductClass c, LocalDate useBefore) {
        return new ExchangeEntry(
                bank,
                "VN",
                null,
                UUID.randomUUID(),
                ExchangeEntry.Type.OFFER,
                ml,
                c,
                null,
                useBefore,
                null,
                ExchangeEntry.Status.OPEN,
                null,
                null,
                List.of());
    }

    private static ExchangeEntry withdrawn(ExchangeEntry e) {
        return new ExchangeEntry(
                e.facilityCode(),
                e.country(),
                e.region(),
                e.id(),
                e.type(),
                e.volumeMl(),
                e.productClass(),
                e.neededBy(),
                e.useBefore(),
                e.reason(),
                ExchangeEntry.Status.WITHDRAWN,
                "done",
                null,
                List.of());
    }

    private static final ExchangeEntry.ProductClass PRETERM = ExchangeEntry.ProductClass.PRETERM;

    @Test
    void anOfferOfTheSameMilkLargeEnoughAndUsableWhenNeededCoversTheRequest() {
        ExchangeEntry need = request("BR001", 2000, PRETERM, TODAY.plusDays(5));
        ExchangeEntry give = offer("VN001", 3000, PRETERM, TODAY.plusDays(20));
        ExchangeEntry other = offer("VN002", 3000, ExchangeEntry.ProductClass.TERM, TODAY.plusDays(20));

        assertThat(ExchangeMatching.matches(List.of(need, give, other), TODAY))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.request()).isEqualTo(need);
                    assertThat(m.offer()).isEqualTo(give);
                });
    }

    @Test
    void tooLittleTooLateWithdrawnOrOwnOffersDoNotCover() {
        ExchangeEntry need = request("BR001", 2000, PRETERM, TODAY.plusDays(10));

        assertThat(ExchangeMatching.covers(offer("VN001", 1999, PRETERM, TODAY.plusDays(20)), need, TODAY))
                .isFalse();
        assertThat(ExchangeMatching.covers(offer("VN001", 2000, PRETERM, TODAY.plusDays(9)), need, TODAY))
                .isFalse();
        assertThat(ExchangeMatching.covers(offer("VN001", 2000, PRETERM, TODAY.plusDays(10)), need, TODAY))
                .isTrue();
        assertThat(ExchangeMatching.covers(withdrawn(offer("VN001", 5000, PRETERM, TODAY.plusDays(20))), need, TODAY))
                .isFalse();
        assertThat(ExchangeMatching.covers(offer("VN001", 5000, PRETERM, TODAY.plusDays(20)), withdrawn(need), TODAY))
                .isFalse();
        assertThat(ExchangeMatching.covers(offer("BR001", 5000, PRETERM, TODAY.plusDays(20)), need, TODAY))
                .isFalse();
    }

    @Test
    void aRequestWhoseDayHasPassedIsNoLongerMatched() {
        ExchangeEntry late = request("BR001", 100, PRETERM, TODAY.minusDays(1));
        assertThat(ExchangeMatching.covers(offer("VN001", 5000, PRETERM, TODAY.plusDays(20)), late, TODAY))
                .isFalse();
    }

    @Property(tries = 300)
    void anOfferCoversARequestExactlyWhenItHasTheVolumeAndLastsUntilTheDay(
            @ForAll @IntRange(min = 1, max = 10_000) int requested,
            @ForAll @IntRange(min = 1, max = 10_000) int offered,
            @ForAll @IntRange(min = 0, max = 60) int neededIn,
            @ForAll @IntRange(min = 0, max = 60) int usableFor) {
        ExchangeEntry need = request("BR001", requested, PRETERM, TODAY.plusDays(neededIn));
        ExchangeEntry give = offer("VN001", offered, PRETERM, TODAY.plusDays(usableFor));

        assertThat(ExchangeMatching.covers(give, need, TODAY)).isEqualTo(offered >= requested && usableFor >= neededIn);
    }
}
