package org.openmilkbank.donor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An emergency addendum: extra questions and a pause. {@code activationId} is set while it is switched on;
 * donors answer it at their next contact. While on, it may suspend recruitment (no new donor is registered) and add
 * serology tests every donor needs ({@code extraTests}).
 *
 * @param titles the title in each language its author gave (en, vi, lo), empty for a built-in or a bank's own
 * @param origin where it came from (the network's {@code NETWORK:<code>:<version>}), {@code null} for the bank's own
 */
public record AddendumView(
        UUID id,
        String code,
        String title,
        int pauseDays,
        List<QuestionView> questions,
        UUID activationId,
        Instant switchedOnAt,
        String switchedOnBy,
        java.util.Map<String, String> titles,
        boolean suspendsRecruitment,
        List<String> extraTests,
        String origin) {

    public AddendumView {
        questions = List.copyOf(questions);
        titles = titles == null ? java.util.Map.of() : java.util.Map.copyOf(titles);
        extraTests = extraTests == null ? List.of() : List.copyOf(extraTests);
    }

    /** Its title in that language (a language code: en, vi, lo) when its author gave one, else its title. */
    public String titleIn(String language) {
        return titles.getOrDefault(language, title);
    }

    public boolean active() {
        return activationId != null;
    }
}
