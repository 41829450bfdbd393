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

    /** The SQLState PostgreSQL answers for a failed check constraint. */
    static final String CHECK_VIOLATION = "23514";

    /** How the database's length limits are named (see {@code db/migration/afterMigrate.sql}). */
    static final String MAX_LENGTH_SUFFIX = "__max_length";

    /** The database's length limit for every free-text column; the same number as in the callback. */
    static final int DATABASE_MAX_CHARS = org.openmilkbank.shared.TextLimits.DATABASE;

    /** "Constraint … of relation … violates check constraint "name"": PostgreSQL's wording names it in quotes. */
    private static final java.util.regex.Pattern CHECK_CONSTRAINT =
            java.util.regex.Pattern.compile("check constraint \"([^\"]+)\"");

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

    /**
     * A write refused by a free-text column's length limit, naming the column: {@code <table>__<column>__max_length}
     * or, for a long table name, {@code <hash>__<column>__max_length}; empty for any other refusal.
     */
    static Optional<BadInput> ofTooLong(DataIntegrityViolationException e) {
        Optional<SQLException> sql =
                causeOf(e, SQLException.class).filter(s -> CHECK_VIOLATION.equals(s.getSQLState()));
        if (sql.isEmpty()) {
            return Optional.empty();
        }
        String constraint = constraintOf(sql.get());
        if (constraint == null || !constraint.endsWith(MAX_LENGTH_SUFFIX)) {
            return Optional.empty();
        }
        String head = constraint.substring(0, constraint.length() - MAX_LENGTH_SUFFIX.length());
        int split = head.lastIndexOf("__");
        String column = split < 0 ? null : head.substring(split + 2);
        return Optional.of(tooLong(column, DATABASE_MAX_CHARS));
    }

    /** A text longer than {@code max} characters in {@code field}. */
    static BadInput tooLong(String field, int max) {
        return new BadInput(field, "error.input.tooLong", field == null ? "?" : field, max);
    }

    private static String constraintOf(SQLException e) {
        if (e instanceof org.postgresql.util.PSQLException p
                && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getConstraint() != null) {
            return p.getServerErrorMessage().getConstraint();
        }
        java.util.regex.Matcher m = CHECK_CONSTRAINT.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : null;
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
