package org.openmilkbank.shared.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * API errors as RFC 9457 problem details in the caller's language: 422 for a refused rule, 404 for a missing
 * record, 400 for bad input naming the field, 409 when someone else saved the same thing or changed the record
 * at the same moment.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorHandler {

    private final Messages messages;

    ApiErrorHandler(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, e);
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail refused(RuleViolation e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, e);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        Map<String, String> fields = e.getBindingResult().getFieldErrors().stream()
                .collect(Collectors.toMap(
                        f -> f.getField(),
                        f -> String.valueOf(f.getDefaultMessage()),
                        (a, b) -> a + "; " + b,
                        java.util.LinkedHashMap::new));
        String detail = fields.entrySet().stream()
                .map(f -> f.getKey() + ": " + f.getValue())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(messages.get("error.badRequest.title"));
        problem.setProperty("code", "error.input.invalid");
        problem.setProperty("fields", List.copyOf(fields.keySet()));
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return badInput(BadInput.of(e));
    }

    @ExceptionHandler(TypeMismatchException.class)
    ProblemDetail wrongType(TypeMismatchException e) {
        return badInput(BadInput.of(e));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return badInput(new BadInput(e.getParameterName(), "error.input.missing", e.getParameterName()));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        if (BadInput.isUniqueViolation(e)) {
            return conflict("error.conflict.duplicate");
        }
        java.util.Optional<BadInput> tooLong = BadInput.ofTooLong(e);
        if (tooLong.isPresent()) {
            return refusedInput(tooLong.get());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, messages.get("error.integrity.refused"));
        problem.setTitle(messages.get("error.refused.title"));
        problem.setProperty("code", "error.integrity.refused");
        return problem;
    }

    /** Optimistic-lock conflicts, lock timeouts and deadlocks: nothing was saved; the caller may try again. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ProblemDetail concurrent(ConcurrencyFailureException e) {
        return conflict(
                e instanceof org.springframework.dao.OptimisticLockingFailureException
                        ? "error.conflict.concurrent"
                        : "error.conflict.locked");
    }

    private ProblemDetail conflict(String code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.get(code));
        problem.setTitle(messages.get("error.conflict.title"));
        problem.setProperty("code", code);
        return problem;
    }

    private ProblemDetail badInput(BadInput bad) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.get(bad.code(), bad.args()));
        problem.setTitle(messages.get("error.badRequest.title"));
        problem.setProperty("code", bad.code());
        if (bad.field() != null) {
            problem.setProperty("field", bad.field());
        }
        return problem;
    }

    /** Input the bank's records cannot hold (a text over the database's limit): 422 naming the field. */
    private ProblemDetail refusedInput(BadInput bad) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, messages.get(bad.code(), bad.args()));
        problem.setTitle(messages.get("error.refused.title"));
        problem.setProperty("code", bad.code());
        if (bad.field() != null) {
            problem.setProperty("field", bad.field());
        }
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, RuleViolation e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.of(e));
        problem.setTitle(status == HttpStatus.NOT_FOUND ? "Not found" : "Refused");
        problem.setProperty("code", e.code());
        return problem;
    }
}
