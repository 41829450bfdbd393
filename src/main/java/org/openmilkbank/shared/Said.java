package org.openmilkbank.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * What a history entry says, as data: a message key and its arguments, rendered in the reader's language when read.
 * An argument that is itself a {@link Said} (or {@link #code}) is translated too, e.g. a state or an outcome.
 * A list argument (each item a {@link Said} or a value) is shown as its items joined by "; ".
 * Nothing translated is ever stored.
 */
public record Said(String key, List<Object> args) implements MessageSourceResolvable {

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
