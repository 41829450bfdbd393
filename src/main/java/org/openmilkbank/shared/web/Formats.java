package org.openmilkbank.shared.web;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way pages show numbers, volumes, dates and coded values in the reader's language ({@code ${@fmt.…}} in
 * templates): numbers with the locale's grouping (2,400 in English, 2.400 in Vietnamese and Lao), dates in the
 * pattern of the bundle key {@code format.date} (see docs/conventions.md), and an enum value through the key
 * {@code enum.<Type>.<VALUE>} (a nested type with its outer
 * type, {@code enum.RecallCase.Status.OPEN}), never its Java name. A missing value shows as nothing.
 */
@Component("fmt")
public class Formats {

    static final String NONE = "";

    /** How a date argument is kept in a stored message (history, reasons): ISO, shown in the reader's pattern. */
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final MessageSource messages;
    private final Clock clock;

    Formats(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** A count or a measured number, grouped as the reader's language groups digits. */
    public String number(Number value) {
        return number(value, locale());
    }

    public static String number(Number value, Locale locale) {
        return value == null ? NONE : NumberFormat.getInstance(locale).format(value);
    }

    /** A volume in millilitres, grouped as the reader groups digits: 2.400 mL in Vietnamese. */
    public String ml(Number value) {
        return value == null ? NONE : number(value) + " mL";
    }

    /** A calendar date in the reader's date pattern. */
    public String date(TemporalAccessor value) {
        return date(value, locale());
    }

    public String date(TemporalAccessor value, Locale locale) {
        if (value == null) {
            return NONE;
        }
        return pattern("format.date", locale).format(local(value).toLocalDate());
    }

    /** A moment (or a local date-time) in the bank's time zone, in the reader's date and time pattern. */
    public String dateTime(TemporalAccessor value) {
        return dateTime(value, locale());
    }

    public String dateTime(TemporalAccessor value, Locale locale) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof LocalDate date) {
            return date(date, locale);
        }
        return pattern("format.dateTime", locale).format(local(value));
    }

    /** A time of day, 24-hour, the same in every language. */
    public String time(LocalTime value) {
        return value == null ? NONE : value.format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    /** A coded value (a state, an outcome, a mode) in the reader's words: the key {@code enum.<SimpleName>.<VALUE>}. */
    public String label(Object value) {
        // a value that is not an enum (a state read as text) is shown as it is rather than failing the page
        return value instanceof Enum<?> e ? label(e, locale()) : value == null ? NONE : value.toString();
    }

    public String label(Enum<?> value, Locale locale) {
        if (value == null) {
            return NONE;
        }
        return messages.getMessage(key(value), null, value.name(), locale);
    }

    /**
     * A message kept as data (a key and its arguments: a history line, a card's detail, a timeline entry) in the
     * reader's words; a date among its arguments is shown in her date pattern, a number with her grouping.
     */
    public String said(MessageSourceResolvable said) {
        return said == null ? NONE : said(said, locale());
    }

    public String said(MessageSourceResolvable said, Locale locale) {
        Object[] args = said.getArguments() == null ? new Object[0] : said.getArguments();
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = argument(args[i], locale);
        }
        String[] codes = said.getCodes() == null ? new String[0] : said.getCodes();
        for (String code : codes) {
            String text = messages.getMessage(code, shown, null, locale);
            if (text != null) {
                return text;
            }
        }
        return said.getDefaultMessage() == null ? NONE : said.getDefaultMessage();
    }

    /** An argument as shown: translated if it is a word, a date in the reader's pattern. */
    public Object argument(Object arg, Locale locale) {
        if (arg instanceof MessageSourceResolvable r) {
            return said(r, locale);
        }
        if (arg instanceof java.util.List<?> items) {
            return String.join(
                    "; ",
                    items.stream().map(i -> String.valueOf(argument(i, locale))).toList());
        }
        if (arg instanceof LocalDate d) {
            return date(d, locale);
        }
        if (arg instanceof Enum<?> value) {
            return label(value, locale);
        }
        if (arg instanceof String text && ISO_DATE.matcher(text).matches()) {
            try {
                return date(LocalDate.parse(text), locale);
            } catch (java.time.DateTimeException e) {
                return text;
            }
        }
        return arg;
    }

    /** Yes or no in the reader's words, never "true" or "false". */
    public String yesNo(Boolean value) {
        return value == null ? NONE : messages.getMessage(value ? "common.yes" : "common.no", null, locale());
    }

    /** The bundle key of an enum value. */
    public static String key(Enum<?> value) {
        return org.openmilkbank.shared.Said.labelKey(value);
    }

    private LocalDateTime local(TemporalAccessor value) {
        if (value instanceof Instant i) {
            return LocalDateTime.ofInstant(i, clock.getZone());
        }
        if (value instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(clock.getZone()).toLocalDateTime();
        }
        if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(clock.getZone()).toLocalDateTime();
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        return LocalDateTime.from(value);
    }

    private DateTimeFormatter pattern(String key, Locale locale) {
        return DateTimeFormatter.ofPattern(messages.getMessage(key, null, "yyyy-MM-dd", locale), locale);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
