package org.openmilkbank.donor;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openmilkbank.shared.TextLimits;

/**
 * The results of one blood sample: its date and laboratory reference once, and an outcome per test of the panel
 * ({@code outcomes[HIV]=NEGATIVE}). A test without an outcome is not recorded; at least one is needed.
 */
public record NewSerologyPanel(
        @NotNull LocalDate sampleDate,
        @Size(max = TextLimits.CODE) String labReference,
        Map<String, SerologyOutcome> outcomes) {

    public NewSerologyPanel {
        labReference = labReference == null || labReference.isBlank() ? null : labReference.strip();
        Map<String, SerologyOutcome> given = new LinkedHashMap<>();
        if (outcomes != null) {
            outcomes.forEach((test, outcome) -> {
                if (test != null && !test.isBlank() && outcome != null) {
                    given.put(test.strip().toUpperCase(), outcome);
                }
            });
        }
        outcomes = Collections.unmodifiableMap(given);
    }

    /** An empty form: no date, no outcome. */
    public static NewSerologyPanel blank() {
        return new NewSerologyPanel(null, null, Map.of());
    }
}
