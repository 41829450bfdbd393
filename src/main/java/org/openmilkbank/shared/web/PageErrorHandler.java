package org.openmilkbank.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A refused action on a page: back to the page it came from (only if that page is the bank's own) with the
 * reason as a flash message (the scanner-friendly default: the person sees why and can scan again). htmx
 * requests get the message as a fragment in place. Conflicts with someone else's change are refusals too.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrorHandler {

    private final Messages messages;

    PageErrorHandler(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFound.class)
    String notFound(NotFound e, Model model, HttpServletResponse response, Authentication authentication) {
        return notFoundPage(messages.of(e), HttpServletResponse.SC_NOT_FOUND, model, response, authentication);
    }

    /** A path variable or parameter that is no id, number or date at all: 400, on the not-found page's layout. */
    @ExceptionHandler(TypeMismatchException.class)
    String wrongType(
            TypeMismatchException e, Model model, HttpServletResponse response, Authentication authentication) {
        BadInput bad = BadInput.of(e);
        return notFoundPage(
                messages.get(bad.code(), bad.args()),
                HttpServletResponse.SC_BAD_REQUEST,
                model,
                response,
                authentication);
    }

    @ExceptionHandler(RuleViolation.class)
    String refused(RuleViolation e, HttpServletRequest request, RedirectAttributes flash, Model model) {
        return back(messages.of(e), request, flash, model);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    String integrity(
            DataIntegrityViolationException e, HttpServletRequest request, RedirectAttributes flash, Model model) {
        if (BadInput.isUniqueViolation(e)) {
            return back(messages.get("error.conflict.duplicate"), request, flash, model);
        }
        String message = BadInput.ofTooLong(e)
                .map(bad -> messages.get(bad.code(), bad.args()))
                .orElseGet(() -> messages.get("error.integrity.refused"));
        return back(message, request, flash, model);
    }

    @ExceptionHandler(ConcurrencyFailureException.class)
    String concurrent(
            ConcurrencyFailureException e, HttpServletRequest request, RedirectAttributes flash, Model model) {
        String code =
                e instanceof OptimisticLockingFailureException ? "error.conflict.concurrent" : "error.conflict.locked";
        return back(messages.get(code), request, flash, model);
    }

    private String back(String message, HttpServletRequest request, RedirectAttributes flash, Model model) {
        if (request.getHeader("HX-Request") != null) {
            model.addAttribute("error", message);
            return "fragments/layout :: alert";
        }
        flash.addFlashAttribute("error", message);
        return "redirect:" + SafeRedirect.back(request);
    }

    private String notFoundPage(
            String message, int status, Model model, HttpServletResponse response, Authentication authentication) {
        response.setStatus(status);
        model.addAttribute("userRoles", LayoutModelAdvice.rolesOf(authentication));
        model.addAttribute("currentUser", authentication == null ? null : authentication.getName());
        model.addAttribute("message", message);
        return "error/not-found";
    }
}
