package org.openmilkbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddendaMedianTest {

    @Test
    void theMedianResponseIsTheMiddleBankOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(Addenda.median(List.of())).isNull();
        assertThat(Addenda.median(List.of(new BigDecimal("2"), new BigDecimal("5"), new BigDecimal("40"))))
                .isEqualByComparingTo("5");
        assertThat(Addenda.median(List.of(new BigDecimal("2"), new BigDecimal("5"))))
                .isEqualByComparingTo("3.5");
    }

    @Test
    void hoursAfterPublicationAreCountedToATenth() {
        Instant published = Instant.parse("2026-12-01T08:00:00Z");
        assertThat(Addenda.hours(published, Instant.parse("2026-12-02T09:30:00Z")))
                .isEqualByComparingTo("25.5");
    }
}
