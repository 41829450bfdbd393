package org.openmilkbank.donor;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.TextLimits;

/**
 * An emergency addendum's content, as its author wrote it: words are stored as typed ({@code title}, each
 * question's {@code text}, the first given; {@code titles}/{@code texts} per language en, vi, lo when given).
 *
 * @param pauseDays how long a donor is paused after an answer that defers (a confirmed case or an exposure)
 * @param suspendsRecruitment while on, no new donor is registered
 * @param extraTests serology tests (codes such as {@code ZIKV}) every donor needs, besides the profile's panel, while
 *     it is on: her milk is not accepted without a valid negative result for each
 * @param origin where it came from ({@code NETWORK:<code>:<version>}), {@code null} for the bank's own
 */
public record NewAddendum(
        String code,
        String title,
        Map<String, String> titles,
        String source,
        int pauseDays,
        boolean suspendsRecruitment,
        List<String> extraTests,
        List<Question> questions,
        String origin) {

    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,79}");
    public static final Pattern TEST = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,29}");
    public static final int MAX_PAUSE_DAYS = 366;
    public static final int MAX_QUESTIONS = 30;
    private static final Pattern NUMBER_RULE = Pattern.compile(">\\s*[0-9]+(\\.[0-9]+)?");

    public NewAddendum {
        titles = titles == null ? Map.of() : Map.copyOf(titles);
        extraTests = extraTests == null ? List.of() : List.copyOf(extraTests);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /**
     * One question: {@code deferWhen} is the answer that defers ({@code YES} or {@code NO} for a yes/no question,
     * {@code >n} for a number; none for a text), with the deferral category it leads to.
     */
    public record Question(
            String code,
            String text,
            Map<String, String> texts,
            AnswerType answerType,
            String deferWhen,
            DeferralCategory category) {

        public Question {
            texts = texts == null ? Map.of() : Map.copyOf(texts);
        }
    }

    /**
     * Refuses content the bank could not honour, naming the field: a code that is not a code, no title, a pause out
     * of range, nothing to do (no questions and no rule), a question without code or text, a code twice, a
     * defer-when that does not fit the answer type, a deferral category without a deferring answer (or the
     * reverse), an extra test that is no test code.
     */
    public void check() {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new RuleViolation("donor.addendum.codeInvalid", code == null ? "" : code).on("code");
        }
        if (title == null || title.isBlank()) {
            throw new RuleViolation("donor.addendum.titleRequired").on("title");
        }
        if (title.length() > TextLimits.NAME * 2
                || titles.values().stream().anyMatch(t -> t != null && t.length() > TextLimits.NAME * 2)) {
            throw new RuleViolation("donor.addendum.titleTooLong", TextLimits.NAME * 2).on("title");
        }
        if (pauseDays < 0 || pauseDays > MAX_PAUSE_DAYS) {
            throw new RuleViolation("donor.addendum.pauseRange", MAX_PAUSE_DAYS).on("pauseDays");
        }
        if (questions.isEmpty() && !suspendsRecruitment && extraTests.isEmpty()) {
            throw new RuleViolation("donor.addendum.empty");
        }
        if (questions.size() > MAX_QUESTIONS) {
            throw new RuleViolation("donor.addendum.tooManyQuestions", MAX_QUESTIONS).on("questions");
        }
        Set<String> tests = new HashSet<>();
        for (String test : extraTests) {
            if (test == null || !TEST.matcher(test).matches()) {
                throw new RuleViolation("donor.addendum.testInvalid", test == null ? "" : test).on("extraTests");
            }
            if (!tests.add(test)) {
                throw new RuleViolation("donor.addendum.testTwice", test).on("extraTests");
            }
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String at = "questions[" + i + "].";
            if (q.code() == null || !CODE.matcher(q.code()).matches()) {
                throw new RuleViolation("donor.addendum.questionCodeInvalid", i + 1).on(at + "code");
            }
            if (!codes.add(q.code())) {
                throw new RuleViolation("donor.addendum.questionTwice", q.code()).on(at + "code");
            }
            if (q.text() == null || q.text().isBlank()) {
                throw new RuleViolation("donor.addendum.questionTextRequired", q.code()).on(at + "text");
            }
            if (q.text().length() > 500 || q.texts().values().stream().anyMatch(t -> t != null && t.length() > 500)) {
                throw new RuleViolation("donor.addendum.questionTooLong", q.code(), 500).on(at + "text");
            }
            if (q.answerType() == null) {
                throw new RuleViolation("donor.addendum.answerTypeRequired", q.code()).on(at + "answerType");
            }
            String when = q.deferWhen();
            if (when != null) {
                boolean fits = switch (q.answerType()) {
                    case YES_NO -> when.equals("YES") || when.equals("NO");
                    case NUMBER -> NUMBER_RULE.matcher(when).matches();
                    case TEXT -> false;
                };
                if (!fits) {
                    throw new RuleViolation(
                                    "donor.addendum.deferWhenMismatch",
                                    q.code(),
                                    when,
                                    org.openmilkbank.shared.Said.label(q.answerType()))
                            .on(at + "deferWhen");
                }
            }
            if ((when == null) != (q.category() == null)) {
                throw new RuleViolation("donor.addendum.categoryWithDeferWhen", q.code()).on(at + "category");
            }
        }
    }
}
