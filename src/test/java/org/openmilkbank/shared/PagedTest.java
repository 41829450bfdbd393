package org.openmilkbank.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagedTest {

    @Test
    void theSecondPageOfFiftyShowsRowsFiftyOneToOneHundred() {
        Paged<Integer> page =
                new Paged<>(IntStream.rangeClosed(51, 100).boxed().toList(), new PageRequest(2, 50), 1234);
        assertThat(page.first()).isEqualTo(51);
        assertThat(page.last()).isEqualTo(100);
        assertThat(page.hasNext()).isTrue();
        assertThat(page.hasPrevious()).isTrue();
    }

    @Test
    void theLastPageHasNoNextAndEndsAtTheTotal() {
        Paged<Integer> page = new Paged<>(List.of(1, 2, 3), new PageRequest(3, 50), 103);
        assertThat(page.first()).isEqualTo(101);
        assertThat(page.last()).isEqualTo(103);
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void aPageExactlyFullToTheTotalHasNoNext() {
        assertThat(new Paged<>(List.of(1, 2), new PageRequest(1, 2), 2).hasNext())
                .isFalse();
        assertThat(new Paged<>(List.of(1, 2), new PageRequest(1, 2), 3).hasNext())
                .isTrue();
    }

    @Test
    void anEmptyListShowsNothingAndHasNoOtherPage() {
        Paged<Integer> page = new Paged<>(List.of(), PageRequest.first(), 0);
        assertThat(page.first()).isZero();
        assertThat(page.last()).isZero();
        assertThat(page.hasNext()).isFalse();
        assertThat(page.hasPrevious()).isFalse();
    }

    @Test
    void aSliceOfAWholeListKeepsItsTrueTotal() {
        List<Integer> all = IntStream.rangeClosed(1, 120).boxed().toList();
        Paged<Integer> third = Paged.slice(all, new PageRequest(3, 50));
        assertThat(third.items()).containsExactlyElementsOf(all.subList(100, 120));
        assertThat(third.total()).isEqualTo(120);
        assertThat(third.hasNext()).isFalse();
        assertThat(Paged.slice(all, new PageRequest(9, 50)).items()).isEmpty();
    }

    @Test
    void mappingKeepsThePagePosition() {
        Paged<String> page = new Paged<>(List.of(1), new PageRequest(2, 1), 3).map(String::valueOf);
        assertThat(page.items()).containsExactly("1");
        assertThat(page.page()).isEqualTo(2);
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void theSizeDefaultsToFiftyAndIsHeldAtTwoHundred() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(1, 50));
        assertThat(PageRequest.of(2, 10_000).size()).isEqualTo(PageRequest.MAX_SIZE);
        assertThat(new PageRequest(3, 50).offset()).isEqualTo(100);
    }

    @Test
    void aPageOrSizeBelowOneIsRefusedWithACode() {
        assertThatThrownBy(() -> PageRequest.of(0, null))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("paging.page.invalid"));
        assertThatThrownBy(() -> PageRequest.of(1, 0))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("paging.size.invalid"));
    }
}
