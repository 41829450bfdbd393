package org.openmilkbank.shared.web;

import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What was wrong with a request, named after the field, as a message key and arguments: read by both error
 * handlers so that API and pages say the same thing in the reader's language.
 */
record BadInput(String field, String code, Object... args) {

    /** The SQLState PostgreSQL answers for a duplicate key. */
    static final String UNIQUE_VIOLATION = "23505";

    static BadInput of(HttpMessageNotReadableException e) {
        JacksonException jackson = causeOf(e, JacksonException.class).orElse(null);
        if (jackson == null) {
            return new BadInput(null, "error.input.unreadable");
        }
        String field = path(jackson.getPath());
        if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return ofType(field, mismatch.getTargetType());
        }
        return field == null
                ? new BadInput(null, "error.input.unreadable")
                : new BadInput(field, "error.input.type.other", field);
    }

    static BadInput of(TypeMismatchException e) {
        String field = e.getPropertyName() != null ? e.getPropertyName() : "?";
        return e.getRequiredType() == null
                ? new BadInput(field, "error.input.type.other", field)
                : ofType(field, e.getRequiredType());
    }

    /** A value of the wrong kind for a field of type {@code target}. */
    static BadInput ofType(String field, Class<?> target) {
        String name = field == null ? "?" : field;
        if (target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants())
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
            return new BadInput(name, "error.input.type.enum", name, allowed);
        }
        if (target == UUID.class) {
            return new BadInput(name, "error.input.type.uuid", name);
        }
        if (target == java.time.LocalDate.class) {
            return new BadInput(name, "error.input.type.date", name);
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return new BadInput(name, "error.input.type.time", name);
        }
        if (Number.class.isAssignableFrom(target)
                || target == int.class
                || target == long.class
                || target == double.class
                || target == short.class
                || target == float.class) {
            return new BadInput(name, "error.input.type.number", name);
        }
        if (target == Boolean.class || target == boolean.class) {
            return new BadInput(name, "error.input.type.boolean", name);
        }
        if (target == String.class) {
            return new BadInput(name, "error.input.type.text", name);
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return new BadInput(name, "error.input.type.list", name);
        }
        return new BadInput(name, "error.input.type.other", name);
    }

    /** A unique key already held by another row: someone saved the same thing first. */
    static boolean isUniqueViolation(DataIntegrityViolationException e) {
        return causeOf(e, SQLException.class)
                .map(s -> UNIQUE_VIOLATION.equals(s.getSQLState()))
                .orElse(false);
    }

    private static String path(List<JacksonException.Reference> path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference r : path) {
            if (r.getPropertyName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    private static <T extends Throwable> Optional<T> causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
