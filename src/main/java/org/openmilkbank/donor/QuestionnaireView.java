package org.openmilkbank.donor;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A published version of a profile's screening questionnaire. Never edited: a change is a new version. */
public record QuestionnaireView(
        UUID id, String profileCode, int version, LocalDate publishedOn, List<QuestionView> questions) {

    public QuestionnaireView {
        questions = List.copyOf(questions);
    }
}
