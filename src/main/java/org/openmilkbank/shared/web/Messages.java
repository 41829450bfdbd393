package org.openmilkbank.shared.web;

import org.openmilkbank.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Resolves message keys in the current user's language. */
@Component
public class Messages {

    private final MessageSource messageSource;
    private final Formats fmt;

    /** Outside Spring (plain tests): dates in the system's time zone. */
    Messages(MessageSource messageSource) {
        this(messageSource, new Formats(messageSource, java.time.Clock.systemDefaultZone()));
    }

    @org.springframework.beans.factory.annotation.Autowired
    Messages(MessageSource messageSource, Formats fmt) {
        this.messageSource = messageSource;
        this.fmt = fmt;
    }

    /** The message in the reader's language; a date argument in her date pattern, a coded word translated. */
    public String get(String code, Object... args) {
        var locale = LocaleContextHolder.getLocale();
        Object[] shown = args == null ? null : new Object[args.length];
        for (int i = 0; shown != null && i < args.length; i++) {
            shown[i] = fmt.argument(args[i], locale);
        }
        return messageSource.getMessage(code, shown, code, locale);
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
