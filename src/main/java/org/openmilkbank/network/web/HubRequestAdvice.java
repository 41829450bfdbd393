package org.openmilkbank.network.web;

import java.util.Arrays;
import java.util.Locale;
import org.openmilkbank.network.HubRequestRefused;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A bank's signed request the hub refused: 401 with the coded reason, wherever the hub endpoint is. */
@RestControllerAdvice
class HubRequestAdvice {

    private final MessageSource messages;

    HubRequestAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(HubRequestRefused.class)
    ProblemDetail refused(HubRequestRefused refused, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNAUTHORIZED, messages.getMessage(refused.code(), refused.args(), refused.code(), locale));
        problem.setTitle(messages.getMessage("network.request.refused.title", null, "Unauthorized", locale));
        problem.setProperty("code", refused.code());
        problem.setProperty("args", Arrays.asList(refused.args()));
        return problem;
    }
}
