package org.openmilkbank.donor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An emergency addendum: extra questions and a pause. {@code activationId} is set while it is switched on;
 * donors answer it at their next contact.
 */
public record AddendumView(
        UUID id,
        String code,
        String title,
        int pauseDays,
        List<QuestionView> questions,
        UUID activationId,
        Instant switchedOnAt,
        String switchedOnBy) {

    public AddendumView {
        questions = List.copyOf(questions);
    }

    public boolean active() {
        return activationId != null;
    }
}
