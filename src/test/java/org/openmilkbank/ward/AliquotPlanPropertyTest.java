package org.openmilkbank.ward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.openmilkbank.shared.RuleViolation;

/** However a bottle is divided, the syringes and the remainder add up to the bottle, and never more is taken. */
class AliquotPlanPropertyTest {

    @Property
    void syringesAndRemainderAlwaysAddUpToTheBottle(
            @ForAll @IntRange(min = 1, max = 500) int bottleMl,
            @ForAll @Size(min = 1, max = 26) List<@IntRange(min = 1, max = 200) Integer> volumes) {
        List<AliquotPlan.Wanted> wanted = volumes.stream()
                .map(v -> new AliquotPlan.Wanted(UUID.randomUUID(), v))
                .toList();
        int asked = volumes.stream().mapToInt(Integer::intValue).sum();
        if (asked > bottleMl) {
            assertThatThrownBy(() -> AliquotPlan.of(bottleMl, wanted, "not needed"))
                    .isInstanceOf(RuleViolation.class)
                    .hasMessageContaining("ward.aliquot.overBottle");
            return;
        }
        AliquotPlan plan = AliquotPlan.of(bottleMl, wanted, "not needed");
        assertThat(plan.dividedMl() + plan.remainderMl()).isEqualTo(bottleMl);
        assertThat(plan.remainderMl()).isNotNegative();
        assertThat(plan.parts()).extracting(AliquotPlan.Part::volumeMl).containsExactlyElementsOf(volumes);
        assertThat(plan.parts())
                .extracting(p -> p.division().value())
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[A-Z]0"));
    }

    @Property
    void aRemainderNeedsAReason(@ForAll @IntRange(min = 2, max = 500) int bottleMl) {
        List<AliquotPlan.Wanted> wanted = List.of(new AliquotPlan.Wanted(UUID.randomUUID(), bottleMl - 1));
        assertThatThrownBy(() -> AliquotPlan.of(bottleMl, wanted, " "))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("ward.aliquot.remainder.reasonRequired");
    }
}
