package org.openmilkbank.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmilkbank.collection.ContainerState;
import org.openmilkbank.inventory.BottleState;
import org.openmilkbank.pasteurization.RunState;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.support.BrowserTest;
import org.openmilkbank.traceability.HoldKind;

/**
 * Every lifecycle state and every hold has a badge a person can see, in the real stylesheet in Chromium: a
 * background that is not transparent, text that stands out from it, and a colour of its own among the states of
 * the same kind of milk — so milk that must not be used never looks like an empty cell.
 */
class EveryStateIsVisibleBrowserTest extends BrowserTest {

    record Look(String background, String color) {}

    private Map<String, Look> looks(List<String> classes) {
        page.navigate("/login");
        Map<String, Look> looks = new LinkedHashMap<>();
        for (String css : classes) {
            @SuppressWarnings("unchecked")
            List<String> look = (List<String>) page.evaluate("""
                    css => {
                        const span = document.createElement('span');
                        span.className = 'badge ' + css;
                        span.textContent = css;
                        document.body.appendChild(span);
                        const style = getComputedStyle(span);
                        return [style.backgroundColor, style.color];
                    }""", css);
            looks.put(css, new Look(look.get(0), look.get(1)));
        }
        return looks;
    }

    private static double[] rgb(String css) {
        String[] parts = css.replaceAll("[^0-9.,]", "").split(",");
        return new double[] {
            Double.parseDouble(parts[0]),
            Double.parseDouble(parts[1]),
            Double.parseDouble(parts[2]),
            parts.length > 3 ? Double.parseDouble(parts[3]) : 1.0
        };
    }

    private static double luminance(double[] c) {
        double[] l = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = c[i] / 255;
            l[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    }

    private static double contrast(String a, String b) {
        double la = luminance(rgb(a));
        double lb = luminance(rgb(b));
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private void everyBadgeIsVisibleAndItsOwn(String kind, List<String> classes) {
        Map<String, Look> looks = looks(classes);
        looks.forEach((css, look) -> {
            assertThat(rgb(look.background())[3])
                    .as(kind + " " + css + " has a background")
                    .isEqualTo(1.0);
            assertThat(contrast(look.background(), look.color()))
                    .as(kind + " " + css + " text stands out from its background")
                    .isGreaterThanOrEqualTo(4.5);
        });
        List<String> backgrounds =
                new ArrayList<>(looks.values().stream().map(Look::background).toList());
        assertThat(backgrounds).as(kind + " states each have their own colour").doesNotHaveDuplicates();
    }

    private static List<String> states(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> "state-" + v.name()).toList();
    }

    @Test
    void everyStateOfEveryKindOfMilkAndEveryHoldHasItsOwnVisibleBadge() {
        everyBadgeIsVisibleAndItsOwn("container", states(ContainerState.values()));
        everyBadgeIsVisibleAndItsOwn("pool", states(PoolState.values()));
        everyBadgeIsVisibleAndItsOwn("run", states(RunState.values()));
        everyBadgeIsVisibleAndItsOwn("bottle", states(BottleState.values()));
        everyBadgeIsVisibleAndItsOwn(
                "hold",
                Arrays.stream(HoldKind.values()).map(k -> "hold-" + k.name()).toList());
    }
}
