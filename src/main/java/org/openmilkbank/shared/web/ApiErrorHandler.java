package org.openmilkbank.shared.web;

import java.util.stream.Collectors;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** API errors as RFC 9457 problem details: 422 for a refused rule, 404 for a missing record, 400 for bad input. */
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
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, RuleViolation e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.of(e));
        problem.setTitle(status == HttpStatus.NOT_FOUND ? "Not found" : "Refused");
        problem.setProperty("code", e.code());
        return problem;
    }
}
