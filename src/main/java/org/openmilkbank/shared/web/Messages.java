package org.openmilkbank.shared.web;

import org.openmilkbank.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Resolves message keys in the current user's language. */
@Component
public class Messages {

    private final MessageSource messageSource;

    Messages(MessageSource messageSource) {
        this.messageSource = messageSource;
    }

    public String get(String code, Object... args) {
        return messageSource.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    public String of(RuleViolation violation) {
        String message = get(violation.code(), violation.args());
        if (violation.reasons().isEmpty()) {
            return message;
        }
        return message + " "
                + violation.reasons().stream()
                        .map(r -> messageSource.getMessage(r, LocaleContextHolder.getLocale()))
                        .collect(java.util.stream.Collectors.joining("; "));
    }

    public String of(org.springframework.context.MessageSourceResolvable resolvable) {
        return messageSource.getMessage(resolvable, LocaleContextHolder.getLocale());
    }
}
