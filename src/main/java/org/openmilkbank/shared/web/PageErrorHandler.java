package org.openmilkbank.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A refused action on a page: back to the page it came from with the reason as a flash message (the
 * scanner-friendly default: the person sees why and can scan again). htmx requests get the message as a
 * fragment in place.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrorHandler {

    private final Messages messages;

    PageErrorHandler(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFound.class)
    String notFound(NotFound e, Model model, HttpServletResponse response, Authentication authentication) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("userRoles", LayoutModelAdvice.rolesOf(authentication));
        model.addAttribute("currentUser", authentication == null ? null : authentication.getName());
        model.addAttribute("message", messages.of(e));
        return "error/not-found";
    }

    @ExceptionHandler(RuleViolation.class)
    String refused(RuleViolation e, HttpServletRequest request, RedirectAttributes flash, Model model) {
        String message = messages.of(e);
        if (request.getHeader("HX-Request") != null) {
            model.addAttribute("error", message);
            return "fragments/layout :: alert";
        }
        flash.addFlashAttribute("error", message);
        String back = request.getHeader("Referer");
        return "redirect:" + (back == null || back.isBlank() ? "/" : back);
    }
}
