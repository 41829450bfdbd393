package org.openmilkbank.donor;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One question of a questionnaire or addendum, with the answer that defers ({@code YES}, {@code NO} or
 * {@code >n}) and the deferral category it leads to; both null when no answer defers.
 */
public record QuestionView(
        UUID id,
        int position,
        String code,
        String text,
        AnswerType answerType,
        String deferWhen,
        DeferralCategory category,
        java.util.Map<String, String> texts) {

    public QuestionView {
        texts = texts == null ? java.util.Map.of() : java.util.Map.copyOf(texts);
    }

    /** Its text in that language (en, vi, lo) when its author gave one, else its text. */
    public String textIn(String language) {
        return texts.getOrDefault(language, text);
    }

    /** Whether this (already validated) answer defers the donor. */
    public boolean defers(String answer) {
        if (deferWhen == null || answer == null) {
            return false;
        }
        if (deferWhen.startsWith(">")) {
            return new BigDecimal(answer.strip())
                            .compareTo(new BigDecimal(deferWhen.substring(1).strip()))
                    > 0;
        }
        return deferWhen.equalsIgnoreCase(answer.strip());
    }

    /** An answer that does not defer, for forms' defaults and fixtures. */
    public String harmlessAnswer() {
        return switch (answerType) {
            case YES_NO -> "YES".equalsIgnoreCase(deferWhen) ? "NO" : "YES";
            case NUMBER -> "0";
            case TEXT -> "none";
        };
    }
}
