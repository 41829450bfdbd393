package org.openmilkbank.network;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.donor.AnswerType;
import org.openmilkbank.donor.DeferralCategory;

/**
 * One version of an emergency addendum at the hub, in its coordinator's words.
 *
 * @param titles the title per language given (en, vi, lo), in that order; {@code title} is the first given
 * @param messageSequence the hub's message that published it, {@code null} while a draft
 */
public record HubAddendum(
        UUID id,
        String code,
        int version,
        State state,
        String title,
        Map<String, String> titles,
        String source,
        int pauseDays,
        boolean suspendsRecruitment,
        List<String> extraTests,
        List<Question> questions,
        Instant createdAt,
        String createdBy,
        Instant publishedAt,
        String publishedBy,
        Long messageSequence,
        Instant withdrawnAt,
        String withdrawnBy,
        String withdrawnReason) {

    public enum State {
        DRAFT,
        PUBLISHED,
        SUPERSEDED,
        WITHDRAWN
    }

    /** A question as written: its text per language given, {@code text} the first given. */
    public record Question(
            String code,
            String text,
            Map<String, String> texts,
            AnswerType answerType,
            String deferWhen,
            DeferralCategory category) {

        public String textIn(String language) {
            return texts == null ? text : texts.getOrDefault(language, text);
        }
    }

    /** Its title in the reader's language when given, else the first given. */
    public String titleIn(String language) {
        return titles.getOrDefault(language, title);
    }

    public boolean draft() {
        return state == State.DRAFT;
    }

    public boolean published() {
        return state == State.PUBLISHED;
    }

    /** Its content as the coordinator's form, to amend a draft or start the next version. */
    public AddendumDraft toDraft() {
        return new AddendumDraft(
                code,
                titles.get("en"),
                titles.get("vi"),
                titles.get("lo"),
                source,
                pauseDays,
                suspendsRecruitment,
                String.join(", ", extraTests),
                questions.stream()
                        .map(q -> new AddendumDraft.Question(
                                q.code(),
                                q.texts().get("en"),
                                q.texts().get("vi"),
                                q.texts().get("lo"),
                                q.answerType(),
                                q.deferWhen(),
                                q.category()))
                        .toList());
    }
}
