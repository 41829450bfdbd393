package org.openmilkbank.shared;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a history entry says, as data: a message key and its arguments, rendered in the reader's language when read.
 * An argument that is itself a {@link Said} (or {@link #code}) is translated too, e.g. a state or an outcome.
 * A list argument (each item a {@link Said} or a value) is shown as its items joined by "; ".
 * Nothing translated is ever stored.
 */
@JsonIgnoreProperties({"codes", "arguments", "defaultMessage"})
public record Said(String key, List<Object> args) implements MessageSourceResolvable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Said {
        if (key == null || !key.matches("[a-z][a-zA-Z0-9_.-]*")) {
            throw new IllegalArgumentException("a history entry says a message key, not words: " + key);
        }
        args = List.copyOf(new ArrayList<>(args).stream().map(Said::plain).toList());
    }

    /** The entry's message key (with {@code .detail} for the detail line) and its arguments. */
    public static Said of(String key, Object... args) {
        return new Said(key, Arrays.asList(args));
    }

    /** A translated word as an argument: a state, an outcome, a reason code ({@code code("state.READY")}). */
    public static Said code(String key) {
        return new Said(key, List.of());
    }

    /** A coded value (a state, an outcome, a mode) as a translated word: the key {@code enum.<Type>.<VALUE>}. */
    public static Said label(Enum<?> value) {
        return code(labelKey(value));
    }

    /** The bundle key of an enum value; a nested type keeps its outer type: {@code enum.RecallCase.Status.OPEN}. */
    public static String labelKey(Enum<?> value) {
        Class<?> type = value.getDeclaringClass();
        String name =
                type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
        return "enum." + name + "." + value.name();
    }

    private static Object plain(Object arg) {
        if (arg == null) {
            return "—";
        }
        if (arg instanceof Said || arg instanceof Number || arg instanceof Boolean) {
            return arg;
        }
        if (arg instanceof List<?> items) {
            return items.stream().map(Said::plain).toList();
        }
        if (arg instanceof Din din) {
            return din.withCheck();
        }
        return arg.toString();
    }

    /** Reasons as JSON to store beside a record: {@code [{"key": …, "args": […]}, …]}. */
    public static String toJson(List<Said> said) {
        return JSON.writeValueAsString(encode(said));
    }

    /** Reasons stored by {@link #toJson}; none for a blank column (a row written before they were codes). */
    public static List<Said> listFromJson(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return decode(JSON.readValue(json, List.class)).stream()
                .filter(Said.class::isInstance)
                .map(Said.class::cast)
                .toList();
    }

    /** The reasons in the reader's language, joined by "; "; null when there are none. */
    public static String render(List<Said> said, MessageSource messages) {
        return said == null || said.isEmpty()
                ? null
                : said.stream()
                        .map(s -> text(s, messages, LocaleContextHolder.getLocale()))
                        .collect(Collectors.joining("; "));
    }

    /** One reason in the reader's language; a reason or a list of reasons among its arguments is rendered too. */
    private static String text(Said said, MessageSource messages, java.util.Locale locale) {
        Object[] args =
                said.args().stream().map(a -> shown(a, messages, locale)).toArray();
        return messages.getMessage(said.key(), args, said.key(), locale);
    }

    private static Object shown(Object arg, MessageSource messages, java.util.Locale locale) {
        if (arg instanceof Said inner) {
            return text(inner, messages, locale);
        }
        if (arg instanceof List<?> items) {
            return items.stream()
                    .map(i -> String.valueOf(shown(i, messages, locale)))
                    .collect(Collectors.joining("; "));
        }
        return arg;
    }

    /** Arguments as JSON: a translated word is kept as its key, {@code {"key": …, "args": […]}}. */
    static List<Object> encode(List<?> args) {
        return args.stream()
                .map(a -> a instanceof Said s
                        ? (Object) Map.of("key", s.key(), "args", encode(s.args()))
                        : a instanceof List<?> l ? encode(l) : a)
                .toList();
    }

    static List<Object> decode(List<?> args) {
        List<Object> out = new ArrayList<>();
        for (Object a : args) {
            if (a instanceof Map<?, ?> m && m.get("key") instanceof String key) {
                out.add(new Said(key, decode(m.get("args") instanceof List<?> l ? l : List.of())));
            } else if (a instanceof List<?> l) {
                out.add(decode(l));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    @Override
    public String[] getCodes() {
        return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
        return args.toArray();
    }

    @Override
    public String getDefaultMessage() {
        return key;
    }
}
