package org.openmilkbank.donor;

import java.time.LocalDate;
import java.util.Map;

/** A screening interview's answers, by question code, for the active profile's current questionnaire. */
public record NewScreening(LocalDate interviewedOn, InterviewMode mode, Map<String, String> answers) {

    public NewScreening {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }
}
