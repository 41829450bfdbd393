package org.openmilkbank.network;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmilkbank.donor.AnswerType;
import org.openmilkbank.donor.DeferralCategory;
import org.openmilkbank.donor.NewAddendum;

/**
 * An emergency addendum as the network's coordinator writes it (the page's form and the API's body): words as typed,
 * a title and each question's text in English, Vietnamese and Lao when given (at least one), shown to a reader in her
 * language when given, else the first given.
 *
 * @param extraTests serology test codes, separated by commas or spaces, every donor needs while it is in force
 * @param questions the questions; a row left wholly blank is no question
 */
public record AddendumDraft(
        @Size(max = 40) String code,
        @Size(max = 240) String titleEn,
        @Size(max = 240) String titleVi,
        @Size(max = 240) String titleLo,
        @Size(max = 500) String source,
        @NotNull @Min(0) @Max(366) Integer pauseDays,
        Boolean suspendsRecruitment,
        @Size(max = 300) String extraTests,
        @Valid @Size(max = 30) List<Question> questions) {

    public AddendumDraft {
        questions = questions == null ? new ArrayList<>() : new ArrayList<>(questions);
    }

    /** One question; {@code deferWhen} is YES or NO for a yes/no question, {@code >n} for a number. */
    public record Question(
            @Size(max = 60) String code,
            @Size(max = 500) String textEn,
            @Size(max = 500) String textVi,
            @Size(max = 500) String textLo,
            AnswerType answerType,
            @Size(max = 20) String deferWhen,
            DeferralCategory category) {

        boolean blank() {
            return isBlank(code)
                    && isBlank(textEn)
                    && isBlank(textVi)
                    && isBlank(textLo)
                    && isBlank(deferWhen)
                    && category == null;
        }

        static Question empty() {
            return new Question(null, null, null, null, AnswerType.YES_NO, null, null);
        }
    }

    /** A blank form with a few empty question rows. */
    public static AddendumDraft blank() {
        List<Question> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(Question.empty());
        }
        return new AddendumDraft(null, null, null, null, null, 14, false, null, rows);
    }

    /** The same content with {@code extra} empty question rows after its own, for the amending form. */
    public AddendumDraft withEmptyRows(int extra) {
        List<Question> rows = new ArrayList<>(questions);
        for (int i = 0; i < extra; i++) {
            rows.add(Question.empty());
        }
        return new AddendumDraft(
                code, titleEn, titleVi, titleLo, source, pauseDays, suspendsRecruitment, extraTests, rows);
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String strip(String s) {
        return isBlank(s) ? null : s.strip();
    }

    static Map<String, String> words(String en, String vi, String lo) {
        Map<String, String> words = new LinkedHashMap<>();
        if (!isBlank(en)) {
            words.put("en", en.strip());
        }
        if (!isBlank(vi)) {
            words.put("vi", vi.strip());
        }
        if (!isBlank(lo)) {
            words.put("lo", lo.strip());
        }
        return words;
    }

    List<String> testCodes() {
        if (isBlank(extraTests)) {
            return List.of();
        }
        return List.of(extraTests.strip().toUpperCase(java.util.Locale.ROOT).split("[\\s,;]+"));
    }

    /**
     * The content as the donor module keeps it, checked by the donor module's own rule (one rule for the hub that
     * writes it and the bank that adopts it); a refusal names this form's field.
     */
    NewAddendum content(String code, String origin) {
        List<Integer> rows = new ArrayList<>();
        List<NewAddendum.Question> asked = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            if (q == null || q.blank()) {
                continue;
            }
            rows.add(i);
            Map<String, String> texts = words(q.textEn(), q.textVi(), q.textLo());
            String when = strip(q.deferWhen());
            asked.add(new NewAddendum.Question(
                    strip(q.code()) == null ? null : q.code().strip().toUpperCase(java.util.Locale.ROOT),
                    texts.isEmpty() ? null : texts.values().iterator().next(),
                    texts,
                    q.answerType(),
                    when == null
                            ? null
                            : when.toUpperCase(java.util.Locale.ROOT).replace(" ", ""),
                    q.category()));
        }
        Map<String, String> titles = words(titleEn, titleVi, titleLo);
        NewAddendum content = new NewAddendum(
                code,
                titles.isEmpty() ? null : titles.values().iterator().next(),
                titles,
                strip(source),
                pauseDays == null ? -1 : pauseDays,
                Boolean.TRUE.equals(suspendsRecruitment),
                testCodes(),
                asked,
                origin);
        try {
            content.check();
        } catch (org.openmilkbank.shared.RuleViolation refused) {
            refused.field().ifPresent(field -> refused.on(formField(field, rows)));
            throw refused;
        }
        return content;
    }

    /** The donor rule's field ({@code title}, {@code questions[1].text}) as this form's. */
    private static String formField(String field, List<Integer> rows) {
        if (field.equals("title")) {
            return "titleEn";
        }
        var m = java.util.regex.Pattern.compile("questions\\[(\\d+)]\\.(\\w+)").matcher(field);
        if (m.matches()) {
            int row = rows.get(Integer.parseInt(m.group(1)));
            String part = m.group(2).equals("text") ? "textEn" : m.group(2);
            return "questions[" + row + "]." + part;
        }
        return field;
    }
}
