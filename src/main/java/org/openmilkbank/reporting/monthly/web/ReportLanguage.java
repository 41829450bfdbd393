package org.openmilkbank.reporting.monthly.web;

import java.util.Locale;
import java.util.Set;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.context.i18n.LocaleContextHolder;

/** The language a report is printed in: {@code en}, {@code vi} or {@code lo}, else the reader's own. */
final class ReportLanguage {

    private static final Set<String> SPOKEN = Set.of("en", "vi", "lo");

    private ReportLanguage() {}

    static Locale of(String lang) {
        if (lang == null || lang.isBlank()) {
            return LocaleContextHolder.getLocale();
        }
        String code = lang.strip().toLowerCase(Locale.ROOT);
        if (!SPOKEN.contains(code)) {
            throw new RuleViolation("reporting.monthly.lang.invalid", lang).on("lang");
        }
        return Locale.forLanguageTag(code);
    }
}
