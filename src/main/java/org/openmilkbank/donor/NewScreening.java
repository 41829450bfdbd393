package org.openmilkbank.donor;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openmilkbank.shared.TextLimits;

/**
 * A screening interview's (or an addendum's) answers, by question code ({@code answers[CODE]} in a page form), for
 * the active profile's current questionnaire.
 */
public record NewScreening(
        @NotNull LocalDate interviewedOn,
        @NotNull InterviewMode mode,
        Map<@Size(max = TextLimits.CODE) String, @Size(max = TextLimits.NOTE) String> answers) {

    public NewScreening {
        Map<String, String> given = new LinkedHashMap<>();
        if (answers != null) {
            answers.forEach((code, answer) -> {
                if (code != null && answer != null) {
                    given.put(code, answer);
                }
            });
        }
        answers = Collections.unmodifiableMap(given);
    }

    /** An empty interview form dated today. */
    public static NewScreening blank(LocalDate today) {
        return new NewScreening(today, null, Map.of());
    }
}
