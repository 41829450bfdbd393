package org.openmilkbank.standards.web;

import org.openmilkbank.standards.Standards;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Shows the active standard profile in the header of every page, so nobody works to the wrong numbers. */
@ControllerAdvice(annotations = Controller.class)
class ActiveProfileAdvice {

    private final Standards standards;

    ActiveProfileAdvice(Standards standards) {
        this.standards = standards;
    }

    @ModelAttribute("activeProfileName")
    String activeProfileName(Authentication authentication) {
        return authentication == null ? null : standards.activeProfile().name();
    }
}
